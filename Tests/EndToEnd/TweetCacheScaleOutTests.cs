using System.Diagnostics;
using Npgsql;
using TweetsSoap.Client;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>
/// Two service processes on one PostgreSQL database, each with its tweet cache: a write answered by A shows on B
/// within the stated bound and never goes back, and B answers from its cache only while its listener listens.
/// </summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class TweetCacheScaleOutTests
{
    /// <summary>The freshness bound across instances (docs/read-path.md#freshness).</summary>
    private static readonly TimeSpan Bound = PostgresTweetCacheListener.Lease;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task WriteOnOneInstance_ShowsOnTheOtherWithinTheBound_AndNeverGoesBack()
    {
        var settings = await (await PostgresCluster.SharedAsync()).ServiceSettingsAsync();
        var started = await Task.WhenAll(ServiceProcess.StartAsync(settings), ServiceProcess.StartAsync(settings));
        await using var a = started[0];
        await using var b = started[1];
        var database = settings[1]["--Storage:ConnectionString=".Length..];
        var ada = await a.Soap.SignUpAsync();
        var grace = await b.Soap.SignUpAsync();
        var onB = b.Soap.Tweets(SoapVersion.Soap11);
        var tweet = await a.Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("cached on b", null, null, null);

        (string Write, Func<Task> Run, Func<Tweet?, bool> Shows)[] writes =
        [
            ("like", () => a.Soap.Social(SoapVersion.Soap11, grace).LikeAsync(tweet.Id), t => t?.Metrics.LikeCount == 1),
            ("retweet", () => a.Soap.Social(SoapVersion.Soap12, grace).RetweetAsync(tweet.Id), t => t?.Metrics.RetweetCount == 1),
            ("edit", () => a.Soap.Tweets(SoapVersion.Soap11, ada).UpdateTweetAsync(tweet.Id, "edited on a"), t => t?.Text == "edited on a"),
            ("reply", () => a.Soap.Tweets(SoapVersion.Soap11, grace).PostTweetAsync("a reply", tweet.Id, null, null), t => t?.Metrics.ReplyCount == 1),
            ("rename", () => a.Soap.Users(SoapVersion.Soap11, ada).UpdateUserAsync(ada.User.Id, null, null, null, "Augusta", null, null),
                t => t?.Author.DisplayName.Contains("Augusta", StringComparison.Ordinal) == true),
            ("unlike", () => a.Soap.Social(SoapVersion.Soap11, grace).UnlikeAsync(tweet.Id), t => t?.Metrics.LikeCount == 0),
            ("undo retweet", () => a.Soap.Social(SoapVersion.Soap11, grace).UndoRetweetAsync(tweet.Id), t => t?.Metrics.RetweetCount == 0),
            ("delete", () => a.Soap.Tweets(SoapVersion.Soap11, ada).DeleteTweetAsync(tweet.Id), t => t is null),
        ];
        // B's GetTweet, and its ListTweets and user timeline, whose tweets come from the same cache.
        async Task<bool> BShowsAsync(Func<Tweet?, bool> shows) => (await ReadEverywhereAsync(onB, ada.User.Id, tweet.Id)).All(shows);
        foreach (var (write, run, shows) in writes)
        {
            await AssertCachedAsync(b, database, tweet.Id);
            Assert.IsFalse((await ReadEverywhereAsync(onB, ada.User.Id, tweet.Id)).Any(shows), $"{write}: B shows the old tweet before the write");

            await run();
            var answered = Stopwatch.StartNew();
            for (var began = TimeSpan.Zero; !await BShowsAsync(shows); began = answered.Elapsed)
            {
                Assert.IsLessThan(Bound, began, $"{write}: a read on B that began {began} after A answered shows the old tweet");
            }

            TestContext.WriteLine($"{write}: shown on B {answered.Elapsed.TotalMilliseconds:F1} ms after A answered");
            for (var i = 0; i < 20; i++)
            {
                Assert.IsTrue(await BShowsAsync(shows), $"{write}: read {i} on B after it showed the write");
            }
        }
    }

    [TestMethod]
    public async Task ListenerConnectionKilled_TheInstanceReadsTheDatabaseUntilItListensAgain()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var settings = await cluster.ServiceSettingsAsync();
        var started = await Task.WhenAll(ServiceProcess.StartAsync(settings), ServiceProcess.StartAsync(settings));
        await using var a = started[0];
        await using var b = started[1];
        var database = settings[1]["--Storage:ConnectionString=".Length..];
        var databaseName = new NpgsqlConnectionStringBuilder(database).Database!;
        var ada = await a.Soap.SignUpAsync();
        var grace = await a.Soap.SignUpAsync();
        var onB = b.Soap.Tweets(SoapVersion.Soap11);
        var tweet = await a.Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("cached on b", null, null, null);
        await a.Soap.Social(SoapVersion.Soap11, grace).LikeAsync(tweet.Id);
        await AssertCachedAsync(b, database, tweet.Id);
        // Both services will need pooled sessions while new ones are refused: calls in parallel make them open a few.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(null, 20, null)));
        // A change that notifies nobody, as if its notification were lost: B keeps answering what it cached.
        await ExecuteAsync(database, $"BEGIN; SET LOCAL session_replication_role = replica; UPDATE tweets SET text = 'unannounced' WHERE id = '{tweet.Id}'; COMMIT;");
        Assert.AreEqual("cached on b", (await onB.GetTweetAsync(tweet.Id)).Text);

        // New sessions are refused, so B's listener cannot come back while A writes; the sessions the services
        // already pooled keep working.
        var admin = cluster.ConnectionString("postgres");
        await ExecuteAsync(admin, $"ALTER DATABASE {databaseName} WITH ALLOW_CONNECTIONS false");
        try
        {
            Assert.AreEqual(1L, await ScalarAsync(admin, $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{ListenerName(b)}'"));
            var killed = Stopwatch.StartNew();
            for (var began = TimeSpan.Zero; (await onB.GetTweetAsync(tweet.Id)).Text != "unannounced"; began = killed.Elapsed)
            {
                Assert.IsLessThan(Bound, began, $"a read on B that began {began} after its listener was killed answers from the cache");
            }

            TestContext.WriteLine($"B read the database {killed.Elapsed.TotalMilliseconds:F1} ms after its listener was killed");
            await a.Soap.Social(SoapVersion.Soap11, grace).UnlikeAsync(tweet.Id);
            await a.Soap.Tweets(SoapVersion.Soap11, ada).UpdateTweetAsync(tweet.Id, "edited while b did not listen");

            var read = await onB.GetTweetAsync(tweet.Id);
            Assert.AreEqual((0, "edited while b did not listen"), (read.Metrics.LikeCount, read.Text), "B reads the database while it does not listen");
            Assert.AreEqual(0L, await ScalarAsync(admin, $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ListenerName(b)}'"), "B's listener is still away");
        }
        finally
        {
            await ExecuteAsync(admin, $"ALTER DATABASE {databaseName} WITH ALLOW_CONNECTIONS true");
        }

        await PollAsync(async () => await ScalarAsync(admin, $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ListenerName(b)}'") is 1L, "B's listener to come back");
        await AssertCachedAsync(b, database, tweet.Id);
        for (var i = 0; i < 20; i++)
        {
            var read = await onB.GetTweetAsync(tweet.Id);
            Assert.AreEqual((0, "edited while b did not listen"), (read.Metrics.LikeCount, read.Text), $"read {i} on B after it listens again");
        }
    }

    private static string ListenerName(ServiceProcess instance) => PostgresTweetCacheListener.ApplicationName(instance.Id);

    /// <summary>Reads the tweet on <paramref name="instance"/> until it answers from its cache: an unannounced change
    /// of <c>created_at</c> (triggers off, so no notification) made after a read then goes unseen.</summary>
    private static async Task AssertCachedAsync(ServiceProcess instance, string database, Guid tweetId)
    {
        var tweets = instance.Soap.Tweets(SoapVersion.Soap11);
        await PollAsync(async () =>
        {
            var before = (await tweets.GetTweetAsync(tweetId)).CreatedAt;
            await ExecuteAsync(database, $"BEGIN; SET LOCAL session_replication_role = replica; UPDATE tweets SET created_at = created_at + interval '1 day' WHERE id = '{tweetId}'; COMMIT;");
            return (await tweets.GetTweetAsync(tweetId)).CreatedAt == before;
        }, "the instance to answer from its cache");
    }

    /// <summary>The tweet as <paramref name="tweets"/>' GetTweet, its author's ListTweets and user timeline show it (null: not there).</summary>
    private static async Task<Tweet?[]> ReadEverywhereAsync(TweetServiceClient tweets, Guid authorId, Guid id) =>
    [
        await ReadAsync(tweets, id),
        (await tweets.ListTweetsAsync(authorId, 20, null))!.Tweets!.SingleOrDefault(t => t.Id == id),
        (await tweets.GetUserTimelineAsync(authorId, 20, null, null, null))!.Tweets!.SingleOrDefault(t => t.Id == id),
    ];

    private static async Task<Tweet?> ReadAsync(TweetServiceClient tweets, Guid id)
    {
        try
        {
            return await tweets.GetTweetAsync(id);
        }
        catch (System.ServiceModel.FaultException<ServiceFault> fault) when (fault.Detail.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string waitingFor)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(30), deadline.Elapsed, $"Gave up waiting for {waitingFor}.");
            await Task.Delay(50);
        }
    }
}
