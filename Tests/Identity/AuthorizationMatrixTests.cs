using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Identity;

public enum Caller
{
    Anonymous,
    AnotherUser,
    Owner,
}

/// <summary>Every operation that changes data, called by nobody, by someone else and by the owner: only the owner gets through, and a refusal changes nothing.</summary>
[TestClass]
public sealed class AuthorizationMatrixTests : ServiceTests<AuthorizationMatrixTests>
{
    [TestMethod]
    [DataRow("PostTweet", Caller.Anonymous, "Unauthenticated")]
    [DataRow("PostTweet", Caller.Owner, null)]
    [DataRow("UpdateTweet", Caller.Anonymous, "Unauthenticated")]
    [DataRow("UpdateTweet", Caller.AnotherUser, "Forbidden")]
    [DataRow("UpdateTweet", Caller.Owner, null)]
    [DataRow("DeleteTweet", Caller.Anonymous, "Unauthenticated")]
    [DataRow("DeleteTweet", Caller.AnotherUser, "Forbidden")]
    [DataRow("DeleteTweet", Caller.Owner, null)]
    [DataRow("UpdateUser", Caller.Anonymous, "Unauthenticated")]
    [DataRow("UpdateUser", Caller.AnotherUser, "Forbidden")]
    [DataRow("UpdateUser", Caller.Owner, null)]
    [DataRow("DeleteUser", Caller.Anonymous, "Unauthenticated")]
    [DataRow("DeleteUser", Caller.AnotherUser, "Forbidden")]
    [DataRow("DeleteUser", Caller.Owner, null)]
    public async Task Operation_ByCaller_IsAllowedOnlyToTheOwner(string operation, Caller caller, string? expectedFault)
    {
        var owner = await Soap.SignUpAsync();
        var other = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, owner).PostTweetAsync("original", null, null, null);
        var account = caller switch { Caller.Owner => owner, Caller.AnotherUser => other, _ => null };
        var users = account is null ? Soap.Users(SoapVersion.Soap11) : Soap.Users(SoapVersion.Soap11, account);
        var tweets = account is null ? Soap.Tweets(SoapVersion.Soap11) : Soap.Tweets(SoapVersion.Soap11, account);

        Func<Task> call = operation switch
        {
            "PostTweet" => () => tweets.PostTweetAsync("posted", null, null, null),
            "UpdateTweet" => () => tweets.UpdateTweetAsync(tweet.Id, "changed"),
            "DeleteTweet" => () => tweets.DeleteTweetAsync(tweet.Id),
            "UpdateUser" => () => users.UpdateUserAsync(owner.User.Id, null, null, null, "Changed", null, null),
            "DeleteUser" => () => users.DeleteUserAsync(owner.User.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        if (expectedFault is null)
        {
            await call();
        }
        else
        {
            await FaultAssert.ThrowsAsync(Enum.Parse<ErrorCode>(expectedFault), call);
        }

        var refused = expectedFault is not null;
        var ownerNow = (await Soap.Users(SoapVersion.Soap11).ListUsersAsync(100, null)).Users.SingleOrDefault(u => u.Id == owner.User.Id);
        var tweetsNow = ownerNow is null ? [] : (await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(owner.User.Id, null, null)).Tweets;
        if (refused || operation is "PostTweet" or "UpdateUser")
        {
            Assert.AreEqual(refused || operation != "UpdateUser" ? "Ada" : "Changed", ownerNow?.FirstName);
            Assert.AreEqual(refused ? 1 : operation == "PostTweet" ? 2 : 1, tweetsNow.Count);
        }

        if (refused || operation is "UpdateTweet")
        {
            Assert.AreEqual(refused ? "original" : "changed", tweetsNow.Single(t => t.Id == tweet.Id).Text);
        }

        if (!refused && operation is "DeleteTweet")
        {
            Assert.IsFalse(tweetsNow.Any(t => t.Id == tweet.Id));
        }

        if (!refused && operation is "DeleteUser")
        {
            Assert.IsNull(ownerNow);
        }

        if (caller == Caller.AnotherUser)
        {
            Assert.IsTrue(Service.Log.Entries.Any(e => e.Message.StartsWith($"Forbidden: {other.User.Username}", StringComparison.Ordinal)), "the attempt is a security event");
        }
    }
}
