using TweetsSoap.Client;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>Idempotent retries through the client request id, on each backend.</summary>
public abstract class RetryTests<TSelf> : ServiceTests<TSelf>
{
    [TestMethod]
    public async Task PostTweet_RetriedWithTheSameRequestId_ReturnsTheOriginalTweet()
    {
        var ada = await Soap.SignUpAsync();
        var tweets = Soap.Tweets(SoapVersion.Soap11, ada);

        var first = await tweets.PostTweetAsync("only once", null, null, "post-1");
        var retry = await tweets.PostTweetAsync("only once", null, null, "post-1");

        Assert.AreEqual(first.Id, retry.Id);
        Assert.AreEqual(first.CreatedAt, retry.CreatedAt);
        Assert.HasCount(1, (await tweets.ListTweetsAsync(ada.User.Id, 10, null)).Tweets);
    }

    [TestMethod]
    public async Task PostTweet_AttemptsWithTheSameRequestIdRacing_CreateOneTweet()
    {
        var ada = await Soap.SignUpAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Soap.Tweets(i % 2 == 0 ? SoapVersion.Soap11 : SoapVersion.Soap12, ada).PostTweetAsync("raced", null, null, "race-1")));

        Assert.HasCount(1, results.Select(t => t.Id).Distinct().ToList());
        var stored = (await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(ada.User.Id, 100, null)).Tweets;
        Assert.HasCount(1, stored);
        Assert.AreEqual(results[0].Id, stored[0].Id);
    }

    [TestMethod]
    public async Task PostTweet_SameRequestIdByAnotherUser_PostsTheirOwnTweet()
    {
        var ada = await Soap.SignUpAsync();
        var grace = await Soap.SignUpAsync();

        var adas = await Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("ada's", null, null, "shared-id");
        var graces = await Soap.Tweets(SoapVersion.Soap11, grace).PostTweetAsync("grace's", null, null, "shared-id");

        Assert.AreNotEqual(adas.Id, graces.Id);
        Assert.AreEqual(grace.User.Id, graces.Author.Id);
    }

    [TestMethod]
    public async Task PostTweet_SameRequestIdWithOtherText_ReturnsConflictOnTheRequestId()
    {
        var ada = await Soap.SignUpAsync();
        var tweets = Soap.Tweets(SoapVersion.Soap12, ada);
        await tweets.PostTweetAsync("first text", null, null, "reused");

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.Conflict, () => tweets.PostTweetAsync("other text", null, null, "reused"));

        CollectionAssert.AreEqual(new[] { "clientRequestId" }, fault.Fields);
    }

    [TestMethod]
    [DataRow("has space")]
    [DataRow("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task PostTweet_WithMalformedRequestId_ReturnsValidationFault(string requestId)
    {
        var ada = await Soap.SignUpAsync();

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("x", null, null, requestId));

        CollectionAssert.AreEqual(new[] { "clientRequestId" }, fault.Fields);
    }

    [TestMethod]
    public async Task SignUp_RetriedWithTheSameRequestIdRacing_ReturnsTheOneAccount()
    {
        var username = SoapClients.UniqueUsername();

        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Soap.Users(SoapVersion.Soap11).SignUpAsync(username, $"{username}@example.org", "correct horse", "Ada", "Lovelace", null, "signup-1")));

        Assert.HasCount(1, users.Select(u => u.Id).Distinct().ToList());
        Assert.AreEqual($"{username}@example.org", users[0].Email);
    }

    [TestMethod]
    [DataRow("other password", "signup-2")]
    [DataRow("correct horse", "another-id")]
    public async Task SignUp_RetryThatDiffersInPasswordOrRequestId_ReturnsConflict(string password, string requestId)
    {
        var username = SoapClients.UniqueUsername();
        var users = Soap.Users(SoapVersion.Soap11);
        await users.SignUpAsync(username, $"{username}@example.org", "correct horse", "Ada", "Lovelace", null, "signup-2");

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.Conflict,
            () => users.SignUpAsync(username, $"{username}@example.org", password, "Ada", "Lovelace", null, requestId));

        // Username and email are both taken; which constraint the database checks first is its own business.
        Assert.IsNotNull(fault.Fields);
        Assert.IsTrue(fault.Fields.All(f => f is "username" or "email"), string.Join(", ", fault.Fields));
    }
}

[TestClass]
public sealed class SqliteRetryTests : RetryTests<SqliteRetryTests>;

[TestClass]
[Backend(StorageProvider.Postgres)]
[TestCategory(Categories.External)]
public sealed class PostgresRetryTests : RetryTests<PostgresRetryTests>;
