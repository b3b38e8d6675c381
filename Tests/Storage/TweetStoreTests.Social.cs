using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Tests.Storage;

/// <summary>Follows, likes, retweets, timelines, conversations, batch lookups and search, on every backend.</summary>
public abstract partial class TweetStoreTests
{
    private static readonly DateTime At = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    [TestMethod]
    [DataRow(Relation.Like)]
    [DataRow(Relation.Retweet)]
    public async Task AddRelation_OnATweetTwice_CountsOnceAndRemovesOnce(Relation relation)
    {
        var (ada, grace) = await TwoUsersAsync();
        var tweet = await PostAsync(ada, "popular");

        Assert.IsTrue(await Store.AddRelationAsync(relation, grace.Id, tweet, Clock.NewId(), At, default));
        Assert.IsFalse(await Store.AddRelationAsync(relation, grace.Id, tweet, Clock.NewId(), At, default));
        var counted = (await Store.GetTweetAsync(tweet, default))!;
        Assert.IsTrue(await Store.RemoveRelationAsync(relation, grace.Id, tweet, default));
        Assert.IsFalse(await Store.RemoveRelationAsync(relation, grace.Id, tweet, default));

        Assert.AreEqual(1, relation == Relation.Like ? counted.LikeCount : counted.RetweetCount);
        Assert.AreEqual(0, relation == Relation.Like ? counted.RetweetCount : counted.LikeCount);
        var after = (await Store.GetTweetAsync(tweet, default))!;
        Assert.AreEqual(0, after.LikeCount + after.RetweetCount);
    }

    [TestMethod]
    public async Task Follow_CountsOnBothUsers_AndListsPageNewestFirst()
    {
        var ada = await CreateUserAsync("ada");
        var followers = new List<UserRecord>();
        for (var i = 0; i < 3; i++)
        {
            followers.Add(await CreateUserAsync($"fan{i}"));
            Assert.IsTrue(await Store.AddRelationAsync(Relation.Follow, followers[^1].Id, ada.Id, Clock.NewId(), At, default));
        }

        var first = await Store.ListRelatedUsersAsync(Relation.Follow, ada.Id, null, 2, default);
        var rest = await Store.ListRelatedUsersAsync(Relation.Follow, ada.Id, first[^1].Key, 10, default);
        var following = await Store.ListFollowingAsync(followers[0].Id, null, 10, default);

        CollectionAssert.AreEqual(new[] { followers[2].Id, followers[1].Id }, first.Select(k => k.Value.Id).ToList());
        CollectionAssert.AreEqual(new[] { followers[0].Id }, rest.Select(k => k.Value.Id).ToList());
        Assert.AreEqual(ada.Id, following.Single().Value.Id);
        Assert.AreEqual(3, following.Single().Value.FollowersCount);
        Assert.AreEqual(3, (await Store.GetUserAsync(ada.Id, default))!.FollowersCount);
        Assert.AreEqual(1, (await Store.FindUserByUsernameAsync("fan0", default))!.FollowingCount);
    }

    [TestMethod]
    public async Task ListLikedTweets_PagesByTheTimeOfTheLike_NotOfTheTweet()
    {
        var (ada, grace) = await TwoUsersAsync();
        var older = await PostAsync(ada, "older");
        var newer = await PostAsync(ada, "newer");
        await Store.AddRelationAsync(Relation.Like, grace.Id, newer, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Like, grace.Id, older, Clock.NewId(), At, default);

        var first = await Store.ListLikedTweetsAsync(grace.Id, null, 1, default);
        var rest = await Store.ListLikedTweetsAsync(grace.Id, first[0].Key, 10, default);

        Assert.AreEqual(older, first.Single().Value.Id);
        Assert.AreEqual(1, first.Single().Value.LikeCount);
        Assert.AreEqual(newer, rest.Single().Value.Id);
    }

    [TestMethod]
    public async Task AddRelation_ManyUsersAtOnce_CountsExactly()
    {
        var ada = await CreateUserAsync("ada");
        var tweet = await PostAsync(ada, "liked by all");
        var fans = new List<UserRecord>();
        for (var i = 0; i < 12; i++)
        {
            fans.Add(await CreateUserAsync($"fan{i}"));
        }

        var added = await Task.WhenAll(fans.SelectMany(fan => new[]
        {
            Task.Run(() => Store.AddRelationAsync(Relation.Like, fan.Id, tweet, Clock.NewId(), At, default)),
            Task.Run(() => Store.AddRelationAsync(Relation.Like, fan.Id, tweet, Clock.NewId(), At, default)),
            Task.Run(() => Store.AddRelationAsync(Relation.Follow, fan.Id, ada.Id, Clock.NewId(), At, default)),
        }));

        Assert.AreEqual(24, added.Count(a => a));
        Assert.AreEqual(12, (await Store.GetTweetAsync(tweet, default))!.LikeCount);
        Assert.AreEqual(12, (await Store.GetUserAsync(ada.Id, default))!.FollowersCount);
    }

