using System.Net;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;
using Proxy = TweetsSoap.Client;

namespace TweetsSoap.Tests.Rest;

/// <summary>
/// Every error of every operation comes out of both faces with the same <see cref="ErrorCode"/>, the same fields
/// and the same message: as a SOAP fault, and as an RFC 9457 problem with the matching HTTP status.
/// </summary>
[TestClass]
public sealed class RestFaultParityTests : ServiceTests<RestFaultParityTests>
{
    private static JsonApi Json => new(Service.Http);

    [TestMethod]
    public async Task SignUp_WithInvalidFields_IsValidationFailedWithTheSameFieldsInBothFaces()
    {
        await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Users(SoapVersion.Soap11).SignUpAsync("no spaces!", "not-an-email", "short", "", "Lovelace", DateTime.UtcNow.AddDays(2), null),
            () => Json.SendAsync(HttpMethod.Post, "api/signup",
                new { username = "no spaces!", email = "not-an-email", password = "short", firstName = "", lastName = "Lovelace", birthDate = DateTime.UtcNow.AddDays(2) }));
    }

    [TestMethod]
    public async Task SignUp_WithTakenUsername_IsConflictInBothFaces()
    {
        var taken = await Soap.SignUpAsync();
        var other = SoapClients.UniqueUsername();

        var problem = await ParityAssert.SameErrorAsync(ErrorCode.Conflict, HttpStatusCode.Conflict,
            () => Soap.Users(SoapVersion.Soap12).SignUpAsync(taken.User.Username, $"{other}@example.org", "correct horse", "A", "B", null, null),
            () => Json.SendAsync(HttpMethod.Post, "api/signup",
                new { username = taken.User.Username, email = $"{other}@example.org", password = "correct horse", firstName = "A", lastName = "B" }));

        CollectionAssert.AreEqual(new[] { "username" }, problem.Fields);
    }

    [TestMethod]
    public async Task Login_WithWrongPassword_IsUnauthenticatedWithABasicChallenge()
    {
        var account = await Soap.SignUpAsync();

        await ParityAssert.SameErrorAsync(ErrorCode.Unauthenticated, HttpStatusCode.Unauthorized,
            () => Soap.Users(SoapVersion.Soap11, account.User.Username, "wrong password").LoginAsync(),
            () => Json.SendAsync(HttpMethod.Post, "api/login", null, account.User.Username, "wrong password"));
    }

    [TestMethod]
    [DataRow("Bearer abc")]
    [DataRow("Basic !!!notbase64")]
    [DataRow("Basic bm9jb2xvbg==")] // "nocolon"
    public async Task PostTweet_WithUnusableAuthorizationHeader_IsUnauthenticatedAndStoresNothing(string header)
    {
        var account = await Soap.SignUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tweets") { Content = System.Net.Http.Json.JsonContent.Create(new { text = "sneaky" }) };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await Service.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual(ErrorCode.Unauthenticated, (await JsonApi.ProblemOfAsync(response)).Code);
        Assert.IsEmpty((await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(account.User.Id, null, null)).Tweets);
    }

    [TestMethod]
    public async Task GetUser_OfUnknownId_IsNotFoundInBothFaces()
    {
        var unknown = Guid.CreateVersion7();

        await ParityAssert.SameErrorAsync(ErrorCode.NotFound, HttpStatusCode.NotFound,
            () => Soap.Users(SoapVersion.Soap11).GetUserAsync(unknown),
            () => Json.SendAsync(HttpMethod.Get, $"api/users/{unknown}"));
    }

    [TestMethod]
    [DataRow("maxResults=0", null)]
    [DataRow("maxResults=101", null)]
    [DataRow(null, "bm90IGEgdG9rZW4")]
    public async Task ListUsers_WithBadPaging_IsValidationFailedInBothFaces(string? maxResults, string? pageToken)
    {
        int? size = maxResults is null ? null : int.Parse(maxResults.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);

        await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Users(SoapVersion.Soap11).ListUsersAsync(size, pageToken),
            () => Json.SendAsync(HttpMethod.Get, $"api/users?{maxResults}&pageToken={pageToken}"));
    }

    [TestMethod]
    public async Task UpdateUser_OfAnotherUser_IsForbiddenInBothFaces()
    {
        var caller = await Soap.SignUpAsync();
        var other = await Soap.SignUpAsync();

        await ParityAssert.SameErrorAsync(ErrorCode.Forbidden, HttpStatusCode.Forbidden,
            () => Soap.Users(SoapVersion.Soap11, caller).UpdateUserAsync(other.User.Id, null, null, null, "Mallory", null, null),
            () => Json.SendAsync(HttpMethod.Put, $"api/users/{other.User.Id}", new { firstName = "Mallory" }, caller));
    }

    [TestMethod]
    public async Task UpdateUser_WithInvalidEmail_IsValidationFailedInBothFaces()
    {
        var caller = await Soap.SignUpAsync();

        await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Users(SoapVersion.Soap12, caller).UpdateUserAsync(caller.User.Id, null, "nope", null, null, null, null),
            () => Json.SendAsync(HttpMethod.Put, $"api/users/{caller.User.Id}", new { email = "nope" }, caller));
    }

    [TestMethod]
    public async Task DeleteUser_OfAnotherUser_IsForbiddenInBothFaces()
    {
        var caller = await Soap.SignUpAsync();
        var other = await Soap.SignUpAsync();

        await ParityAssert.SameErrorAsync(ErrorCode.Forbidden, HttpStatusCode.Forbidden,
            () => Soap.Users(SoapVersion.Soap11, caller).DeleteUserAsync(other.User.Id),
            () => Json.SendAsync(HttpMethod.Delete, $"api/users/{other.User.Id}", account: caller));
    }

    [TestMethod]
    public async Task PostTweet_Anonymous_IsUnauthenticatedWithABasicChallenge()
    {
        using var response = await Json.SendAsync(HttpMethod.Post, "api/tweets", new { text = "who am I?" });

        Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.AreEqual("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        StringAssert.Contains(response.Headers.WwwAuthenticate.Single().Parameter, "realm=\"TweetsSoap\"");
        Assert.AreEqual(ErrorCode.Unauthenticated, (await JsonApi.ProblemOfAsync(response)).Code);
        await FaultAssert.ThrowsAsync(Proxy.ErrorCode.Unauthenticated, () => Soap.Tweets(SoapVersion.Soap11).PostTweetAsync("who am I?", null, null, null));
    }

    [TestMethod]
    [DataRow("")]
    public async Task PostTweet_WithEmptyText_IsValidationFailedOnTextInBothFaces(string text)
    {
        var account = await Soap.SignUpAsync();

        var problem = await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync(text, null, null, null),
            () => Json.SendAsync(HttpMethod.Post, "api/tweets", new { text }, account));

        CollectionAssert.AreEqual(new[] { "text" }, problem.Fields);
    }

    [TestMethod]
    public async Task GetTweet_OfUnknownId_IsNotFoundInBothFaces()
    {
        var unknown = Guid.CreateVersion7();

        await ParityAssert.SameErrorAsync(ErrorCode.NotFound, HttpStatusCode.NotFound,
            () => Soap.Tweets(SoapVersion.Soap12).GetTweetAsync(unknown),
            () => Json.SendAsync(HttpMethod.Get, $"api/tweets/{unknown}"));
    }

    [TestMethod]
    public async Task ListTweets_WithTokenOfAnotherListing_IsValidationFailedInBothFaces()
    {
        var account = await Soap.SignUpAsync();
        await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("one", null, null, null);
        await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("two", null, null, null);
        var token = (await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(account.User.Id, 1, null)).NextPageToken;

        var problem = await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(null, 1, token),
            () => Json.SendAsync(HttpMethod.Get, $"api/tweets?maxResults=1&pageToken={token}"));

        CollectionAssert.AreEqual(new[] { "pageToken" }, problem.Fields);
    }

    [TestMethod]
    public async Task UpdateTweet_OfAnotherAuthor_IsForbiddenInBothFaces()
    {
        var author = await Soap.SignUpAsync();
        var other = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync("mine", null, null, null);

        await ParityAssert.SameErrorAsync(ErrorCode.Forbidden, HttpStatusCode.Forbidden,
            () => Soap.Tweets(SoapVersion.Soap11, other).UpdateTweetAsync(tweet.Id, "yours now"),
            () => Json.SendAsync(HttpMethod.Put, $"api/tweets/{tweet.Id}", new { text = "yours now" }, other));
    }

    [TestMethod]
    public async Task DeleteTweet_OfUnknownId_IsNotFoundInBothFaces()
    {
        var account = await Soap.SignUpAsync();
        var unknown = Guid.CreateVersion7();

        await ParityAssert.SameErrorAsync(ErrorCode.NotFound, HttpStatusCode.NotFound,
            () => Soap.Tweets(SoapVersion.Soap11, account).DeleteTweetAsync(unknown),
            () => Json.SendAsync(HttpMethod.Delete, $"api/tweets/{unknown}", account: account));
    }

    [TestMethod]
    public async Task PostTweet_WithUnreadableJson_IsMalformedRequest()
    {
        var account = await Soap.SignUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tweets") { Content = new StringContent("{\"text\":", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{account.User.Username}:{account.Password}")));

        using var response = await Service.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual(ErrorCode.MalformedRequest, (await JsonApi.ProblemOfAsync(response)).Code);
    }

    [TestMethod]
    public async Task ListTweets_WithNonNumericMaxResults_IsMalformedRequest()
    {
        using var response = await Json.SendAsync(HttpMethod.Get, "api/tweets?maxResults=lots");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual(ErrorCode.MalformedRequest, (await JsonApi.ProblemOfAsync(response)).Code);
    }

    [TestMethod]
    public async Task PostTweet_AsPlainText_IsUnsupportedMediaTypeWithAProblem()
    {
        var account = await Soap.SignUpAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tweets") { Content = new StringContent("hello") };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{account.User.Username}:{account.Password}")));

        using var response = await Service.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.AreEqual(ErrorCode.MalformedRequest, (await JsonApi.ProblemOfAsync(response)).Code);
    }
}
