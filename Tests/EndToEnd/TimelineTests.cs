using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>Replies, quotes, conversations and timelines.</summary>
[TestClass]
public sealed class TimelineTests : ServiceTests<TimelineTests>
{
    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task Replies_JoinTheConversationAndAreCounted(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var root = await Soap.Tweets(version, ada).PostTweetAsync("root", null, null, null);
        var reply = await Soap.Tweets(version, ada).PostTweetAsync("reply", root.Id, null, null);
        var nested = await Soap.Tweets(version, ada).PostTweetAsync("reply to reply", reply.Id, null, null);
        var quote = await Soap.Tweets(version, ada).PostTweetAsync("quoting", null, root.Id, null);

        Assert.AreEqual(root.Id, root.ConversationId);
        Assert.AreEqual(root.Id, nested.ConversationId);
        Assert.AreEqual(reply.Id, nested.InReplyToTweetId);
        Assert.AreEqual(root.Id, quote.QuotedTweetId);
        Assert.AreEqual(quote.Id, quote.ConversationId, "a quote starts its own conversation");
        var reread = await Soap.Tweets(version).GetTweetAsync(root.Id);
        Assert.AreEqual(1, reread.Metrics.ReplyCount, "direct replies only");
        Assert.AreEqual(1, reread.Metrics.QuoteCount);
        CollectionAssert.AreEqual(new[] { nested.Id, reply.Id, root.Id },
            (await Soap.Tweets(version).GetConversationAsync(root.Id, null, null)).Tweets.Select(t => t.Id).ToList());
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task PostTweet_ReplyingToOrQuotingAMissingTweet_ReturnsNotFoundAndStoresNothing(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);

        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(version, ada).PostTweetAsync("to nowhere", Guid.CreateVersion7(), null, null));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(version, ada).PostTweetAsync("quoting nothing", null, Guid.CreateVersion7(), null));

        Assert.IsEmpty((await Soap.Tweets(version).GetUserTimelineAsync(ada.User.Id, null, null, null, null)).Tweets);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task Retweets_AppearOnTheRetweetersAndFollowersTimelinesWithWhoAndWhen_UntilUndone(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var grace = await Soap.SignUpAsync(version);
        var stranger = await Soap.SignUpAsync(version);
        await Soap.Social(version, ada).FollowAsync(grace.User.Id);
        var foreign = await Soap.Tweets(version, stranger).PostTweetAsync("worth sharing", null, null, null);
        var own = await Soap.Tweets(version, ada).PostTweetAsync("mine", null, null, null);
        await Soap.Social(version, grace).RetweetAsync(foreign.Id);

        var home = (await Soap.Tweets(version, ada).GetHomeTimelineAsync(null, null, null, null)).Tweets;
        var graces = (await Soap.Tweets(version).GetUserTimelineAsync(grace.User.Id, null, null, null, null)).Tweets;
        await Soap.Social(version, grace).UndoRetweetAsync(foreign.Id);
        var undone = (await Soap.Tweets(version, ada).GetHomeTimelineAsync(null, null, null, null)).Tweets;

        CollectionAssert.AreEqual(new[] { foreign.Id, own.Id }, home.Select(t => t.Id).ToList(), "the retweet is newer than ada's tweet");
        Assert.AreEqual(grace.User.Username, home[0].Retweet!.RetweetedBy.Username);
        Assert.IsTrue(home[0].Retweet!.RetweetedAt >= foreign.CreatedAt);
        Assert.AreEqual(1, home[0].Metrics.RetweetCount);
        Assert.IsNull(home[1].Retweet);
        Assert.AreEqual(foreign.Id, graces.Single().Id);
        Assert.AreEqual(grace.User.Id, graces.Single().Retweet!.RetweetedBy.Id);
        CollectionAssert.AreEqual(new[] { own.Id }, undone.Select(t => t.Id).ToList());
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task HomeTimeline_HasOwnAndFollowedTweetsOnlyNewestFirst(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var grace = await Soap.SignUpAsync(version);
        var stranger = await Soap.SignUpAsync(version);
        await Soap.Social(version, ada).FollowAsync(grace.User.Id);
        var own = await Soap.Tweets(version, ada).PostTweetAsync("mine", null, null, null);
        await Soap.Tweets(version, stranger).PostTweetAsync("not followed", null, null, null);
        var followed = await Soap.Tweets(version, grace).PostTweetAsync("followed", null, null, null);

        var home = await Soap.Tweets(version, ada).GetHomeTimelineAsync(null, null, null, null);

        CollectionAssert.AreEqual(new[] { followed.Id, own.Id }, home.Tweets.Select(t => t.Id).ToList());
        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Tweets(version).GetHomeTimelineAsync(null, null, null, null));
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task UserTimeline_PagesAndHonoursSinceIdAndUntilId(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await Soap.Tweets(version, ada).PostTweetAsync($"t{i}", null, null, null)).Id);
        }

        var first = await Soap.Tweets(version).GetUserTimelineAsync(ada.User.Id, 4, null, null, null);
        var second = await Soap.Tweets(version).GetUserTimelineAsync(ada.User.Id, 4, first.NextPageToken, null, null);
        var window = await Soap.Tweets(version).GetUserTimelineAsync(ada.User.Id, null, null, ids[1], ids[4]);

        CollectionAssert.AreEqual(new[] { ids[5], ids[4], ids[3], ids[2], ids[1], ids[0] },
            first.Tweets.Concat(second.Tweets).Select(t => t.Id).ToList());
        Assert.IsNull(second.NextPageToken);
        CollectionAssert.AreEqual(new[] { ids[3], ids[2] }, window.Tweets.Select(t => t.Id).ToList());
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(version).GetUserTimelineAsync(Guid.CreateVersion7(), null, null, null, null));
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () =>
            Soap.Tweets(version).GetConversationAsync(ids[0], null, first.NextPageToken));
    }

    [TestMethod]
    public async Task Tweet_ReportsEntitiesAndWeightedLength()
    {
        var ada = await Soap.SignUpAsync();

        var tweet = await Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("#soap vs #rest, ask @grace: example.com/compare 👍 $MSFT", null, null, null);

        CollectionAssert.AreEqual(new[] { "soap", "rest" }, tweet.Entities.Hashtags.Select(h => h.Value).ToList());
        Assert.AreEqual("grace", tweet.Entities.Mentions.Single().Value);
        var url = tweet.Entities.Urls.Single();
        Assert.AreEqual("example.com/compare", tweet.Text[url.Start..url.End]);
        Assert.AreEqual("MSFT", tweet.Entities.Cashtags.Single().Value);
        Assert.AreEqual(28 + 23 + 1 + 2 + 6, tweet.WeightedLength);
    }
}
