using System.Reflection;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Tests.Storage;

/// <summary>
/// The SQLite store as the service runs it, behind <see cref="CachingTweetStore"/>: every test of the store contract
/// and the model-based history (which reads every tweet after every step, so each write meets a cached copy), plus
/// reads racing writes.
/// </summary>
[TestClass]
public sealed class CachingTweetStoreTests : SqliteTweetStoreTests
{
    private SqliteTweetStore _uncached = null!;

    protected override ITweetStore Wrap(SqliteTweetStore store)
    {
        _uncached = store;
        return new CachingTweetStore(store, capacity: 1_000);
    }

    [TestMethod]
    [DataRow(300, 4)]
    public async Task GetTweet_WhileReadersRaceEachWrite_AlwaysShowsTheCallersOwnLastWrite(int toggles, int readers)
    {
        var author = User("author", "author@example.org");
        var fan = User("fan", "fan@example.org");
        await Store.CreateUserAsync(author, default);
        await Store.CreateUserAsync(fan, default);
        var tweetId = await PostAsync(author, "liked and unliked");

        using var done = new CancellationTokenSource();
        using var started = new CountdownEvent(readers);
        var racing = Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!done.IsCancellationRequested)
            {
                await Store.GetTweetAsync(tweetId, default);
                if (reads++ == 0)
                {
                    started.Signal();
                }

                // A hit completes synchronously: without yielding, the readers would hold every core and starve the
                // writer (and the tests running beside this one) past the write deadline.
                await Task.Delay(1);
            }

