using System.Net;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Rest;

/// <summary>The login throttle answers the JSON face the HTTP way: 429 with Retry-After, and the same code as SOAP.</summary>
[TestClass]
[ServiceSettings("--Credentials:FailedLoginsPerAccount=2", "--Credentials:FailedLoginsPerAddress=1000", "--Credentials:FailedLoginWindow=00:10:00")]
public sealed class RestThrottleTests : ServiceTests<RestThrottleTests>
{
    [TestMethod]
    public async Task LoginOverJson_AfterTooManyFailures_Is429WithRetryAfter()
    {
        var account = await Soap.SignUpAsync();
        var json = new JsonApi(Service.Http);
        for (var i = 0; i < 2; i++)
        {
            using var failed = await json.SendAsync(HttpMethod.Post, "api/login", null, account.User.Username, $"guess {i}");
            Assert.AreEqual(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var response = await json.SendAsync(HttpMethod.Post, "api/login", null, account.User.Username, account.Password);
        var problem = await JsonApi.ProblemOfAsync(response);

        Assert.AreEqual((HttpStatusCode)429, response.StatusCode);
        Assert.AreEqual(ErrorCode.Throttled, problem.Code);
        Assert.IsTrue(problem.RetryAfterSeconds is > 0 and <= 600, $"retry after {problem.RetryAfterSeconds}");
        Assert.AreEqual(TimeSpan.FromSeconds(problem.RetryAfterSeconds!.Value), response.Headers.RetryAfter?.Delta);
    }
}
