using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Requests;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Requests;

/// <summary>
/// The request's cancellation reaches the operations through the request context: a read of a request whose client
/// has gone stops at the store, a write runs to its commit all the same (docs/architecture.md).
/// </summary>
[TestClass]
public sealed class CallCancellationTests : ServiceTests<CallCancellationTests>
{
    [TestMethod]
    public async Task AnAbandonedRequest_StopsItsRead_ButNotItsWrite()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        await using var scope = Service.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = aborted.Token };
        await new RequestContextMiddleware(_ => Task.CompletedTask, scope.ServiceProvider.GetRequiredService<SecurityLog>()).InvokeAsync(context);
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var username = SoapClients.UniqueUsername();

        var created = await users.SignUp(username, $"{username}@example.org", "correct horse battery", "Ada", "Lovelace", null, null);

        await Assert.ThrowsAsync<OperationCanceledException>(() => users.GetUser(created.Id), "the read took the request's cancellation");
        var stored = await Service.Services.GetRequiredService<ITweetStore>().GetUserAsync(created.Id, CancellationToken.None);
        Assert.AreEqual(username, stored?.Username, "the write committed although the client had gone");
    }
}
