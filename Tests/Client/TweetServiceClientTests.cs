using TweetsSoap.Client;
using TweetsSoap.Client.Soap;

namespace TweetsSoap.Tests.Client;

/// <summary>Every TweetService operation and its declared fault, through the generated proxy, over SOAP 1.1 and 1.2.</summary>
[TestClass]
public sealed class TweetServiceClientTests : ProxyTests<TweetServiceClientTests>
{
    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task PostTweet_AsUser_ReturnsTheTweetGetTweetReturns(SoapProtocol protocol)
    {
        var author = await SignUpAsync(protocol);
        using var tweets = Tweets(protocol, author.Username);
        using var reader = Tweets(protocol);

        var posted = (await tweets.PostTweetAsync("Hello from the generated proxy 👋 <&>", null, null, null))!;
        var read = reader.GetTweet(posted.Id)!;

        Assert.AreEqual("Hello from the generated proxy 👋 <&>", read.Text);
        Assert.AreEqual(author.Id, read.Author!.Id);
        Assert.AreEqual("Ada Lovelace", read.Author.DisplayName);
        Assert.AreEqual(posted.CreatedAt, read.CreatedAt);
        Assert.IsNull(read.UpdatedAt);
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task PostTweet_Anonymously_ThrowsUnauthenticatedFault(SoapProtocol protocol)
    {
        using var tweets = Tweets(protocol);

        await ThrowsFaultAsync(ErrorCode.Unauthenticated, () => tweets.PostTweetAsync("who am I?", null, null, null));
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task PostTweet_TooLong_ThrowsValidationFault(SoapProtocol protocol)
    {
        var author = await SignUpAsync(protocol);
        using var tweets = Tweets(protocol, author.Username);

        var fault = await ThrowsFaultAsync(ErrorCode.ValidationFailed, () => tweets.PostTweetAsync(new string('x', 281), null, null, null));

        CollectionAssert.Contains(fault.Fields, "text");
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task GetTweet_Unknown_ThrowsNotFoundFault(SoapProtocol protocol)
    {
        using var tweets = Tweets(protocol);

        await ThrowsFaultAsync(ErrorCode.NotFound, () => tweets.GetTweetAsync(Guid.CreateVersion7()));
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task ListTweets_ByAuthorOnePerPage_ReturnsNewestFirstThenTheNextPage(SoapProtocol protocol)
    {
        var author = await SignUpAsync(protocol);
        using (var writer = Tweets(protocol, author.Username))
        {
            await writer.PostTweetAsync("first", null, null, null);
            await writer.PostTweetAsync("second", null, null, null);
        }

        using var tweets = Tweets(protocol);
        var first = (await tweets.ListTweetsAsync(author.Id, 1, null))!;
        var second = (await tweets.ListTweetsAsync(author.Id, 1, first.NextPageToken))!;

        Assert.AreEqual("second", first.Tweets!.Single().Text);
        Assert.AreEqual("first", second.Tweets!.Single().Text);
        Assert.IsNull(second.NextPageToken, "absent on the last page");
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task ListTweets_WithForeignPageToken_ThrowsValidationFault(SoapProtocol protocol)
    {
        using var tweets = Tweets(protocol);

        var fault = await ThrowsFaultAsync(ErrorCode.ValidationFailed, () => tweets.ListTweetsAsync(null, null, "not-a-token"));

        CollectionAssert.Contains(fault.Fields, "pageToken");
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task UpdateTweet_OwnTweet_ReturnsNewTextWithUpdatedAt(SoapProtocol protocol)
    {
        var author = await SignUpAsync(protocol);
        using var tweets = Tweets(protocol, author.Username);
        var posted = (await tweets.PostTweetAsync("typo", null, null, null))!;

        var updated = (await tweets.UpdateTweetAsync(posted.Id, "fixed"))!;

        Assert.AreEqual("fixed", updated.Text);
        Assert.IsNotNull(updated.UpdatedAt);
        Assert.IsGreaterThanOrEqualTo(posted.CreatedAt, updated.UpdatedAt.Value);
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task UpdateTweet_AnotherUsersTweet_ThrowsForbiddenFault(SoapProtocol protocol)
    {
        var author = await SignUpAsync(protocol);
        var other = await SignUpAsync(protocol);
        using var authorTweets = Tweets(protocol, author.Username);
        var posted = (await authorTweets.PostTweetAsync("mine", null, null, null))!;
        using var otherTweets = Tweets(protocol, other.Username);

        await ThrowsFaultAsync(ErrorCode.Forbidden, () => otherTweets.UpdateTweetAsync(posted.Id, "yours now"));
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task DeleteTweet_OwnTweet_RemovesIt(SoapProtocol protocol)
    {
        var author = await SignUpAsync(protocol);
        using var tweets = Tweets(protocol, author.Username);
        var posted = (await tweets.PostTweetAsync("ephemeral", null, null, null))!;

        tweets.DeleteTweet(posted.Id);

        await ThrowsFaultAsync(ErrorCode.NotFound, () => tweets.GetTweetAsync(posted.Id));
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task DeleteTweet_Unknown_ThrowsNotFoundFault(SoapProtocol protocol)
    {
        var author = await SignUpAsync(protocol);
        using var tweets = Tweets(protocol, author.Username);

        await ThrowsFaultAsync(ErrorCode.NotFound, () => tweets.DeleteTweetAsync(Guid.CreateVersion7()));
    }
}
