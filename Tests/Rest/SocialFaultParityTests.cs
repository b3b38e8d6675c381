using System.Net;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Rest;

/// <summary>The social graph's errors come out of both faces with the same code, fields and message.</summary>
[TestClass]
public sealed class SocialFaultParityTests : ServiceTests<SocialFaultParityTests>
{
    private static JsonApi Json => new(Service.Http);

    [TestMethod]
    public async Task Follow_OfOneself_IsValidationFailedInBothFaces()
    {
        var account = await Soap.SignUpAsync();

        await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Social(SoapVersion.Soap11, account).FollowAsync(account.User.Id),
            () => Json.SendAsync(HttpMethod.Put, $"api/users/me/following/{account.User.Id}", account: account));
    }

    [TestMethod]
    [DataRow("following")]
    [DataRow("likes")]
    [DataRow("retweets")]
    public async Task Relation_ToUnknownId_IsNotFoundInBothFaces(string relation)
    {
        var account = await Soap.SignUpAsync();
        var unknown = Guid.CreateVersion7();
        var social = Soap.Social(SoapVersion.Soap12, account);
        Func<Task> soap = relation switch
        {
            "following" => () => social.FollowAsync(unknown),
            "likes" => () => social.LikeAsync(unknown),
            _ => () => social.RetweetAsync(unknown),
        };

        await ParityAssert.SameErrorAsync(ErrorCode.NotFound, HttpStatusCode.NotFound, soap,
            () => Json.SendAsync(HttpMethod.Put, $"api/users/me/{relation}/{unknown}", account: account));
    }

    [TestMethod]
    [DataRow("following")]
    [DataRow("likes")]
    [DataRow("retweets")]
    public async Task Undo_WithWrongPassword_IsUnauthenticatedInBothFaces(string relation)
    {
        var account = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("target", null, null, null);
        var social = Soap.Social(SoapVersion.Soap11, account.User.Username, "wrong password");
        Func<Task> soap = relation switch
        {
            "following" => () => social.UnfollowAsync(account.User.Id),
            "likes" => () => social.UnlikeAsync(tweet.Id),
            _ => () => social.UndoRetweetAsync(tweet.Id),
        };
        var target = relation == "following" ? account.User.Id : tweet.Id;

        await ParityAssert.SameErrorAsync(ErrorCode.Unauthenticated, HttpStatusCode.Unauthorized, soap,
            () => Json.SendAsync(HttpMethod.Delete, $"api/users/me/{relation}/{target}", null, account.User.Username, "wrong password"));
    }

    [TestMethod]
    public async Task ListFollowing_OfUnknownUser_IsNotFoundInBothFaces()
    {
        var unknown = Guid.CreateVersion7();

        await ParityAssert.SameErrorAsync(ErrorCode.NotFound, HttpStatusCode.NotFound,
            () => Soap.Social(SoapVersion.Soap11).ListFollowingAsync(unknown, null, null),
            () => Json.SendAsync(HttpMethod.Get, $"api/users/{unknown}/following"));
    }

    [TestMethod]
    [DataRow("liking-users")]
    [DataRow("retweeted-by")]
    public async Task UsersOfTweet_WithPageSizeOutOfRange_IsValidationFailedInBothFaces(string list)
    {
        var account = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("popular", null, null, null);
        var social = Soap.Social(SoapVersion.Soap11);
        Func<Task> soap = list == "liking-users" ? () => social.ListLikingUsersAsync(tweet.Id, 101, null) : () => social.ListRetweetersAsync(tweet.Id, 101, null);

        var problem = await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity, soap,
            () => Json.SendAsync(HttpMethod.Get, $"api/tweets/{tweet.Id}/{list}?maxResults=101"));

        CollectionAssert.AreEqual(new[] { "maxResults" }, problem.Fields);
    }

    [TestMethod]
    public async Task ListLikedTweets_WithAnotherListsPageToken_IsValidationFailedInBothFaces()
    {
        var account = await Soap.SignUpAsync();
        for (var i = 0; i < 2; i++)
        {
            await Soap.Social(SoapVersion.Soap11, await Soap.SignUpAsync()).FollowAsync(account.User.Id);
        }

        var followersToken = (await Soap.Social(SoapVersion.Soap11).ListFollowersAsync(account.User.Id, 1, null)).NextPageToken;

        Assert.IsNotNull(followersToken);
        await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Social(SoapVersion.Soap11).ListLikedTweetsAsync(account.User.Id, null, followersToken),
            () => Json.SendAsync(HttpMethod.Get, $"api/users/{account.User.Id}/liked-tweets?pageToken={followersToken}"));
    }
}
