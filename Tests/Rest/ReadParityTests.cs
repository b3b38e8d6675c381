using System.Net;
using System.Text.Json;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Rest;

/// <summary>Timelines, conversations, search and batch lookups read the same over JSON as over SOAP.</summary>
[TestClass]
public sealed class ReadParityTests : ServiceTests<ReadParityTests>
{
    private static JsonApi Json => new(Service.Http);

    [TestMethod]
    public async Task GetUserTimeline_GivesTheSamePagesAndTokensInBothFaces()
    {
        var account = await Soap.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync($"timeline {i} #parity", null, null, null);
        }

        var tweets = Soap.Tweets(SoapVersion.Soap12);
        var soapFirst = await tweets.GetUserTimelineAsync(account.User.Id, 2, null, null, null);
        var jsonFirst = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/users/{account.User.Id}/tweets?maxResults=2");
        var jsonSecond = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get,
            $"api/users/{account.User.Id}/tweets?maxResults=2&pageToken={soapFirst.NextPageToken}");

        ParityAssert.Same(soapFirst, jsonFirst);
        ParityAssert.Same(await tweets.GetUserTimelineAsync(account.User.Id, 2, jsonFirst.NextPageToken, null, null), jsonSecond);
        Assert.HasCount(1, jsonSecond.Tweets);
        Assert.IsNull(jsonSecond.NextPageToken);
    }

    [TestMethod]
    public async Task ListTweets_OverJson_AnswersTheSameBytesOnceItsTweetsAreKept()
    {
        // The first answer serializes the page's tweets, the second copies the JSON kept for them (TweetJson).
        var account = await Soap.SignUpAsync();
        await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("kept #json \"quoted\" <b> & 👋", null, null, null);
        await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("and @nobody https://example.org/?a=1&b=2", null, null, null);
        var path = $"api/tweets?authorId={account.User.Id}&maxResults=5";

        using var first = await Json.SendAsync(HttpMethod.Get, path);
        using var second = await Json.SendAsync(HttpMethod.Get, path);

        Assert.AreEqual("application/json; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        var body = await first.Content.ReadAsStringAsync();
        Assert.AreEqual(body, await second.Content.ReadAsStringAsync());
        ParityAssert.Same(await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(account.User.Id, 5, null), JsonSerializer.Deserialize<TweetPage>(body, JsonApi.Options)!);
    }

    [TestMethod]
    public async Task GetHomeTimeline_OverJson_IsTheCallersSoapHomeTimeline()
    {
        var (reader, writer) = (await Soap.SignUpAsync(), await Soap.SignUpAsync());
        await Soap.Social(SoapVersion.Soap11, reader).FollowAsync(writer.User.Id);
        var older = await Soap.Tweets(SoapVersion.Soap11, writer).PostTweetAsync("for my followers", null, null, null);
        await Soap.Tweets(SoapVersion.Soap11, writer).PostTweetAsync("and again", null, null, null);

        var home = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get, "api/users/me/timeline", account: reader);
        var since = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/users/me/timeline?sinceId={older.Id}", account: reader);

        ParityAssert.Same(await Soap.Tweets(SoapVersion.Soap11, reader).GetHomeTimelineAsync(null, null, null, null), home);
        ParityAssert.Same(await Soap.Tweets(SoapVersion.Soap12, reader).GetHomeTimelineAsync(null, null, older.Id, null), since);
        Assert.HasCount(2, home.Tweets);
        Assert.HasCount(1, since.Tweets);
    }

    [TestMethod]
    public async Task GetConversation_OverJson_IsTheSameThreadAsOverSoap()
    {
        var account = await Soap.SignUpAsync();
        var tweets = Soap.Tweets(SoapVersion.Soap11, account);
        var root = await tweets.PostTweetAsync("a thread", null, null, null);
        await tweets.PostTweetAsync("a reply", root.Id, null, null);

        var thread = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/conversations/{root.ConversationId}");

        ParityAssert.Same(await Soap.Tweets(SoapVersion.Soap11).GetConversationAsync(root.ConversationId, null, null), thread);
        Assert.HasCount(2, thread.Tweets);
    }

    [TestMethod]
    public async Task SearchTweets_OverJson_FindsWhatSoapFinds()
    {
        var account = await Soap.SignUpAsync();
        var word = "w" + Guid.NewGuid().ToString("N")[..10];
        await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync($"about {word} and #{word}", null, null, null);
        await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("something else", null, null, null);
        var query = $"{word} from:{account.User.Username}";

        var found = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/tweets/search?query={Uri.EscapeDataString(query)}");

        ParityAssert.Same(await Soap.Tweets(SoapVersion.Soap12).SearchTweetsAsync(query, null, null, null, null), found);
        Assert.HasCount(1, found.Tweets);
    }

    [TestMethod]
    public async Task GetTweets_ByIds_ReturnsTheSameTweetsAndProblemsInBothFaces()
    {
        var account = await Soap.SignUpAsync();
        var first = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("first", null, null, null);
        var second = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("second", null, null, null);
        List<Guid> ids = [second.Id, Guid.CreateVersion7(), first.Id];

        var overJson = await Json.ExpectAsync<TweetLookup>(HttpStatusCode.OK, HttpMethod.Get, $"api/tweets?ids={string.Join(",", ids)}");
        var overSoap = await Soap.Tweets(SoapVersion.Soap11).GetTweetsAsync([.. ids]);

        CollectionAssert.AreEqual(overSoap.Tweets.Select(ParityAssert.Describe).ToList(), overJson.Tweets.Select(ParityAssert.Describe).ToList());
        ParityAssert.Same(overSoap.Problems, overJson.Problems);
        Assert.HasCount(2, overJson.Tweets);
        Assert.AreEqual(ErrorCode.NotFound, overJson.Problems.Single().Code);
    }

    [TestMethod]
    public async Task GetUsersByUsernames_ReturnsTheSameUsersAndProblemsInBothFaces()
    {
        var (ada, bob) = (await Soap.SignUpAsync(), await Soap.SignUpAsync());
        List<string> names = [ada.User.Username.ToUpperInvariant(), "nobody_here_x", "not valid!", bob.User.Username];

        var overJson = await Json.ExpectAsync<UserLookup>(HttpStatusCode.OK, HttpMethod.Get,
            $"api/users/by?usernames={string.Join(",", names.Take(2).Select(Uri.EscapeDataString))}&usernames={string.Join(",", names.Skip(2).Select(Uri.EscapeDataString))}");
        var overSoap = await Soap.Users(SoapVersion.Soap12).GetUsersByUsernamesAsync([.. names]);

        CollectionAssert.AreEqual(overSoap.Users.Select(ParityAssert.Describe).ToList(), overJson.Users.Select(ParityAssert.Describe).ToList());
        ParityAssert.Same(overSoap.Problems, overJson.Problems);
        Assert.HasCount(2, overJson.Users);
        Assert.HasCount(2, overJson.Problems);
    }
}