    [TestMethod]
    public async Task DeleteTweet_RemovesItsLikesAndRetweets_AndDeleteUserTheirFollows()
    {
        var (ada, grace) = await TwoUsersAsync();
        var tweet = await PostAsync(ada, "short-lived");
        await Store.AddRelationAsync(Relation.Like, grace.Id, tweet, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Retweet, grace.Id, tweet, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Follow, grace.Id, ada.Id, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Follow, ada.Id, grace.Id, Clock.NewId(), At, default);

        Assert.IsTrue(await Store.DeleteTweetAsync(tweet, default));
        Assert.IsEmpty(await Store.ListLikedTweetsAsync(grace.Id, null, 10, default));
        Assert.IsEmpty(await Store.ListRelatedUsersAsync(Relation.Retweet, tweet, null, 10, default));
        Assert.IsTrue(await Store.DeleteUserAsync(ada.Id, default));

        var left = (await Store.GetUserAsync(grace.Id, default))!;
        Assert.AreEqual(0, left.FollowersCount);
        Assert.AreEqual(0, left.FollowingCount);
    }

    [TestMethod]
    public async Task DeleteUser_TakesTheirLikesRetweetsRepliesQuotesAndFollowsOutOfOthersCounts()
    {
        var (ada, grace) = await TwoUsersAsync();
        var tweet = await PostAsync(ada, "counted");
        await Store.AddRelationAsync(Relation.Like, grace.Id, tweet, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Retweet, grace.Id, tweet, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Follow, grace.Id, ada.Id, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Follow, ada.Id, grace.Id, Clock.NewId(), At, default);
        await Store.CreateTweetAsync(new NewTweet(Clock.NewId(), grace.Id, "reply", At) { InReplyToId = tweet, ConversationId = tweet }, default);
        await Store.CreateTweetAsync(new NewTweet(Clock.NewId(), grace.Id, "quote", At) { QuotedTweetId = tweet }, default);
        var before = (await Store.GetTweetAsync(tweet, default))!;

        Assert.IsTrue(await Store.DeleteUserAsync(grace.Id, default));

        var after = (await Store.GetTweetAsync(tweet, default))!;
        var author = (await Store.GetUserAsync(ada.Id, default))!;
        Assert.AreEqual((1, 1, 1, 1), (before.LikeCount, before.RetweetCount, before.ReplyCount, before.QuoteCount));
        Assert.AreEqual((0, 0, 0, 0), (after.LikeCount, after.RetweetCount, after.ReplyCount, after.QuoteCount));
        Assert.AreEqual((0, 0), (author.FollowersCount, author.FollowingCount));
    }

    [TestMethod]
    public async Task Reply_JoinsTheConversation_AndCountsOnTheParent()
    {
        var (ada, grace) = await TwoUsersAsync();
        var root = await PostAsync(ada, "root");
        var reply = Clock.NewId();
        await Store.CreateTweetAsync(new NewTweet(reply, grace.Id, "reply", At) { InReplyToId = root, ConversationId = root }, default);
        var quote = Clock.NewId();
        await Store.CreateTweetAsync(new NewTweet(quote, grace.Id, "quote", At) { QuotedTweetId = root }, default);

        var conversation = await Store.ListConversationAsync(root, IdRange.All, 10, default);
        var parent = (await Store.GetTweetAsync(root, default))!;
        var answer = (await Store.GetTweetAsync(reply, default))!;

        CollectionAssert.AreEqual(new[] { reply, root }, conversation.Select(t => t.Id).ToList());
        Assert.AreEqual(root, parent.ConversationId);
        Assert.AreEqual((1, 1), (parent.ReplyCount, parent.QuoteCount));
        Assert.AreEqual(root, answer.InReplyToId);
        Assert.AreEqual(quote, (await Store.GetTweetAsync(quote, default))!.ConversationId);
        Assert.AreEqual(root, (await Store.GetTweetAsync(quote, default))!.QuotedTweetId);
    }