            return reads;
        })).ToArray();
        Assert.IsTrue(started.Wait(TimeSpan.FromSeconds(30)), "every reader reads before the writes begin");

        for (var i = 0; i < toggles; i++)
        {
            var liked = i % 2 == 0;
            Assert.IsTrue(liked
                ? await Store.AddRelationAsync(Relation.Like, fan.Id, tweetId, Clock.NewId(), DateTime.UtcNow, default)
                : await Store.RemoveRelationAsync(Relation.Like, fan.Id, tweetId, default));
            Assert.AreEqual(liked ? 1 : 0, (await Store.GetTweetAsync(tweetId, default))!.LikeCount, $"read after toggle {i}");
        }

        await done.CancelAsync();
        await Task.WhenAll(racing);
        Assert.AreEqual((await _uncached.GetTweetAsync(tweetId, default))!.LikeCount, (await Store.GetTweetAsync(tweetId, default))!.LikeCount);
    }

    [TestMethod]
    public async Task GetTweet_WhoseMissReadTheRowBeforeALikeCommitted_DoesNotKeepTheOldRow()
    {
        var author = User("slow", "slow@example.org");
        var fan = User("quick", "quick@example.org");
        await Store.CreateUserAsync(author, default);
        await Store.CreateUserAsync(fan, default);
        var tweetId = await PostAsync(author, "read slowly");
        var gate = new ReadGate();
        var cache = new CachingTweetStore(ReadGate.Around(_uncached, gate), capacity: 10);

        var slowRead = cache.GetTweetAsync(tweetId, default);
        await gate.RowRead.Task;
        Assert.IsTrue(await cache.AddRelationAsync(Relation.Like, fan.Id, tweetId, Clock.NewId(), DateTime.UtcNow, default));
        gate.Release.SetResult();

        Assert.AreEqual(0, (await slowRead)!.LikeCount, "the slow read answers the row it read");
        Assert.AreEqual(1, (await cache.GetTweetAsync(tweetId, default))!.LikeCount, "the next read sees the like");
    }

    /// <summary>Holds the first GetTweetAsync of the store it wraps after the row is read, until released.</summary>
    public class ReadGate : DispatchProxy
    {
        private ITweetStore _inner = null!;
        private ReadGate _state = null!;
        private int _held;

        public TaskCompletionSource RowRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static ITweetStore Around(ITweetStore inner, ReadGate state)
        {
            var proxy = Create<ITweetStore, ReadGate>();
            ((ReadGate)(object)proxy)._inner = inner;
            ((ReadGate)(object)proxy)._state = state;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(_inner, args);
            return targetMethod.Name == nameof(ITweetStore.GetTweetAsync) && Interlocked.Exchange(ref _state._held, 1) == 0
                ? HoldAsync((Task<TweetRecord?>)result!)
                : result;
        }

        private async Task<TweetRecord?> HoldAsync(Task<TweetRecord?> read)
        {
            var row = await read;
            _state.RowRead.SetResult();
            await _state.Release.Task;
            return row;
        }
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

        // The keys are listed, then the newest tweet goes (through the cache, as the service deletes) before the rows are filled in.
        var cache = null as CachingTweetStore;
        var keys = new KeysThenWrite(_uncached, () => cache!.DeleteTweetAsync(ids[^1], default));
        cache = new CachingTweetStore(_uncached, keys, capacity: 100);

        var tweets = await cache.ListTweetsAsync(author.Id, null, 3, default);
        var timeline = await cache.ListUserTimelineAsync(author.Id, IdRange.All, 3, default);
        var home = await cache.ListHomeTimelineAsync(author.Id, IdRange.All, 3, default);

        // A page of 3 from 4 remaining tweets: full, newest first, without the deleted one.
        CollectionAssert.AreEqual(new[] { ids[3], ids[2], ids[1] }, tweets.Select(t => t.Id).ToList());
        CollectionAssert.AreEqual(new[] { ids[3], ids[2], ids[1] }, timeline.Select(e => e.Tweet.Id).ToList());
        CollectionAssert.AreEqual(new[] { ids[3], ids[2], ids[1] }, home.Select(e => e.Tweet.Id).ToList());
        Assert.AreEqual(3, keys.Listings);
    }

    [TestMethod]
    public async Task Lists_FillInTweetsFromTheCache_AndShowTheLastWrite()
    {
        var author = User("cached", "cached@example.org");
        var fan = User("fan", "fan@example.org");
        await Store.CreateUserAsync(author, default);
        await Store.CreateUserAsync(fan, default);
        var tweetId = await PostAsync(author, "listed");
        Assert.AreEqual(0, (await Store.ListTweetsAsync(author.Id, null, 10, default)).Single().LikeCount);

        // Behind the cache's back the row changes: a list that read rows would show it, one filled from the cache does not.
        Assert.IsTrue(await _uncached.AddRelationAsync(Relation.Like, fan.Id, tweetId, Clock.NewId(), DateTime.UtcNow, default));
        Assert.AreEqual(0, (await Store.ListTweetsAsync(author.Id, null, 10, default)).Single().LikeCount);
        Assert.AreEqual(0, (await Store.ListUserTimelineAsync(author.Id, IdRange.All, 10, default)).Single().Tweet.LikeCount);

        // Through the cache, a write is seen by the next list at once.
        Assert.IsTrue(await Store.RemoveRelationAsync(Relation.Like, fan.Id, tweetId, default));
        Assert.IsTrue(await Store.AddRelationAsync(Relation.Retweet, fan.Id, tweetId, Clock.NewId(), DateTime.UtcNow, default));
        Assert.AreEqual((0, 1), (await Store.ListTweetsAsync(author.Id, null, 10, default)).Select(t => (t.LikeCount, t.RetweetCount)).Single());
        var fanHome = await Store.ListHomeTimelineAsync(fan.Id, IdRange.All, 10, default);
        Assert.AreEqual((tweetId, fan.Id, 1), fanHome.Select(e => (e.Tweet.Id, e.Retweet!.UserId, e.Tweet.RetweetCount)).Single());
    }

    /// <summary>Lists keys from the store, then runs a write once, before the caller fills the rows in; counts the listings.</summary>
    internal sealed class KeysThenWrite(ITweetKeyLists inner, Func<Task> write) : ITweetKeyLists
    {
        public int Listings { get; private set; }

        public async Task<IReadOnlyList<Guid>> ListTweetIdsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken) =>
            await AfterAsync(await inner.ListTweetIdsAsync(authorId, before, limit, cancellationToken));

        public async Task<IReadOnlyList<TimelineKey>> ListUserTimelineKeysAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken) =>
            await AfterAsync(await inner.ListUserTimelineKeysAsync(authorId, range, limit, cancellationToken));

        public async Task<IReadOnlyList<TimelineKey>> ListHomeTimelineKeysAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken) =>
            await AfterAsync(await inner.ListHomeTimelineKeysAsync(userId, range, limit, cancellationToken));

        private async Task<T> AfterAsync<T>(T listed)
        {
            if (Listings++ == 0)
            {
                await write();
            }

            return listed;
        }
    }

    [TestMethod]
    public async Task GetTweet_AfterTheAuthorRenames_ShowsTheNewName()
    {
        var author = User("renamed", "renamed@example.org");
        await Store.CreateUserAsync(author, default);
        var tweetId = await PostAsync(author, "before the rename");
        Assert.AreEqual(author.FirstName, (await Store.GetTweetAsync(tweetId, default))!.AuthorFirstName);

        Assert.IsTrue(await Store.UpdateUserAsync(author with { FirstName = "Augusta" }, default));

        Assert.AreEqual("Augusta", (await Store.GetTweetAsync(tweetId, default))!.AuthorFirstName);
    }

    [TestMethod]
    public async Task GetTweet_PastCapacity_StillAnswersEveryTweet()
    {
        var author = User("prolific", "prolific@example.org");
        await Store.CreateUserAsync(author, default);
        var ids = new List<Guid>();
        for (var i = 0; i < 1_200; i++)
        {
            ids.Add(await PostAsync(author, $"tweet {i}"));
        }

        foreach (var id in ids.Concat(ids))
        {
            Assert.AreEqual(id, (await Store.GetTweetAsync(id, default))?.Id);
        }
    }
}
