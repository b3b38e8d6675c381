using System.Net;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Rest;

/// <summary>Errors of the reads: the same codes, fields and messages over JSON as over SOAP, and the JSON face's own request errors.</summary>
[TestClass]
public sealed class ReadFaultParityTests : ServiceTests<ReadFaultParityTests>
{
    private static JsonApi Json => new(Service.Http);

    [TestMethod]
    public async Task GetHomeTimeline_WithWrongPassword_IsUnauthenticatedInBothFaces()
    {
        var account = await Soap.SignUpAsync();

        await ParityAssert.SameErrorAsync(ErrorCode.Unauthenticated, HttpStatusCode.Unauthorized,
            () => Soap.Tweets(SoapVersion.Soap12, account.User.Username, "wrong password").GetHomeTimelineAsync(null, null, null, null),
            () => Json.SendAsync(HttpMethod.Get, "api/users/me/timeline", null, account.User.Username, "wrong password"));
    }

    [TestMethod]
    public async Task GetUserTimeline_OfUnknownUser_IsNotFoundInBothFaces()
    {
        var unknown = Guid.CreateVersion7();

        await ParityAssert.SameErrorAsync(ErrorCode.NotFound, HttpStatusCode.NotFound,
            () => Soap.Tweets(SoapVersion.Soap11).GetUserTimelineAsync(unknown, null, null, null, null),
            () => Json.SendAsync(HttpMethod.Get, $"api/users/{unknown}/tweets"));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("from:")]
    public async Task SearchTweets_WithUnusableQuery_IsValidationFailedInBothFaces(string query)
    {
        var problem = await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Tweets(SoapVersion.Soap11).SearchTweetsAsync(query, null, null, null, null),
            () => Json.SendAsync(HttpMethod.Get, $"api/tweets/search?query={Uri.EscapeDataString(query)}"));

        CollectionAssert.AreEqual(new[] { "query" }, problem.Fields);
    }

    [TestMethod]
    public async Task GetConversation_WithPageSizeOutOfRange_IsValidationFailedInBothFaces()
    {
        var id = Guid.CreateVersion7();

        await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Tweets(SoapVersion.Soap11).GetConversationAsync(id, 0, null),
            () => Json.SendAsync(HttpMethod.Get, $"api/conversations/{id}?maxResults=0"));
    }

    [TestMethod]
    public async Task GetTweets_WithMoreThanAHundredIds_IsValidationFailedInBothFaces()
    {
        var ids = Enumerable.Range(0, 101).Select(_ => Guid.CreateVersion7()).ToList();

        await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Tweets(SoapVersion.Soap11).GetTweetsAsync([.. ids]),
            () => Json.SendAsync(HttpMethod.Get, $"api/tweets?ids={string.Join(",", ids)}"));
    }

    [TestMethod]
    public async Task GetUsersByUsernames_WithNoUsernames_IsValidationFailedInBothFaces()
    {
        await ParityAssert.SameErrorAsync(ErrorCode.ValidationFailed, HttpStatusCode.UnprocessableEntity,
            () => Soap.Users(SoapVersion.Soap11).GetUsersByUsernamesAsync([]),
            () => Json.SendAsync(HttpMethod.Get, "api/users/by?usernames="));
    }

    [TestMethod]
    [DataRow("api/tweets?ids=not-a-uuid")]
    [DataRow("api/tweets?ids=01a21f2a-e71b-71e0-980c-5a10aff6257f&maxResults=5")]
    [DataRow("api/users/me/timeline?sinceId=yesterday")]
    public async Task JsonRequest_ThatCannotBeRead_IsMalformedRequest(string path)
    {
        using var response = await Json.SendAsync(HttpMethod.Get, path);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual(ErrorCode.MalformedRequest, (await JsonApi.ProblemOfAsync(response)).Code);
    }

    [TestMethod]
    [DataRow("POST", "api/users/me/timeline", HttpStatusCode.MethodNotAllowed, ErrorCode.MalformedRequest)]
    [DataRow("GET", "api/no-such-route", HttpStatusCode.NotFound, ErrorCode.NotFound)]
    public async Task JsonRequest_ToNoRoute_IsAProblemWithACode(string method, string path, HttpStatusCode status, ErrorCode code)
    {
        using var response = await Json.SendAsync(new HttpMethod(method), path);

        Assert.AreEqual(status, response.StatusCode);
        Assert.AreEqual(code, (await JsonApi.ProblemOfAsync(response)).Code);
    }
}
