using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Storage;

/// <summary>
/// The PostgreSQL store as the service runs it, behind <see cref="CachingTweetStore"/> kept by a
/// <see cref="PostgresTweetCacheListener"/>, with a second such instance on the same database: every test of the
/// store contract runs on the first, and the model-based history also reads every tweet after every step on the
/// second, which hears of the first one's writes only through migration 0006's notifications. Each write so meets a
/// cached copy on an instance that did not make it.
/// </summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class PostgresTweetCacheTests : PostgresTweetStoreTests
{
    /// <summary>How long after a write's answer another instance may still show the old tweet (<see cref="PostgresTweetCacheListener"/>).</summary>
    private static readonly TimeSpan Bound = PostgresTweetCacheListener.Lease;

    private readonly List<PostgresTweetCacheListener> _listeners = [];
    private CachingTweetStore _other = null!;
    private CachingTweetStore _own = null!;
    private PostgresTweetStore _uncached = null!;

    protected override async Task<ITweetStore> WrapAsync(PostgresTweetStore store, PostgresDatabase database)
    {
        var cache = await StartCacheAsync(store, database);
        if (_own is null)
        {
            _own = cache;
            _uncached = store;
            var other = Open(ConnectionString);
            _other = await StartCacheAsync(new PostgresTweetStore(other), other);
        }

        return cache;
    }

    protected override async Task DeleteStoreAsync()
    {
        foreach (var listener in _listeners)
        {
            await listener.StopAsync(default);
            listener.Dispose();
        }

        await base.DeleteStoreAsync();
    }

    protected override async Task<TweetRecord?> ReadAsObservedAsync(Guid id, Func<TweetRecord?, bool> fresh)
    {
        var waited = Stopwatch.StartNew();
        TweetRecord? tweet;
        while (!fresh(tweet = await _other.GetTweetAsync(id, default)) && waited.Elapsed < Bound + TimeSpan.FromSeconds(1))
        {
            await Task.Delay(5);
        }

        return tweet;
    }

    [TestMethod]
    public async Task GetTweet_OnAnotherInstance_AfterTheAuthorRenamesOrIsDeleted_ShowsItWithinTheBound()
    {
        var author = User("renamed", "renamed@example.org");
        await Store.CreateUserAsync(author, default);
        var tweetId = await PostAsync(author, "before the rename");
        await AssertCachedOnTheOtherAsync(tweetId);

        Assert.IsTrue(await Store.UpdateUserAsync(author with { FirstName = "Augusta" }, default));
        Assert.AreEqual("Augusta", (await ReadAsObservedAsync(tweetId, t => t?.AuthorFirstName == "Augusta"))?.AuthorFirstName);

        await AssertCachedOnTheOtherAsync(tweetId);
        Assert.IsTrue(await Store.DeleteUserAsync(author.Id, default));
        Assert.IsNull(await ReadAsObservedAsync(tweetId, t => t is null));
    }

    [TestMethod]
    public async Task GetTweet_WhileTheListenersAreDisconnected_ReadsTheDatabase_AndNoEntryOutlivesTheReconnect()
    {
        var author = User("listened", "listened@example.org");
        await Store.CreateUserAsync(author, default);
        var tweetId = await PostAsync(author, "cached");
        await AssertCachedOnTheOtherAsync(tweetId);
        // A change that notifies nobody: as if its notification had been lost.
        await ExecuteUnannouncedAsync($"UPDATE tweets SET text = 'changed unannounced' WHERE id = '{tweetId}'");
        Assert.AreEqual("cached", (await _other.GetTweetAsync(tweetId, default))!.Text, "the cache answers what it holds");

        await ExecuteAsync(ConnectionString, $"""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = '{PostgresTweetCacheListener.ApplicationName(Environment.ProcessId)}'
            """);

        // The listeners notice at once (the server ends their sessions with an error) and the caches stop answering;
        // they listen again, forgetting what they held.
        Assert.AreEqual("changed unannounced", (await ReadAsObservedAsync(tweetId, t => t?.Text == "changed unannounced"))?.Text);
        await PollAsync(() => Task.FromResult(_other.IsAnswering && _own.IsAnswering), "the listeners to listen again");
        for (var i = 0; i < 20; i++)
        {
            Assert.AreEqual("changed unannounced", (await _other.GetTweetAsync(tweetId, default))!.Text, $"read {i} after the reconnect");
        }

        await AssertCachedOnTheOtherAsync(tweetId);
    }

    [TestMethod]
    public async Task GetTweet_WhenTheLeaseRunsOut_ReadsTheDatabase()
    {
        var author = User("leased", "leased@example.org");
        await Store.CreateUserAsync(author, default);
        var tweetId = await PostAsync(author, "cached");
        var cache = new CachingTweetStore(new PostgresTweetStore(Open(ConnectionString)), capacity: 10, answering: false);
        Assert.IsNull(await cache.GetTweetAsync(Guid.NewGuid(), default));
        Assert.IsFalse(cache.IsAnswering, "no lease, no answers");

        cache.AnswerUntil(Environment.TickCount64 + 60_000);
        await cache.GetTweetAsync(tweetId, default);
        await ExecuteUnannouncedAsync($"UPDATE tweets SET text = 'changed' WHERE id = '{tweetId}'");
        Assert.AreEqual("cached", (await cache.GetTweetAsync(tweetId, default))!.Text, "answered from memory on a lease");
        cache.AnswerUntil(Environment.TickCount64 - 1);

        Assert.IsFalse(cache.IsAnswering);
        Assert.AreEqual("changed", (await cache.GetTweetAsync(tweetId, default))!.Text, "read from the database once the lease ran out");
    }

    [TestMethod]
    public async Task Lists_FillInTweetsFromTheCache_AndShowAnotherInstancesWriteWithinTheBound()
    {
        var author = User("listed", "listed@example.org");
        var fan = User("fan", "fan@example.org");
        await Store.CreateUserAsync(author, default);
        await Store.CreateUserAsync(fan, default);
        var tweetId = await PostAsync(author, "listed");
        Assert.IsTrue(await Store.AddRelationAsync(Relation.Retweet, fan.Id, tweetId, Clock.NewId(), DateTime.UtcNow, default));
        // The retweet's own notice may still be on its way and forget the tweet: list until the same record comes twice.
        TweetRecord? first = null;
        await PollAsync(async () => ReferenceEquals(first, first = (await Store.ListTweetsAsync(author.Id, null, 10, default)).Single()), "the list to come from the cache");

        // Behind the cache's back the row changes: a list that read rows would show it, one filled from the cache does not.
        await ExecuteUnannouncedAsync($"UPDATE tweets SET text = 'changed unannounced' WHERE id = '{tweetId}'");
        Assert.AreEqual("listed", (await Store.ListTweetsAsync(author.Id, null, 10, default)).Single().Text);
        Assert.AreEqual("listed", (await Store.ListTweetsAsync(null, null, 10, default)).Single().Text);
        Assert.AreEqual("listed", (await Store.ListUserTimelineAsync(author.Id, IdRange.All, 10, default)).Single().Tweet.Text);
        var home = await Store.ListHomeTimelineAsync(fan.Id, IdRange.All, 10, default);
        Assert.AreEqual((tweetId, fan.Id, "listed"), home.Select(e => (e.Tweet.Id, e.Retweet!.UserId, e.Tweet.Text)).Single());

        // A like on the other instance reaches this one's lists through its notice, and the row is read again.
        Assert.IsTrue(await _other.AddRelationAsync(Relation.Like, fan.Id, tweetId, Clock.NewId(), DateTime.UtcNow, default));
        var waited = Stopwatch.StartNew();
        TweetRecord listed;
        while ((listed = (await Store.ListHomeTimelineAsync(fan.Id, IdRange.All, 10, default)).Single().Tweet).LikeCount == 0
            && waited.Elapsed < Bound + TimeSpan.FromSeconds(1))
        {
            await Task.Delay(5);
        }

        Assert.AreEqual((1, "changed unannounced"), (listed.LikeCount, listed.Text));
        Assert.AreEqual((1, "changed unannounced"), (await Store.ListTweetsAsync(author.Id, null, 10, default)).Select(t => (t.LikeCount, t.Text)).Single());
    }

    [TestMethod]
    public async Task Lists_WithoutALease_AreReadWhole_AndOnALeaseFromTheirKeys()
    {
        var author = User("unleased", "unleased@example.org");
        await Store.CreateUserAsync(author, default);
        var tweetId = await PostAsync(author, "listed");
        var keys = new CachingTweetStoreTests.KeysThenWrite(_uncached, () => Task.CompletedTask);
        var cache = new CachingTweetStore(_uncached, keys, capacity: 10, answering: false);

        Assert.AreEqual(tweetId, (await cache.ListTweetsAsync(author.Id, null, 10, default)).Single().Id);
        Assert.AreEqual(tweetId, (await cache.ListUserTimelineAsync(author.Id, IdRange.All, 10, default)).Single().Tweet.Id);
        Assert.AreEqual(tweetId, (await cache.ListHomeTimelineAsync(author.Id, IdRange.All, 10, default)).Single().Tweet.Id);
        Assert.AreEqual(0, keys.Listings, "no lease: one statement per list, whole rows");

        cache.AnswerUntil(Environment.TickCount64 + 60_000);
        Assert.AreEqual(tweetId, (await cache.ListTweetsAsync(author.Id, null, 10, default)).Single().Id);
        Assert.AreEqual(tweetId, (await cache.ListUserTimelineAsync(author.Id, IdRange.All, 10, default)).Single().Tweet.Id);
        Assert.AreEqual(tweetId, (await cache.ListHomeTimelineAsync(author.Id, IdRange.All, 10, default)).Single().Tweet.Id);
        Assert.AreEqual(3, keys.Listings, "on a lease: keys, then the cache");

        await ExecuteUnannouncedAsync($"UPDATE tweets SET text = 'changed' WHERE id = '{tweetId}'");
        Assert.AreEqual("listed", (await cache.ListTweetsAsync(author.Id, null, 10, default)).Single().Text, "answered from memory on a lease");
        cache.AnswerUntil(Environment.TickCount64 - 1);
        Assert.AreEqual("changed", (await cache.ListTweetsAsync(author.Id, null, 10, default)).Single().Text, "read from the database once the lease ran out");
    }

    [TestMethod]
    public async Task Lists_WhenATweetIsDeletedBetweenTheKeysAndTheRows_AreReadAgainWhole()
    {
        var author = User("hasty", "hasty@example.org");
        await Store.CreateUserAsync(author, default);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await PostAsync(author, $"tweet {i}"));
        }

        // The keys are listed, then the newest tweet goes (on another instance: this one hears of it only by its notice)
        // before the rows are filled in.
        var keys = new CachingTweetStoreTests.KeysThenWrite(_uncached, () => _other.DeleteTweetAsync(ids[^1], default));
        var cache = new CachingTweetStore(_uncached, keys, capacity: 100, answering: false);
        cache.AnswerUntil(Environment.TickCount64 + 60_000);

        var tweets = await cache.ListTweetsAsync(author.Id, null, 3, default);
        var timeline = await cache.ListUserTimelineAsync(author.Id, IdRange.All, 3, default);
        var home = await cache.ListHomeTimelineAsync(author.Id, IdRange.All, 3, default);

        // A page of 3 from 4 remaining tweets: full, newest first, without the deleted one.
        CollectionAssert.AreEqual(new[] { ids[3], ids[2], ids[1] }, tweets.Select(t => t.Id).ToList());
        CollectionAssert.AreEqual(new[] { ids[3], ids[2], ids[1] }, timeline.Select(e => e.Tweet.Id).ToList());
        CollectionAssert.AreEqual(new[] { ids[3], ids[2], ids[1] }, home.Select(e => e.Tweet.Id).ToList());
        Assert.AreEqual(3, keys.Listings);
    }

    /// <summary>Reads the tweet on the other instance until it comes from memory (the same record twice in a row), and
    /// checks that an unannounced change (<c>created_at</c> plus a day, a column no test here looks at) then goes unseen.</summary>
    private async Task AssertCachedOnTheOtherAsync(Guid tweetId)
    {
        TweetRecord? first = null;
        await PollAsync(async () => ReferenceEquals(first, first = await _other.GetTweetAsync(tweetId, default)), "the other instance to cache the tweet");
        await ExecuteUnannouncedAsync($"UPDATE tweets SET created_at = created_at + interval '1 day' WHERE id = '{tweetId}'");
        Assert.AreSame(first, await _other.GetTweetAsync(tweetId, default), "the other instance answers from its cache");
    }

    /// <summary>Runs <paramref name="sql"/> with triggers off (<c>session_replication_role = replica</c>), so no notification is sent.</summary>
    private Task ExecuteUnannouncedAsync(string sql) =>
        ExecuteAsync(ConnectionString, $"BEGIN; SET LOCAL session_replication_role = replica; {sql}; COMMIT;");

    private async Task<CachingTweetStore> StartCacheAsync(PostgresTweetStore store, PostgresDatabase database)
    {
        var cache = new CachingTweetStore(store, capacity: 1_000, answering: false);
        var listener = new PostgresTweetCacheListener(database, cache, NullLogger<PostgresTweetCacheListener>.Instance);
        _listeners.Add(listener);
        await listener.StartAsync(default);
        await PollAsync(() => Task.FromResult(cache.IsAnswering), "the cache to listen");
        return cache;
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string waitingFor)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(30), deadline.Elapsed, $"Gave up waiting for {waitingFor}.");
            await Task.Delay(10);
        }
    }
}
