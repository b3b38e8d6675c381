using System.Net;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;
using Proxy = TweetsSoap.Client;

namespace TweetsSoap.Tests.Rest;

/// <summary>The JSON face and the SOAP face run the same operations: each gives the other's data back unchanged.</summary>
[TestClass]
public sealed class RestParityTests : ServiceTests<RestParityTests>
{
    private static JsonApi Json => new(Service.Http);

    [TestMethod]
    public async Task SignUp_OverJson_CreatesTheUserThatSoapLoginReturns()
    {
        var username = SoapClients.UniqueUsername();
        var body = new { username, email = $"{username}@example.org", password = "correct horse", firstName = " Ada ", lastName = "Lovelace", birthDate = "1815-12-10" };

        using var response = await Json.SendAsync(HttpMethod.Post, "api/signup", body);
        var created = await ReadAsync<User>(response, HttpStatusCode.Created);
        var overSoap = await Soap.Users(SoapVersion.Soap12, username, "correct horse").LoginAsync();

        Assert.AreEqual($"/api/users/{created.Id}", response.Headers.Location?.OriginalString);
        ParityAssert.Same(overSoap, created);
        Assert.AreEqual("Ada", created.FirstName, "the same trimming rule ran");
        Assert.AreEqual(new DateTime(1815, 12, 10, 0, 0, 0, DateTimeKind.Utc), created.BirthDate);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task Login_WithTheSameCredentials_ReturnsTheSameProfileInBothFaces(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);

        var overJson = await Json.ExpectAsync<User>(HttpStatusCode.OK, HttpMethod.Post, "api/login", account: account);

        ParityAssert.Same(await Soap.Users(version, account).LoginAsync(), overJson);
        Assert.IsNotNull(overJson.Email, "Login returns the caller's own profile");
    }

    [TestMethod]
    public async Task GetUser_ReturnsTheSamePublicProfileInBothFaces()
    {
        var account = await Soap.SignUpAsync();

        var overJson = await Json.ExpectAsync<User>(HttpStatusCode.OK, HttpMethod.Get, $"api/users/{account.User.Id}");

        ParityAssert.Same(await Soap.Users(SoapVersion.Soap11).GetUserAsync(account.User.Id), overJson);
        Assert.IsNull(overJson.Email, "another user's email stays private over JSON too");
    }

    [TestMethod]
    public async Task ListUsers_PageTokensOfOneFace_WorkInTheOther()
    {
        for (var i = 0; i < 3; i++)
        {
            await Soap.SignUpAsync();
        }

        var soapFirst = await Soap.Users(SoapVersion.Soap11).ListUsersAsync(2, null);
        var jsonFirst = await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get, "api/users?maxResults=2");
        var jsonSecond = await Json.ExpectAsync<UserPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/users?maxResults=2&pageToken={soapFirst.NextPageToken}");
        var soapSecond = await Soap.Users(SoapVersion.Soap11).ListUsersAsync(2, jsonFirst.NextPageToken);