    [TestMethod]
    public async Task Timelines_HoldOwnAndFollowedTweets_InsideTheRange()
    {
        var (ada, grace) = await TwoUsersAsync();
        var stranger = await CreateUserAsync("stranger");
        await Store.AddRelationAsync(Relation.Follow, ada.Id, grace.Id, Clock.NewId(), At, default);
        var ids = new List<Guid>();
        foreach (var author in new[] { ada, grace, stranger, ada, grace })
        {
            ids.Add(await PostAsync(author, "t"));
        }

        var home = await Store.ListHomeTimelineAsync(ada.Id, IdRange.All, 10, default);
        var between = await Store.ListHomeTimelineAsync(ada.Id, new IdRange(ids[4], ids[0]), 10, default);
        var own = await Store.ListUserTimelineAsync(ada.Id, new IdRange(ids[3], null), 10, default);

        CollectionAssert.AreEqual(new[] { ids[4], ids[3], ids[1], ids[0] }, home.Select(e => e.Tweet.Id).ToList());
        CollectionAssert.AreEqual(new[] { ids[3], ids[1] }, between.Select(e => e.Tweet.Id).ToList());
        CollectionAssert.AreEqual(new[] { ids[0] }, own.Select(e => e.Tweet.Id).ToList());
    }

    [TestMethod]
    public async Task Timelines_ShowRetweetsOnceAtTheNewest_AndLoseThemOnUndoAndDelete()
    {
        var (ada, grace) = await TwoUsersAsync();
        var hopper = await CreateUserAsync("hopper");
        var stranger = await CreateUserAsync("stranger");
        await Store.AddRelationAsync(Relation.Follow, ada.Id, grace.Id, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Follow, ada.Id, hopper.Id, Clock.NewId(), At, default);
        var own = await PostAsync(ada, "own");
        var foreign = await PostAsync(stranger, "foreign");
        var byGrace = Clock.NewId();
        await Store.AddRelationAsync(Relation.Retweet, grace.Id, foreign, byGrace, At, default);
        var byHopper = Clock.NewId();
        await Store.AddRelationAsync(Relation.Retweet, hopper.Id, foreign, byHopper, At.AddMinutes(1), default);
        var ownByGrace = Clock.NewId();
        await Store.AddRelationAsync(Relation.Retweet, grace.Id, own, ownByGrace, At.AddMinutes(2), default);

        var home = await Store.ListHomeTimelineAsync(ada.Id, IdRange.All, 10, default);
        var graces = await Store.ListUserTimelineAsync(grace.Id, IdRange.All, 10, default);
        var belowHopper = await Store.ListHomeTimelineAsync(ada.Id, new IdRange(byHopper, null), 10, default);

        CollectionAssert.AreEqual(new[] { (ownByGrace, own, "grace"), (byHopper, foreign, "hopper") }, Entries(home));
        Assert.AreEqual(At.AddMinutes(1), home[1].Retweet!.CreatedAt);
        CollectionAssert.AreEqual(new[] { (ownByGrace, own, "grace"), (byGrace, foreign, "grace") }, Entries(graces));
        Assert.IsEmpty(belowHopper, "the tweet is on the timeline once, at its newest retweet");

        await Store.RemoveRelationAsync(Relation.Retweet, hopper.Id, foreign, default);
        CollectionAssert.AreEqual(new[] { (ownByGrace, own, "grace"), (byGrace, foreign, "grace") }, Entries(await Store.ListHomeTimelineAsync(ada.Id, IdRange.All, 10, default)));
        await Store.RemoveRelationAsync(Relation.Retweet, grace.Id, own, default);
        await Store.DeleteTweetAsync(foreign, default);
        CollectionAssert.AreEqual(new[] { (own, own, (string?)null) }, Entries(await Store.ListHomeTimelineAsync(ada.Id, IdRange.All, 10, default)));
        Assert.IsEmpty(await Store.ListUserTimelineAsync(grace.Id, IdRange.All, 10, default));
    }

    [TestMethod]
    public async Task HomeTimeline_APageBelowRetweetsThatHideAFolloweesNewestTweets_ReachesTheirOlderTweets()
    {
        // Grace's three newest tweets sit on page one as hopper's retweets, so below that page they are hidden:
        // a page of two must still reach grace's older tweets rather than stop at her newest two.
        var (ada, grace) = await TwoUsersAsync();
        var hopper = await CreateUserAsync("hopper");
        await Store.AddRelationAsync(Relation.Follow, ada.Id, grace.Id, Clock.NewId(), At, default);
        await Store.AddRelationAsync(Relation.Follow, ada.Id, hopper.Id, Clock.NewId(), At, default);
        var tweets = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            tweets.Add(await PostAsync(grace, $"t{i}"));
        }

