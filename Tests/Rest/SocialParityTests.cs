using System.Net;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Rest;

/// <summary>Follows, likes and retweets made over one face are what the other face lists, with the same paging tokens.</summary>
[TestClass]
public sealed class SocialParityTests : ServiceTests<SocialParityTests>
{
    private static JsonApi Json => new(Service.Http);

    [TestMethod]
    public async Task Follow_OverJson_IsWhatSoapListsInFollowersAndFollowing()
    {
        var (fan, star) = (await Soap.SignUpAsync(), await Soap.SignUpAsync());

        var followed = await Json.ExpectAsync<User>(HttpStatusCode.OK, HttpMethod.Put, $"api/users/me/following/{star.User.Id}", account: fan);
        var again = await Json.ExpectAsync<User>(HttpStatusCode.OK, HttpMethod.Put, $"api/users/me/following/{star.User.Id}", account: fan);

        Assert.AreEqual(1, followed.FollowersCount);
        ParityAssert.Same(followed, again);
        var social = Soap.Social(SoapVersion.Soap11);
        ParityAssert.Same(await social.ListFollowersAsync(star.User.Id, null, null),
            await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/users/{star.User.Id}/followers"));
        var following = await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/users/{fan.User.Id}/following");
        ParityAssert.Same(await social.ListFollowingAsync(fan.User.Id, null, null), following);
        Assert.AreEqual(star.User.Id, following.Users.Single().Id);
    }

    [TestMethod]
    public async Task Unfollow_OverJson_UndoesASoapFollow()
    {
        var (fan, star) = (await Soap.SignUpAsync(), await Soap.SignUpAsync());
        await Soap.Social(SoapVersion.Soap12, fan).FollowAsync(star.User.Id);

        var unfollowed = await Json.ExpectAsync<User>(HttpStatusCode.OK, HttpMethod.Delete, $"api/users/me/following/{star.User.Id}", account: fan);

        Assert.AreEqual(0, unfollowed.FollowersCount);
        Assert.IsEmpty((await Soap.Social(SoapVersion.Soap12).ListFollowingAsync(fan.User.Id, null, null)).Users);
    }

    [TestMethod]
    public async Task ListFollowers_PageTokensOfOneFace_WorkInTheOther()
    {
        var star = await Soap.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            await Soap.Social(SoapVersion.Soap11, await Soap.SignUpAsync()).FollowAsync(star.User.Id);
        }

        var social = Soap.Social(SoapVersion.Soap11);
        var soapFirst = await social.ListFollowersAsync(star.User.Id, 2, null);
        var jsonFirst = await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/users/{star.User.Id}/followers?maxResults=2");
        var jsonSecond = await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get,
            $"api/users/{star.User.Id}/followers?maxResults=2&pageToken={soapFirst.NextPageToken}");

        ParityAssert.Same(soapFirst, jsonFirst);
        ParityAssert.Same(await social.ListFollowersAsync(star.User.Id, 2, jsonFirst.NextPageToken), jsonSecond);
        Assert.HasCount(1, jsonSecond.Users);
    }

    [TestMethod]
    public async Task Like_OverJson_IsWhatSoapListsInLikingUsersAndLikedTweets()
    {
        var (author, fan) = (await Soap.SignUpAsync(), await Soap.SignUpAsync());
        var tweet = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync("like me #please", null, null, null);

        var liked = await Json.ExpectAsync<Tweet>(HttpStatusCode.OK, HttpMethod.Put, $"api/users/me/likes/{tweet.Id}", account: fan);

        Assert.AreEqual(1, liked.Metrics.LikeCount);
        ParityAssert.Same(await Soap.Tweets(SoapVersion.Soap12).GetTweetAsync(tweet.Id), liked);
        var social = Soap.Social(SoapVersion.Soap12);
        ParityAssert.Same(await social.ListLikingUsersAsync(tweet.Id, null, null),
            await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/tweets/{tweet.Id}/liking-users"));
        var likedTweets = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/users/{fan.User.Id}/liked-tweets");
        ParityAssert.Same(await social.ListLikedTweetsAsync(fan.User.Id, null, null), likedTweets);
        Assert.AreEqual(tweet.Id, likedTweets.Tweets.Single().Id);
    }

    [TestMethod]
    public async Task Unlike_OverJson_UndoesASoapLike()
    {
        var account = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("liked for a moment", null, null, null);
        await Soap.Social(SoapVersion.Soap11, account).LikeAsync(tweet.Id);

        var unliked = await Json.ExpectAsync<Tweet>(HttpStatusCode.OK, HttpMethod.Delete, $"api/users/me/likes/{tweet.Id}", account: account);

        Assert.AreEqual(0, unliked.Metrics.LikeCount);
        Assert.IsEmpty((await Soap.Social(SoapVersion.Soap11).ListLikingUsersAsync(tweet.Id, null, null)).Users);
    }

    [TestMethod]
    public async Task Retweet_OverJson_IsWhatSoapListsInRetweetersAndUndoRemovesIt()
    {
        var (author, fan) = (await Soap.SignUpAsync(), await Soap.SignUpAsync());
        var tweet = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync("spread the word", null, null, null);

        var retweeted = await Json.ExpectAsync<Tweet>(HttpStatusCode.OK, HttpMethod.Put, $"api/users/me/retweets/{tweet.Id}", account: fan);
        var retweeters = await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/tweets/{tweet.Id}/retweeted-by");
        var undone = await Json.ExpectAsync<Tweet>(HttpStatusCode.OK, HttpMethod.Delete, $"api/users/me/retweets/{tweet.Id}", account: fan);

        Assert.AreEqual(1, retweeted.Metrics.RetweetCount);
        Assert.AreEqual(fan.User.Id, retweeters.Users.Single().Id);
        Assert.AreEqual(0, undone.Metrics.RetweetCount);
        ParityAssert.Same(await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(tweet.Id), undone);
        ParityAssert.Same(await Soap.Social(SoapVersion.Soap11).ListRetweetersAsync(tweet.Id, null, null),
            await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/tweets/{tweet.Id}/retweeted-by"));
    }
}
