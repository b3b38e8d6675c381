using System.Diagnostics;
using System.ServiceModel;
using Npgsql;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>Service processes as operators run them: several on one PostgreSQL database, and one stopped by SIGTERM.</summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class ScaleOutTests
{
    [TestMethod]
    public async Task TwoInstances_DrivenConcurrently_AgreeOnUsersAndEveryAcknowledgedTweet()
    {
        var settings = await PostgresSettingsAsync();
        // Started together, so both migrate the empty database at once.
        var started = await Task.WhenAll(ServiceProcess.StartAsync(settings), ServiceProcess.StartAsync(settings));
        await using var a = started[0];
        await using var b = started[1];
        ServiceProcess[] instances = [a, b];

        var usernames = Enumerable.Range(0, 6).Select(_ => SoapClients.UniqueUsername()).ToList();
        var attempts = await Task.WhenAll(usernames.SelectMany(name => Enumerable.Range(0, 4).Select(async i =>
        {
            try
            {
                var user = await instances[i % 2].Soap.Users(SoapVersion.Soap11)
                    .SignUpAsync(i % 2 == 0 ? name : name.ToUpperInvariant(), $"{Guid.NewGuid():N}@example.org", "correct horse", "Ada", "Lovelace", null, null);
                return (Name: name, Account: new Account(user, "correct horse"), Outcome: "created");
            }
            catch (FaultException<ServiceFault> fault)
            {
                return (Name: name, Account: (Account?)null, Outcome: fault.Detail.Code.ToString());
            }
        })));
        foreach (var name in usernames)
        {
            var outcomes = attempts.Where(x => x.Name == name).Select(x => x.Outcome).ToList();
            Assert.AreEqual(1, outcomes.Count(o => o == "created"), $"{name}: {string.Join(", ", outcomes)}");
            Assert.AreEqual(3, outcomes.Count(o => o == nameof(ErrorCode.Conflict)), $"{name}: {string.Join(", ", outcomes)}");
        }

        var accounts = attempts.Where(x => x.Account is not null).Select(x => x.Account!).ToList();
        var posted = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var via = i % 2;
            var tweet = await instances[via].Soap.Tweets(i % 3 == 0 ? SoapVersion.Soap12 : SoapVersion.Soap11, accounts[i % accounts.Count]).PostTweetAsync($"tweet {i} via {via}", null, null, null);
            return (Tweet: tweet, Via: via);
        }));

        foreach (var (tweet, via) in posted)
        {
            var read = await instances[1 - via].Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(tweet.Id);
            Assert.AreEqual(tweet.Text, read.Text);
            Assert.AreEqual(tweet.Author.Id, read.Author.Id);
            Assert.AreEqual(tweet.CreatedAt, read.CreatedAt);
        }

        var postedIds = posted.Select(p => p.Tweet.Id).ToList();
        Assert.HasCount(60, postedIds.Distinct().ToList());
        foreach (var (instance, pageSize) in new[] { (a, 7), (b, 11) })
        {
            var listed = await ListAllAsync(instance, pageSize);
            Assert.HasCount(listed.Count, listed.Distinct().ToList(), "no tweet on two pages");
            CollectionAssert.AreEquivalent(postedIds, listed);
            CollectionAssert.AreEqual(listed.OrderByDescending(id => id.ToString("N"), StringComparer.Ordinal).ToList(), listed, "newest (greatest id) first");
        }
    }

    [TestMethod]
    public async Task WriteOnOneInstance_WithoutTheTweetCache_IsReadOnTheOtherAsSoonAsItIsAnswered()
    {
        // Without the tweet cache the freshness bound across instances is zero: no instance keeps what it reads, so
        // a read that starts after a write's answer, on any instance of the same database, sees the write. With the
        // cache (the default) the bound is the listener's lease: TweetCacheScaleOutTests.
        string[] settings = [.. await PostgresSettingsAsync(), "--Storage:TweetCacheCapacity=0"];
        var started = await Task.WhenAll(ServiceProcess.StartAsync(settings), ServiceProcess.StartAsync(settings));
        await using var a = started[0];
        await using var b = started[1];
        var ada = await a.Soap.SignUpAsync();
        var grace = await b.Soap.SignUpAsync();
        var readOnB = b.Soap.Tweets(SoapVersion.Soap11);

        for (var round = 0; round < 5; round++)
        {
            // Each read on B runs right after the write's answer on A; B read the tweet before each write.
            var tweet = await a.Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync($"round {round}", null, null, null);
            Assert.AreEqual($"round {round}", (await readOnB.GetTweetAsync(tweet.Id)).Text);

            await a.Soap.Social(SoapVersion.Soap11, grace).LikeAsync(tweet.Id);
            Assert.AreEqual(1, (await readOnB.GetTweetAsync(tweet.Id)).Metrics!.LikeCount);

            await a.Soap.Tweets(SoapVersion.Soap12, ada).UpdateTweetAsync(tweet.Id, $"round {round}, edited");
            Assert.AreEqual($"round {round}, edited", (await readOnB.GetTweetAsync(tweet.Id)).Text);

            await a.Soap.Social(SoapVersion.Soap11, grace).UnlikeAsync(tweet.Id);
            Assert.AreEqual(0, (await readOnB.GetTweetAsync(tweet.Id)).Metrics!.LikeCount);

            await a.Soap.Tweets(SoapVersion.Soap11, ada).DeleteTweetAsync(tweet.Id);
            await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => readOnB.GetTweetAsync(tweet.Id));
        }
    }

    [TestMethod]
    public async Task Shutdown_WithARequestInFlight_FinishesItBeforeExiting()
    {
        var settings = await PostgresSettingsAsync();
        await using var service = await ServiceProcess.StartAsync(settings);
        var ada = await service.Soap.SignUpAsync();
        var connectionString = settings[1]["--Storage:ConnectionString=".Length..];

        // Holding a lock on the table keeps the INSERT of the request waiting inside the service.
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE tweets IN EXCLUSIVE MODE", blocker, transaction).ExecuteNonQueryAsync();
        var post = service.Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("in flight at shutdown", null, null, null);
        await PollAsync(async () => (long)(await new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", blocker, transaction).ExecuteScalarAsync())! == 1,
            "the PostTweet INSERT waiting for the lock");

        service.Terminate();
        await PollAsync(async () => !await service.IsListeningAsync(), "the service to stop accepting connections");
        Assert.IsFalse(post.IsCompleted, "The request should still be in flight.");
        await transaction.CommitAsync();

        var tweet = await post;
        Assert.AreEqual(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)), service.Output);
        await using var check = new NpgsqlCommand("SELECT text FROM tweets WHERE id = @id", blocker);
        check.Parameters.AddWithValue("id", tweet.Id);
        Assert.AreEqual("in flight at shutdown", await check.ExecuteScalarAsync());
    }

    private static async Task<string[]> PostgresSettingsAsync() => await (await PostgresCluster.SharedAsync()).ServiceSettingsAsync();

    private static async Task<List<Guid>> ListAllAsync(ServiceProcess instance, int pageSize)
    {
        var ids = new List<Guid>();
        string? token = null;
        do
        {
            var page = await instance.Soap.Tweets(SoapVersion.Soap12).ListTweetsAsync(null, pageSize, token);
            ids.AddRange(page.Tweets.Select(t => t.Id));
            token = page.NextPageToken;
        }
        while (token is not null);
        return ids;
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string waitingFor)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.IsTrue(deadline.Elapsed < TimeSpan.FromSeconds(30), $"Gave up waiting for {waitingFor}.");
            await Task.Delay(50);
        }
    }
}
