using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

[TestClass]
public sealed class SocialServiceTests : ServiceTests<SocialServiceTests>
{
    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task Follow_ThenUnfollow_UpdatesCountsAndListsAndIsIdempotent(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var grace = await Soap.SignUpAsync(version);

        var followed = await Soap.Social(version, ada).FollowAsync(grace.User.Id);
        await Soap.Social(version, ada).FollowAsync(grace.User.Id);

        Assert.AreEqual(1, followed.FollowersCount);
        Assert.AreEqual(1, (await Soap.Users(version).GetUserAsync(ada.User.Id)).FollowingCount);
        Assert.AreEqual(ada.User.Id, (await Soap.Social(version).ListFollowersAsync(grace.User.Id, null, null)).Users.Single().Id);
        Assert.AreEqual(grace.User.Id, (await Soap.Social(version).ListFollowingAsync(ada.User.Id, null, null)).Users.Single().Id);

        var unfollowed = await Soap.Social(version, ada).UnfollowAsync(grace.User.Id);
        await Soap.Social(version, ada).UnfollowAsync(grace.User.Id);

        Assert.AreEqual(0, unfollowed.FollowersCount);
        Assert.IsEmpty((await Soap.Social(version).ListFollowersAsync(grace.User.Id, null, null)).Users);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task Follow_Faults_AreTyped(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Social(version).FollowAsync(ada.User.Id));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Social(version, ada).FollowAsync(Guid.CreateVersion7()));
        var self = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Social(version, ada).FollowAsync(ada.User.Id));
        CollectionAssert.AreEqual(new[] { "userId" }, self.Fields);
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Social(version).ListFollowersAsync(Guid.CreateVersion7(), null, null));
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Social(version).ListFollowingAsync(ada.User.Id, 101, null));
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task LikeAndRetweet_CountAndListAndUndo(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var grace = await Soap.SignUpAsync(version);
        var tweet = await Soap.Tweets(version, ada).PostTweetAsync("like me", null, null, null);

        await Soap.Social(version, ada).LikeAsync(tweet.Id);
        var liked = await Soap.Social(version, grace).LikeAsync(tweet.Id);
        await Soap.Social(version, grace).LikeAsync(tweet.Id);
        var retweeted = await Soap.Social(version, grace).RetweetAsync(tweet.Id);

        Assert.AreEqual(2, liked.Metrics.LikeCount);
        Assert.AreEqual(1, retweeted.Metrics.RetweetCount);
        CollectionAssert.AreEqual(new[] { grace.User.Id, ada.User.Id },
            (await Soap.Social(version).ListLikingUsersAsync(tweet.Id, null, null)).Users.Select(u => u.Id).ToList(), "most recent like first");
        Assert.AreEqual(tweet.Id, (await Soap.Social(version).ListLikedTweetsAsync(grace.User.Id, null, null)).Tweets.Single().Id);
        Assert.AreEqual(grace.User.Id, (await Soap.Social(version).ListRetweetersAsync(tweet.Id, null, null)).Users.Single().Id);

        var unliked = await Soap.Social(version, grace).UnlikeAsync(tweet.Id);
        var unretweeted = await Soap.Social(version, grace).UndoRetweetAsync(tweet.Id);

        Assert.AreEqual(1, unliked.Metrics.LikeCount);
        Assert.AreEqual(0, unretweeted.Metrics.RetweetCount);
        Assert.IsEmpty((await Soap.Social(version).ListLikedTweetsAsync(grace.User.Id, null, null)).Tweets);
        Assert.AreEqual(1, (await Soap.Tweets(version).GetTweetAsync(tweet.Id)).Metrics.LikeCount);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task LikeAndRetweet_Faults_AreTyped(SoapVersion version)
    {
        var ada = await Soap.SignUpAsync(version);
        var missing = Guid.CreateVersion7();

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Social(version).LikeAsync(missing));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Social(version, ada).LikeAsync(missing));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Social(version, ada).RetweetAsync(missing));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Social(version, ada).UndoRetweetAsync(missing));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Social(version).ListLikingUsersAsync(missing, null, null));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Social(version).ListRetweetersAsync(missing, null, null));
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Social(version).ListLikedTweetsAsync(Guid.Empty, null, null));
    }

    [TestMethod]
    public async Task ListFollowers_PagesNewestFirstWithoutGapsOrRepeats()
    {
        var followers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Soap.SignUpAsync()));
        var star = await Soap.SignUpAsync();
        foreach (var follower in followers)
        {
            await Soap.Social(SoapVersion.Soap11, follower).FollowAsync(star.User.Id);
        }

        var seen = new List<Guid>();
        string? token = null;
        do
        {
            var page = await Soap.Social(SoapVersion.Soap12).ListFollowersAsync(star.User.Id, 2, token);
            seen.AddRange(page.Users.Select(u => u.Id));
            token = page.NextPageToken;
        }
        while (token is not null);

        CollectionAssert.AreEqual(followers.Reverse().Select(f => f.User.Id).ToList(), seen);
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () =>
            Soap.Social(SoapVersion.Soap11).ListFollowingAsync(star.User.Id, 2, "bm90IG91ciB0b2tlbg"));
    }
}
