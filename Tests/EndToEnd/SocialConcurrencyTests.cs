using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

[TestClass]
public sealed class SocialConcurrencyTests : ServiceTests<SocialConcurrencyTests>
{
    [TestMethod]
    public async Task LikesAndFollows_InParallelAndRepeated_AreCountedExactly()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Soap.SignUpAsync()));
        var star = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, star).PostTweetAsync("popular", null, null, null);

        // Every user likes and follows three times over, both SOAP versions at once: each pair must count once.
        await Task.WhenAll(Enumerable.Range(0, users.Length * 3).Select(i =>
        {
            var user = users[i % users.Length];
            var version = i % 2 == 0 ? SoapVersion.Soap11 : SoapVersion.Soap12;
            return Task.WhenAll(Soap.Social(version, user).LikeAsync(tweet.Id), Soap.Social(version, user).FollowAsync(star.User.Id));
        }));

        Assert.AreEqual(users.Length, (await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(tweet.Id)).Metrics.LikeCount);
        Assert.AreEqual(users.Length, (await Soap.Users(SoapVersion.Soap11).GetUserAsync(star.User.Id)).FollowersCount);

        await Task.WhenAll(users.Take(5).Select(u => Soap.Social(SoapVersion.Soap12, u).UnlikeAsync(tweet.Id)));

        Assert.AreEqual(users.Length - 5, (await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(tweet.Id)).Metrics.LikeCount);
        Assert.HasCount(users.Length - 5, (await Soap.Social(SoapVersion.Soap11).ListLikingUsersAsync(tweet.Id, 100, null)).Users);
    }
}