        Assert.AreEqual(soapFirst.NextPageToken, jsonFirst.NextPageToken);
        ParityAssert.Same(soapFirst.Users, jsonFirst.Users);
        ParityAssert.Same(soapSecond.Users, jsonSecond.Users);
        Assert.HasCount(2, jsonFirst.Users);
    }

    [TestMethod]
    public async Task UpdateUser_OverJson_ChangesWhatSoapReads()
    {
        var account = await Soap.SignUpAsync();

        var updated = await Json.ExpectAsync<User>(HttpStatusCode.OK, HttpMethod.Put, $"api/users/{account.User.Id}",
            new { firstName = "Augusta", password = "new password!" }, account);

        Assert.AreEqual("Augusta", updated.FirstName);
        Assert.AreEqual("Lovelace", updated.LastName, "absent fields keep their value");
        ParityAssert.Same(await Soap.Users(SoapVersion.Soap11, account.User.Username, "new password!").LoginAsync(), updated);
    }

    [TestMethod]
    public async Task DeleteUser_OverJson_AnswersNoContentAndSoapNoLongerFindsTheUser()
    {
        var account = await Soap.SignUpAsync();

        using var response = await Json.SendAsync(HttpMethod.Delete, $"api/users/{account.User.Id}", account: account);

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        await FaultAssert.ThrowsAsync(Proxy.ErrorCode.NotFound, () => Soap.Users(SoapVersion.Soap11).GetUserAsync(account.User.Id));
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task PostTweet_OverJson_CreatesTheTweetThatSoapGetTweetReturns(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);

        using var response = await Json.SendAsync(HttpMethod.Post, "api/tweets", new { text = "Hello, <JSON> & \"SOAP\" 👩‍👩‍👧‍👦" }, account);
        var posted = await ReadAsync<Tweet>(response, HttpStatusCode.Created);

        Assert.AreEqual($"/api/tweets/{posted.Id}", response.Headers.Location?.OriginalString);
        ParityAssert.Same(await Soap.Tweets(version).GetTweetAsync(posted.Id), posted);
        ParityAssert.Same(posted, await Json.ExpectAsync<Tweet>(HttpStatusCode.OK, HttpMethod.Get, response.Headers.Location!.OriginalString));
    }

    [TestMethod]
    public async Task GetTweet_OfATweetPostedOverSoap_IsTheSameOverJson()
    {
        var account = await Soap.SignUpAsync();
        var posted = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("posted over SOAP", null, null, null);

        var overJson = await Json.ExpectAsync<Tweet>(HttpStatusCode.OK, HttpMethod.Get, $"api/tweets/{posted.Id}");

        ParityAssert.Same(posted, overJson);
    }

    [TestMethod]
    public async Task ListTweets_OfOneAuthor_GivesTheSamePagesAndTokensInBothFaces()
    {
        var account = await Soap.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync($"tweet {i}", null, null, null);
        }

        var soapFirst = await Soap.Tweets(SoapVersion.Soap12).ListTweetsAsync(account.User.Id, 3, null);
        var jsonFirst = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get, $"api/tweets?authorId={account.User.Id}&maxResults=3");
        var soapSecond = await Soap.Tweets(SoapVersion.Soap12).ListTweetsAsync(account.User.Id, 3, jsonFirst.NextPageToken);
        var jsonSecond = await Json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get,
            $"api/tweets?authorId={account.User.Id}&maxResults=3&pageToken={soapFirst.NextPageToken}");

        Assert.AreEqual(soapFirst.NextPageToken, jsonFirst.NextPageToken);
        ParityAssert.Same(soapFirst.Tweets, jsonFirst.Tweets);
        ParityAssert.Same(soapSecond.Tweets, jsonSecond.Tweets);
        Assert.HasCount(2, jsonSecond.Tweets);
        Assert.IsNull(jsonSecond.NextPageToken, "the last page has no token in either face");
    }

    [TestMethod]
    public async Task UpdateTweet_OverJson_ReturnsWhatSoapReadsWithUpdatedAt()
    {
        var account = await Soap.SignUpAsync();
        var posted = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("first draft", null, null, null);

        var updated = await Json.ExpectAsync<Tweet>(HttpStatusCode.OK, HttpMethod.Put, $"api/tweets/{posted.Id}", new { text = "second draft" }, account);

        Assert.AreEqual("second draft", updated.Text);
        Assert.IsNotNull(updated.UpdatedAt);
        ParityAssert.Same(await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(posted.Id), updated);
    }

    [TestMethod]
    public async Task DeleteTweet_OverJson_AnswersNoContentAndSoapNoLongerFindsTheTweet()
    {
        var account = await Soap.SignUpAsync();
        var posted = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("short-lived", null, null, null);

        using var response = await Json.SendAsync(HttpMethod.Delete, $"api/tweets/{posted.Id}", account: account);

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        await FaultAssert.ThrowsAsync(Proxy.ErrorCode.NotFound, () => Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(posted.Id));
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, response.StatusCode, text);
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, JsonApi.Options)!;
    }
}