        var retweets = new List<Guid>();
        foreach (var tweet in tweets[2..])
        {
            retweets.Add(Clock.NewId());
            await Store.AddRelationAsync(Relation.Retweet, hopper.Id, tweet, retweets[^1], At, default);
        }

        var first = await Store.ListHomeTimelineAsync(ada.Id, IdRange.All, 2, default);
        var second = await Store.ListHomeTimelineAsync(ada.Id, new IdRange(first[^1].Key, null), 2, default);
        var third = await Store.ListHomeTimelineAsync(ada.Id, new IdRange(second[^1].Key, null), 2, default);

        CollectionAssert.AreEqual(new[] { retweets[2], retweets[1] }, first.Select(e => e.Key).ToList());
        CollectionAssert.AreEqual(new[] { retweets[0], tweets[1] }, second.Select(e => e.Key).ToList());
        CollectionAssert.AreEqual(new[] { tweets[0] }, third.Select(e => e.Key).ToList());
    }

    private static List<(Guid Key, Guid Tweet, string? By)> Entries(IEnumerable<TimelineEntry> entries) =>
        [.. entries.Select(e => (e.Key, e.Tweet.Id, e.Retweet?.Username))];

    [TestMethod]
    public async Task BatchLookups_ReturnWhatExists_IgnoringCaseOfUsernames()
    {
        var (ada, grace) = await TwoUsersAsync();
        var tweet = await PostAsync(ada, "found");

        var users = await Store.FindUsersByUsernamesAsync(["ADA", "Grace", "nobody"], default);
        var tweets = await Store.GetTweetsAsync([tweet, Clock.NewId()], default);

        CollectionAssert.AreEquivalent(new[] { ada.Id, grace.Id }, users.Select(u => u.Id).ToList());
        Assert.AreEqual(tweet, tweets.Single().Id);
    }

    [TestMethod]
    [DataRow("soap", "", "", false, "plain,tagged,mixed")]
    [DataRow("SOAP cafe", "", "", false, "mixed")]
    [DataRow("", "soap", "", false, "tagged")]
    [DataRow("", "", "grace_h", false, "mixed")]
    [DataRow("don't", "", "", false, "phrase")]
    [DataRow("", "", "", true, "tagged,phrase")]
    [DataRow("soap", "", "", true, "tagged")]
    [DataRow("envelope", "", "", false, "")]
    public async Task SearchTweets_MatchesWordsHashtagsMentionsAndAuthor(string words, string hashtags, string mentions, bool fromGrace, string expected)
    {
        var (ada, grace) = await TwoUsersAsync();
        var posted = new List<(string Name, Guid Id)>
        {
            ("plain", await PostAsync(ada, "I like soap, really.")),
            ("tagged", await PostAsync(grace, "Wire formats: #SOAP forever")),
            ("mixed", await PostAsync(ada, "Soap at the Café with @Grace_H")),
            ("phrase", await PostAsync(grace, "soap")),
        };
        // Edits reach the search terms too: "soap" is gone, "soapbox" is another word.
        await Store.UpdateTweetTextAsync(posted[3].Id, "Don't panic; the soapbox stays", At, default);

        static List<string> Split(string s) => [.. s.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)];
        var query = new SearchQuery(Split(words), Split(hashtags), Split(mentions), fromGrace ? grace.Id : null);
        var found = await Store.SearchTweetsAsync(query, IdRange.All, 10, default);

        var names = Split(expected);
        var newestFirst = Enumerable.Reverse(posted).Where(p => names.Contains(p.Name)).Select(p => p.Id).ToList();
        CollectionAssert.AreEqual(newestFirst, found.Select(t => t.Id).ToList());
    }

    [TestMethod]
    public async Task SearchTweets_PagesNewestFirstInsideTheRange()
    {
        var ada = await CreateUserAsync("ada");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await PostAsync(ada, $"needle {i}"));
        }

        var page = await Store.SearchTweetsAsync(new SearchQuery(["needle"], [], [], null), new IdRange(ids[4], ids[0]), 2, default);

        CollectionAssert.AreEqual(new[] { ids[3], ids[2] }, page.Select(t => t.Id).ToList());
    }

    private async Task<UserRecord> CreateUserAsync(string username)
    {
        var user = User(username, $"{username}@example.org");
        await Store.CreateUserAsync(user, default);
        return user;
    }

    private async Task<(UserRecord Ada, UserRecord Grace)> TwoUsersAsync() => (await CreateUserAsync("ada"), await CreateUserAsync("grace"));
}
