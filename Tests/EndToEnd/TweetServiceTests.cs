using Microsoft.Data.Sqlite;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

[TestClass]
public sealed class TweetServiceTests : ServiceTests<TweetServiceTests>
{
    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task PostTweet_AsUser_ReturnsTheTweetThatGetTweetReturns(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);

        var posted = await Soap.Tweets(version, author).PostTweetAsync("Hello, <SOAP> & 'XML' \"world\" -- ; DROP TABLE tweets;", null, null, null);
        var read = await Soap.Tweets(version).GetTweetAsync(posted.Id);

        Assert.AreEqual(7, posted.Id.Version);
        Assert.AreEqual("Hello, <SOAP> & 'XML' \"world\" -- ; DROP TABLE tweets;", read.Text);
        Assert.AreEqual(author.User.Id, read.Author.Id);
        Assert.AreEqual(author.User.Username, read.Author.Username);
        Assert.AreEqual("Ada Lovelace", read.Author.DisplayName);
        Assert.AreEqual(posted.CreatedAt, read.CreatedAt);
        Assert.IsNull(read.UpdatedAt, "UpdatedAt stays absent until the first edit");
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task PostTweet_Anonymous_ReturnsUnauthenticated(SoapVersion version) =>
        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Tweets(version).PostTweetAsync("who am I?", null, null, null));

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task PostTweet_WithWrongPassword_ReturnsUnauthenticatedAndStoresNothing(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Tweets(version, author.User.Username, "not the password").PostTweetAsync("sneaky", null, null, null));

        Assert.IsEmpty((await Soap.Tweets(version).ListTweetsAsync(author.User.Id, null, null)).Tweets);
    }

    [TestMethod]
    public async Task PostTweet_WithEmptyText_ReturnsValidationFaultAndStoresNothing()
    {
        var author = await Soap.SignUpAsync();

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync("", null, null, null));

        CollectionAssert.AreEqual(new[] { "text" }, fault.Fields);
        Assert.IsEmpty((await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(author.User.Id, null, null)).Tweets);
    }

    [TestMethod]
    [DataRow("   ", 3)]
    [DataRow("\n", 1)]
    [DataRow("\n\t", 2)]
    public async Task PostTweet_WithOnlyWhitespace_IsAcceptedAsTwitterTextAcceptsIt(string text, int weight)
    {
        var author = await Soap.SignUpAsync();

        var tweet = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync(text, null, null, null);

        Assert.AreEqual(weight, tweet.WeightedLength);
        Assert.AreEqual(text, (await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(tweet.Id)).Text);
    }

    [TestMethod]
    [DataRow("a", 280)]
    [DataRow("é", 280)] // e + U+0301 combining acute: NFC makes it one code point of weight 1
    [DataRow("👍🏽", 140)] // thumbs up + skin tone modifier: one emoji, weight 2
    [DataRow("👩‍👩‍👧‍👦", 140)] // family: four emoji joined by ZWJ, weight 2
    [DataRow("🇺🇦", 140)] // a flag: two regional indicators, weight 2
    [DataRow("漢", 140)] // CJK weighs 2
    public async Task PostTweet_WithWeightedLength280_IsAcceptedAndReportsIt(string unit, int count)
    {
        var author = await Soap.SignUpAsync();
        var text = string.Concat(Enumerable.Repeat(unit, count));

        var tweet = await Soap.Tweets(SoapVersion.Soap12, author).PostTweetAsync(text, null, null, null);

        Assert.AreEqual(280, tweet.WeightedLength);
        Assert.AreEqual(text, (await Soap.Tweets(SoapVersion.Soap12).GetTweetAsync(tweet.Id)).Text);
    }

    [TestMethod]
    [DataRow("a", 281, "")]
    [DataRow("👍🏽", 140, "a")]
    [DataRow("👩‍👩‍👧‍👦", 140, "!")]
    [DataRow("漢", 140, "x")]
    public async Task PostTweet_WithWeightedLength281_ReturnsFaultWithLengthAndLimit(string unit, int count, string tail)
    {
        var author = await Soap.SignUpAsync();

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () =>
            Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync(string.Concat(Enumerable.Repeat(unit, count)) + tail, null, null, null));

        StringAssert.Contains(fault.Message, "281");
        StringAssert.Contains(fault.Message, "280");
        Assert.IsEmpty((await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(author.User.Id, null, null)).Tweets);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task GetTweet_Unknown_ReturnsNotFound(SoapVersion version) =>
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(version).GetTweetAsync(Guid.CreateVersion7()));

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task ListTweets_ByAuthor_PagesNewestFirstAndStaysStableWhileNewTweetsArrive(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);
        var posted = new List<Tweet>();
        for (var i = 0; i < 5; i++)
        {
            posted.Add(await Soap.Tweets(version, author).PostTweetAsync($"tweet {i}", null, null, null));
        }

        var first = await Soap.Tweets(version).ListTweetsAsync(author.User.Id, 2, null);
        await Soap.Tweets(version, author).PostTweetAsync("arrives between pages", null, null, null);
        var second = await Soap.Tweets(version).ListTweetsAsync(author.User.Id, 2, first.NextPageToken);
        var third = await Soap.Tweets(version).ListTweetsAsync(author.User.Id, 2, second.NextPageToken);

        CollectionAssert.AreEqual(
            new[] { "tweet 4", "tweet 3", "tweet 2", "tweet 1", "tweet 0" },
            first.Tweets.Concat(second.Tweets).Concat(third.Tweets).Select(t => t.Text).ToList());
        Assert.IsNull(third.NextPageToken, "the last page has no next token");
        Assert.IsNotNull(second.NextPageToken);
    }

    [TestMethod]
    public async Task ListTweets_WithoutAuthor_ShowsEveryonesTweets()
    {
        var ada = await Soap.SignUpAsync();
        var grace = await Soap.SignUpAsync();
        var adas = await Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("from ada", null, null, null);
        var graces = await Soap.Tweets(SoapVersion.Soap11, grace).PostTweetAsync("from grace", null, null, null);

        var page = await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(null, 100, null);

        var ids = page.Tweets.Select(t => t.Id).ToList();
        Assert.IsLessThan(ids.IndexOf(adas.Id), ids.IndexOf(graces.Id), "grace's later tweet comes first");
        Assert.IsGreaterThanOrEqualTo(0, ids.IndexOf(adas.Id));
    }

    [TestMethod]
    public async Task ListTweets_WithTokenOfAnotherAuthor_ReturnsValidationFault()
    {
        var ada = await Soap.SignUpAsync();
        var grace = await Soap.SignUpAsync();
        await Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("one", null, null, null);
        await Soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("two", null, null, null);
        var token = (await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(ada.User.Id, 1, null)).NextPageToken;

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(grace.User.Id, 1, token));

        CollectionAssert.AreEqual(new[] { "pageToken" }, fault.Fields);
    }

    [TestMethod]
    [DataRow("not base64 at all!")]
    [DataRow("MXx0d2VldHN8bm90LWEtZ3VpZA")]
    public async Task ListTweets_WithForgedToken_ReturnsValidationFault(string token) =>
        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Tweets(SoapVersion.Soap12).ListTweetsAsync(null, null, token));

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task UpdateTweet_OwnTweet_ReplacesTextAndSetsUpdatedAt(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);
        var tweet = await Soap.Tweets(version, author).PostTweetAsync("first draft", null, null, null);

        var updated = await Soap.Tweets(version, author).UpdateTweetAsync(tweet.Id, "second draft");
        var read = await Soap.Tweets(version).GetTweetAsync(tweet.Id);

        Assert.AreEqual("second draft", read.Text);
        Assert.AreEqual(tweet.CreatedAt, read.CreatedAt);
        Assert.IsNotNull(read.UpdatedAt);
        Assert.AreEqual(updated.UpdatedAt, read.UpdatedAt);
        Assert.IsGreaterThanOrEqualTo(read.CreatedAt, read.UpdatedAt.Value);
    }

    [TestMethod]
    public async Task GetTweet_OfARowWrittenBeforeTheParseWasStored_ReadsAsWhenStoredAndAnEditStoresTheNewParse()
    {
        var author = await Soap.SignUpAsync();
        var tweets = Soap.Tweets(SoapVersion.Soap11, author);
        var posted = await tweets.PostTweetAsync("#soap by @ada_l: https://example.com/a $MSFT 日本 🎉", null, null, null);
        await using (var connection = new SqliteConnection($"Data Source={Service.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE tweets SET weighted_length = NULL, entities = NULL WHERE id = $id";
            command.Parameters.AddWithValue("$id", posted.Id.ToString());
            Assert.AreEqual(1, await command.ExecuteNonQueryAsync());
        }

        // The service keeps the tweet it answered in its cache (SQLite); a like through the service makes it read the row again.
        await Soap.Social(SoapVersion.Soap11, author).LikeAsync(posted.Id);
        var old = await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(posted.Id);
        Assert.AreEqual(1, old.Metrics.LikeCount);
        var edited = await tweets.UpdateTweetAsync(posted.Id, "now #xml and @grace");
        var read = await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(posted.Id);

        Assert.AreEqual(posted.WeightedLength, old.WeightedLength);
        Assert.AreEqual(Describe(posted.Entities), Describe(old.Entities));
        Assert.AreEqual("h0-5:soap m9-15:ada_l u17-38:https://example.com/a c39-44:MSFT", Describe(posted.Entities));
        Assert.AreEqual("h4-8:xml m13-19:grace", Describe(read.Entities));
        Assert.AreEqual(Describe(edited.Entities), Describe(read.Entities));
        Assert.AreEqual(19, read.WeightedLength);
        Assert.AreEqual(edited.WeightedLength, read.WeightedLength);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task UpdateTweet_SomeoneElsesTweet_ReturnsForbiddenAndKeepsTheText(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);
        var intruder = await Soap.SignUpAsync(version);
        var tweet = await Soap.Tweets(version, author).PostTweetAsync("mine", null, null, null);

        await FaultAssert.ThrowsAsync(ErrorCode.Forbidden, () => Soap.Tweets(version, intruder).UpdateTweetAsync(tweet.Id, "yours now"));

        Assert.AreEqual("mine", (await Soap.Tweets(version).GetTweetAsync(tweet.Id)).Text);
    }

    [TestMethod]
    public async Task UpdateTweet_Unknown_ReturnsNotFound()
    {
        var author = await Soap.SignUpAsync();

        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(SoapVersion.Soap11, author).UpdateTweetAsync(Guid.CreateVersion7(), "text"));
    }

    [TestMethod]
    public async Task UpdateTweet_WithTooLongText_ReturnsValidationFaultAndKeepsTheText()
    {
        var author = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync("short", null, null, null);

        await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Tweets(SoapVersion.Soap11, author).UpdateTweetAsync(tweet.Id, new string('x', 281)));

        Assert.AreEqual("short", (await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(tweet.Id)).Text);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task DeleteTweet_OwnTweet_RemovesIt(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);
        var tweet = await Soap.Tweets(version, author).PostTweetAsync("regrettable", null, null, null);

        await Soap.Tweets(version, author).DeleteTweetAsync(tweet.Id);

        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(version).GetTweetAsync(tweet.Id));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(version, author).DeleteTweetAsync(tweet.Id));
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task DeleteTweet_SomeoneElsesTweet_ReturnsForbiddenAndKeepsIt(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);
        var intruder = await Soap.SignUpAsync(version);
        var tweet = await Soap.Tweets(version, author).PostTweetAsync("keep me", null, null, null);

        await FaultAssert.ThrowsAsync(ErrorCode.Forbidden, () => Soap.Tweets(version, intruder).DeleteTweetAsync(tweet.Id));

        Assert.AreEqual(tweet.Id, (await Soap.Tweets(version).GetTweetAsync(tweet.Id)).Id);
    }

    [TestMethod]
    public async Task DeleteTweet_Anonymous_ReturnsUnauthenticated()
    {
        var author = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync("keep me", null, null, null);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Tweets(SoapVersion.Soap11).DeleteTweetAsync(tweet.Id));
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task DeleteTweet_Unknown_ReturnsNotFound(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);

        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(version, author).DeleteTweetAsync(Guid.CreateVersion7()));
    }

    private static string Describe(TweetEntities entities) => string.Join(' ',
        new[] { ("h", entities.Hashtags), ("m", entities.Mentions), ("u", entities.Urls), ("c", entities.Cashtags) }
            .SelectMany(kind => (kind.Item2 ?? []).Select(e => $"{kind.Item1}{e.Start}-{e.End}:{e.Value}")));
}
