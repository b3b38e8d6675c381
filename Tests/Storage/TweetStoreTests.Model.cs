using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Tests.Storage;

/// <summary>
/// A model-based check of counts and timelines: seeded random posts, replies, quotes, edits, deletes, likes,
/// retweets, follows and their undoing, each applied to the store and to <see cref="SocialModel"/>, a plain in-memory
/// statement of the rules; after every step every tweet's counts, every user's counts and every user and home
/// timeline, read in small pages, must equal the model's.
/// </summary>
public abstract partial class TweetStoreTests
{
    [TestMethod]
    [DataRow(1401, 100)]
    public async Task RandomHistory_CountsAndTimelinesMatchTheModelAfterEveryStep(int seed, int steps)
    {
        var random = new Random(seed);
        var model = new SocialModel();
        var users = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var user = User($"model{i}", $"model{i}@example.org");
            await Store.CreateUserAsync(user, default);
            users.Add(user.Id);
        }

        for (var step = 0; step < steps; step++)
        {
            var at = At.AddSeconds(step);
            var actor = users[random.Next(users.Count)];
            var tweet = model.Tweets.Count == 0 ? (Guid?)null : model.Tweets.Keys.ElementAt(random.Next(model.Tweets.Count));
            var done = random.Next(10) switch
            {
                0 or 1 or 2 => await PostAsync(model, actor, at, random.Next(3) switch { 0 => tweet, _ => null }, random.Next(4) == 0 ? tweet : null),
                3 when tweet is { } t => await EditAsync(model, t, at),
                4 when tweet is { } t && random.Next(2) == 0 => await DeleteAsync(model, t),
                5 or 6 when tweet is { } t => await ToggleAsync(model, Relation.Like, actor, t, at),
                7 or 8 when tweet is { } t => await ToggleAsync(model, Relation.Retweet, actor, t, at),
                _ => await ToggleAsync(model, Relation.Follow, actor, users.Where(u => u != actor).ElementAt(random.Next(users.Count - 1)), at),
            };

            await AssertMatchesAsync(model, users, $"seed {seed}, step {step}: {done}");
        }
    }

    private async Task<string> PostAsync(SocialModel model, Guid author, DateTime at, Guid? replyTo, Guid? quoted)
    {
        var id = Clock.NewId();
        var conversation = replyTo is { } parent ? model.Tweets[parent].Conversation : id;
        await Store.CreateTweetAsync(new NewTweet(id, author, $"tweet at {at:HH:mm:ss}", at) { InReplyToId = replyTo, ConversationId = conversation, QuotedTweetId = quoted }, default);
        model.Tweets[id] = new ModelTweet(author, $"tweet at {at:HH:mm:ss}", conversation, replyTo, quoted);
        return $"post {id} (reply to {replyTo}, quoting {quoted})";
    }

    private async Task<string> EditAsync(SocialModel model, Guid id, DateTime at)
    {
        Assert.IsTrue(await Store.UpdateTweetTextAsync(id, $"edited at {at:HH:mm:ss}", at, default));
        model.Tweets[id] = model.Tweets[id] with { Text = $"edited at {at:HH:mm:ss}" };
        return $"edit {id}";
    }

    private async Task<string> DeleteAsync(SocialModel model, Guid id)
    {
        Assert.IsTrue(await Store.DeleteTweetAsync(id, default));
        Assert.IsNull(await Store.GetTweetAsync(id, default), $"deleted tweet {id}");
        Assert.IsNull(await ReadAsObservedAsync(id, tweet => tweet is null), $"deleted tweet {id}, as observed");
        model.Delete(id);
        return $"delete {id}";
    }

    private async Task<string> ToggleAsync(SocialModel model, Relation relation, Guid user, Guid target, DateTime at)
    {
        var set = model.Relations(relation);
        if (set.Remove((user, target)))
        {
            Assert.IsTrue(await Store.RemoveRelationAsync(relation, user, target, default));
            return $"undo {relation} {user} -> {target}";
        }

        var id = Clock.NewId();
        Assert.IsTrue(await Store.AddRelationAsync(relation, user, target, id, at, default));
        set[(user, target)] = (id, at);
        return $"{relation} {user} -> {target}";
    }

    private async Task AssertMatchesAsync(SocialModel model, List<Guid> users, string context)
    {
        var stored = (await Store.GetTweetsAsync(model.Tweets.Keys, default)).ToDictionary(t => t.Id);
        Assert.HasCount(model.Tweets.Count, stored, context);
        foreach (var (id, expected) in model.Tweets)
        {
            var wanted = (expected.Text, expected.Conversation, model.Count(Relation.Like, id), model.Count(Relation.Retweet, id), model.Replies(id), model.Quotes(id));
            var actual = stored[id];
            Assert.AreEqual(wanted, (actual.Text, actual.ConversationId, actual.LikeCount, actual.RetweetCount, actual.ReplyCount, actual.QuoteCount), $"{context}: tweet {id}");
            var single = (await Store.GetTweetAsync(id, default))!;
            Assert.AreEqual(wanted, (single.Text, single.ConversationId, single.LikeCount, single.RetweetCount, single.ReplyCount, single.QuoteCount), $"{context}: tweet {id} alone");
            var observed = await ReadAsObservedAsync(id, t => t is not null && (t.Text, t.ConversationId, t.LikeCount, t.RetweetCount, t.ReplyCount, t.QuoteCount) == wanted);
            Assert.IsNotNull(observed, $"{context}: tweet {id} as observed");
            Assert.AreEqual(wanted, (observed.Text, observed.ConversationId, observed.LikeCount, observed.RetweetCount, observed.ReplyCount, observed.QuoteCount),
                $"{context}: tweet {id} as observed");
        }

        foreach (var user in users)
        {
            var record = (await Store.GetUserAsync(user, default))!;
            Assert.AreEqual((model.Followers(user), model.Following(user)), (record.FollowersCount, record.FollowingCount), $"{context}: user {user}");
            CollectionAssert.AreEqual(model.Timeline([user]), await ReadInPagesAsync((range, limit) => Store.ListUserTimelineAsync(user, range, limit, default)),
                $"{context}: user timeline of {user}");
            CollectionAssert.AreEqual(model.Timeline([user, .. model.Followees(user)]), await ReadInPagesAsync((range, limit) => Store.ListHomeTimelineAsync(user, range, limit, default)),
                $"{context}: home timeline of {user}");
        }
    }

    /// <summary>The tweet as a reader that did not write it sees it: by default the store itself. A variant with a
    /// second instance (<see cref="PostgresTweetCacheTests"/>) reads there until <paramref name="fresh"/> holds, within its bound.</summary>
    protected virtual Task<TweetRecord?> ReadAsObservedAsync(Guid id, Func<TweetRecord?, bool> fresh) => Store.GetTweetAsync(id, default);

    /// <summary>The whole timeline, read four entries at a time the way Pages does: each page below the last key.</summary>
    private static async Task<List<(Guid Key, Guid Tweet, Guid? By, DateTime? At)>> ReadInPagesAsync(Func<IdRange, int, Task<IReadOnlyList<TimelineEntry>>> list)
    {
        var entries = new List<(Guid, Guid, Guid?, DateTime?)>();
        Guid? before = null;
        while (true)
        {
            var page = await list(new IdRange(before, null), 4);
            entries.AddRange(page.Select(e => (e.Key, e.Tweet.Id, e.Retweet?.UserId, e.Retweet?.CreatedAt)));
            if (page.Count < 4)
            {
                return entries;
            }

            before = page[^1].Key;
        }
    }

    private sealed record ModelTweet(Guid Author, string Text, Guid Conversation, Guid? ReplyTo, Guid? Quoted);

    /// <summary>The rules, stated as directly as possible: counts are counted, timelines filtered and sorted in memory.</summary>
    private sealed class SocialModel
    {
        public Dictionary<Guid, ModelTweet> Tweets { get; } = [];

        private Dictionary<(Guid User, Guid Target), (Guid Id, DateTime At)> Likes { get; } = [];

        private Dictionary<(Guid User, Guid Target), (Guid Id, DateTime At)> Retweets { get; } = [];

        private Dictionary<(Guid User, Guid Target), (Guid Id, DateTime At)> Follows { get; } = [];

        public Dictionary<(Guid User, Guid Target), (Guid Id, DateTime At)> Relations(Relation relation) => relation switch
        {
            Relation.Like => Likes,
            Relation.Retweet => Retweets,
            _ => Follows,
        };

        public void Delete(Guid tweet)
        {
            Tweets.Remove(tweet);
            foreach (var key in Likes.Keys.Where(k => k.Target == tweet).ToList())
            {
                Likes.Remove(key);
            }

            foreach (var key in Retweets.Keys.Where(k => k.Target == tweet).ToList())
            {
                Retweets.Remove(key);
            }
        }

        public int Count(Relation relation, Guid target) => Relations(relation).Keys.Count(k => k.Target == target);

        public int Replies(Guid tweet) => Tweets.Values.Count(t => t.ReplyTo == tweet);

        public int Quotes(Guid tweet) => Tweets.Values.Count(t => t.Quoted == tweet);

        public int Followers(Guid user) => Count(Relation.Follow, user);

        public int Following(Guid user) => Follows.Keys.Count(k => k.User == user);

        public IEnumerable<Guid> Followees(Guid user) => Follows.Keys.Where(k => k.User == user).Select(k => k.Target);

        /// <summary>Every tweet of the members and every retweet by them, each tweet once at its newest place.</summary>
        public List<(Guid Key, Guid Tweet, Guid? By, DateTime? At)> Timeline(IReadOnlyCollection<Guid> members)
        {
            var posted = Tweets.Where(t => members.Contains(t.Value.Author)).Select(t => (Key: t.Key, Tweet: t.Key, By: (Guid?)null, At: (DateTime?)null));
            var retweeted = Retweets.Where(r => members.Contains(r.Key.User)).Select(r => (Key: r.Value.Id, Tweet: r.Key.Target, By: (Guid?)r.Key.User, At: (DateTime?)r.Value.At));
            return [.. posted.Concat(retweeted).GroupBy(e => e.Tweet).Select(g => g.MaxBy(e => e.Key)).OrderByDescending(e => e.Key)];
        }
    }
}
