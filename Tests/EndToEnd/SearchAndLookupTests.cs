using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>Search, batch lookups and what deletes take with them.</summary>
[TestClass]
public sealed class SearchAndLookupTests : ServiceTests<SearchAndLookupTests>
{
    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task SearchTweets_MatchesWordsHashtagsMentionsAndAuthor(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var grace = await Soap.SignUpAsync(version);
        var topic = "w" + Guid.NewGuid().ToString("N")[..8];
        var word = await Soap.Tweets(version, ada).PostTweetAsync($"about {topic} today", null, null, null);
        var tag = await Soap.Tweets(version, grace).PostTweetAsync($"#{topic} for @{ada.User.Username}", null, null, null);
        await Soap.Tweets(version, grace).PostTweetAsync("unrelated", null, null, null);

        async Task<List<Guid>> Search(string query) =>
            [.. (await Soap.Tweets(version).SearchTweetsAsync(query, null, null, null, null)).Tweets.Select(t => t.Id)];

        CollectionAssert.AreEqual(new[] { tag.Id, word.Id }, await Search(topic), "a word also finds its hashtag, newest first");
        CollectionAssert.AreEqual(new[] { tag.Id }, await Search($"#{topic.ToUpperInvariant()}"));
        CollectionAssert.AreEqual(new[] { tag.Id }, await Search($"@{ada.User.Username}"));
        CollectionAssert.AreEqual(new[] { word.Id }, await Search($"{topic} from:{ada.User.Username}"));
        Assert.IsEmpty(await Search($"{topic} from:nobody_here"));
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Tweets(version).SearchTweetsAsync("   ", null, null, null, null));
    }

    [TestMethod]
    public async Task SearchTweets_PagesWithATokenBoundToTheQuery()
    {
        var ada = await Soap.SignUpAsync();
        var topic = "p" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync($"{topic} number {i}", null, null, null)).Id);
        }

        var first = await Soap.Tweets(SoapVersion.Soap11).SearchTweetsAsync(topic, 3, null, null, null);
        var second = await Soap.Tweets(SoapVersion.Soap11).SearchTweetsAsync(topic, 3, first.NextPageToken, null, null);
        var since = await Soap.Tweets(SoapVersion.Soap11).SearchTweetsAsync(topic, null, null, ids[2], null);

        CollectionAssert.AreEqual(Enumerable.Reverse(ids).ToList(), first.Tweets.Concat(second.Tweets).Select(t => t.Id).ToList());
        Assert.IsNull(second.NextPageToken);
        CollectionAssert.AreEqual(new[] { ids[4], ids[3] }, since.Tweets.Select(t => t.Id).ToList());
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Tweets(SoapVersion.Soap11).SearchTweetsAsync("other", 3, first.NextPageToken, null, null));
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task BatchLookups_ReturnFoundOnesInOrderAndReportEachMissingOne(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var one = await Soap.Tweets(version, ada).PostTweetAsync("one", null, null, null);
        var two = await Soap.Tweets(version, ada).PostTweetAsync("two", null, null, null);
        var missing = Guid.CreateVersion7();

        var tweets = await Soap.Tweets(version).GetTweetsAsync([two.Id, missing, one.Id, two.Id]);
        var users = await Soap.Users(version).GetUsersByUsernamesAsync([ada.User.Username.ToUpperInvariant(), "nobody_here", "not valid!"]);

        CollectionAssert.AreEqual(new[] { two.Id, one.Id }, tweets.Tweets.Select(t => t.Id).ToList());
        Assert.AreEqual(missing.ToString(), tweets.Problems.Single().Value);
        Assert.AreEqual(ErrorCode.NotFound, tweets.Problems.Single().Code);
        Assert.AreEqual(ada.User.Id, users.Users.Single().Id);
        Assert.IsNull(users.Users.Single().Email, "not the caller's own profile");
        CollectionAssert.AreEqual(new[] { ErrorCode.NotFound, ErrorCode.ValidationFailed }, users.Problems.Select(p => p.Code).ToList());
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Tweets(version).GetTweetsAsync([.. Enumerable.Range(0, 101).Select(_ => Guid.CreateVersion7())]));
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Users(version).GetUsersByUsernamesAsync([]));
    }

    [TestMethod]
    public async Task DeleteTweet_RemovesItsLikesRetweetsAndSearchEntry()
    {
        var ada = await Soap.SignUpAsync();
        var grace = await Soap.SignUpAsync();
        var topic = "d" + Guid.NewGuid().ToString("N")[..8];
        var tweet = await Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync($"{topic} soon gone", null, null, null);
        await Soap.Social(SoapVersion.Soap11, grace).LikeAsync(tweet.Id);
        await Soap.Social(SoapVersion.Soap11, grace).RetweetAsync(tweet.Id);

        await Soap.Tweets(SoapVersion.Soap11, ada).DeleteTweetAsync(tweet.Id);

        Assert.IsEmpty((await Soap.Social(SoapVersion.Soap11).ListLikedTweetsAsync(grace.User.Id, null, null)).Tweets);
        Assert.IsEmpty((await Soap.Tweets(SoapVersion.Soap11).SearchTweetsAsync(topic, null, null, null, null)).Tweets);
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Social(SoapVersion.Soap11).ListRetweetersAsync(tweet.Id, null, null));
    }

    [TestMethod]
    public async Task DeleteUser_RemovesTheirFollowsLikesAndTweetsAndFixesOthersCounts()
    {
        var ada = await Soap.SignUpAsync();
        var grace = await Soap.SignUpAsync();
        var topic = "u" + Guid.NewGuid().ToString("N")[..8];
        var graces = await Soap.Tweets(SoapVersion.Soap11, grace).PostTweetAsync("by grace", null, null, null);
        await Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync($"{topic} by ada", null, null, null);
        await Soap.Social(SoapVersion.Soap11, ada).FollowAsync(grace.User.Id);
        await Soap.Social(SoapVersion.Soap11, grace).FollowAsync(ada.User.Id);
        await Soap.Social(SoapVersion.Soap11, ada).LikeAsync(graces.Id);
        await Soap.Social(SoapVersion.Soap11, ada).RetweetAsync(graces.Id);

        await Soap.Users(SoapVersion.Soap11, ada).DeleteUserAsync(ada.User.Id);

        var graceNow = await Soap.Users(SoapVersion.Soap11).GetUserAsync(grace.User.Id);
        Assert.AreEqual(0, graceNow.FollowersCount);
        Assert.AreEqual(0, graceNow.FollowingCount);
        var tweetNow = await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(graces.Id);
        Assert.AreEqual(0, tweetNow.Metrics.LikeCount);
        Assert.AreEqual(0, tweetNow.Metrics.RetweetCount);
        Assert.IsEmpty((await Soap.Tweets(SoapVersion.Soap11).SearchTweetsAsync(topic, null, null, null, null)).Tweets);
    }
}
