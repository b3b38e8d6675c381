using System.Diagnostics;
using System.Net;
using TweetsSoap.Client;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>PostgreSQL goes away under a running service and comes back. The test has a cluster of its own to stop.</summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class OutageTests
{
    // A stopped server refuses connections at once, whatever the connect timeout; a hang would take the WCF
    // client's full minute.
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(20);

    [TestMethod]
    public async Task Calls_WhilePostgresIsStopped_FailFastAsUnavailableAndRecoverWhenItIsBack()
    {
        var cluster = await PostgresCluster.StartNewAsync();
        await using var service = await ServiceFixture.StartAsync(StorageProvider.Postgres, cluster);
        using var soap = new SoapClients(service);
        var ada = await soap.SignUpAsync();
        var before = await soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("before the outage", null, null, null);

        await cluster.StopAsync();

        var clock = Stopwatch.StartNew();
        var fault = await FaultAssert.ThrowsAsync(ErrorCode.Unavailable, () => soap.Tweets(SoapVersion.Soap12, ada).PostTweetAsync("during the outage", null, null, null));
        Assert.IsTrue(clock.Elapsed < FailFast, $"The call took {clock.Elapsed}.");
        StringAssert.Contains(fault.Message, "unavailable");
        foreach (var leak in new[] { "Npgsql", "Exception", "refused", "127.0.0.1", cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            Assert.DoesNotContain(leak, fault.Message);
        }

        var soap11 = await GetTweetRawAsync(service, SoapVersion.Soap11, before.Id);
        Assert.AreEqual(RawSoap.Soap11 + "Server", soap11.FaultCode);
        Assert.AreEqual("Unavailable", soap11.DetailCode);
        var soap12 = await GetTweetRawAsync(service, SoapVersion.Soap12, before.Id);
        Assert.AreEqual(RawSoap.Soap12 + "Receiver", soap12.FaultCode);
        Assert.AreEqual(RawSoap.Tns + "Unavailable", soap12.FaultSubcode);
        using (var ready = await service.Http.GetAsync("readyz"))
        {
            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        using (var live = await service.Http.GetAsync("healthz"))
        {
            Assert.AreEqual(HttpStatusCode.OK, live.StatusCode, "An outage of the database is no reason to restart the service.");
        }

        await cluster.StartAsync();
        await WaitUntilReadyAsync(service);

        var after = await soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("after the outage", null, null, null);
        var stored = (await soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(ada.User.Id, 10, null)).Tweets;
        CollectionAssert.AreEqual(new[] { after.Id, before.Id }, stored.Select(t => t.Id).ToList());
    }

    private static Task<RawResponse> GetTweetRawAsync(ServiceFixture service, SoapVersion version, Guid id) =>
        RawSoap.PostAsync(service.Http, "TweetService.svc", version, RawSoap.Action("TweetService", "GetTweet"),
            RawSoap.Envelope(version, $"""<GetTweet xmlns="{RawSoap.Ns}"><tweetId>{id}</tweetId></GetTweet>"""));

    private static async Task WaitUntilReadyAsync(ServiceFixture service)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var ready = await service.Http.GetAsync("readyz");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.IsTrue(deadline.Elapsed < TimeSpan.FromSeconds(60), "The service did not become ready again after PostgreSQL came back.");
            await Task.Delay(200);
        }
    }
}
