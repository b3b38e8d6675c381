using System.Net;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

[TestClass]
public sealed class HealthTests
{
    [TestMethod]
    [DataRow(StorageProvider.Sqlite)]
    [DataRow(StorageProvider.Postgres)]
    public async Task HealthEndpoints_OfAMigratedService_AnswerHealthy(StorageProvider backend)
    {
        await using var service = await ServiceFixture.StartAsync(backend);

        using var live = await service.Http.GetAsync("healthz");
        using var ready = await service.Http.GetAsync("readyz");

        Assert.AreEqual(HttpStatusCode.OK, live.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
        Assert.AreEqual("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
