using System.Net;
using System.Text;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Security;

/// <summary>
/// What the service tells a stranger about itself: no Server header, and errors in the contract's words, never a
/// .NET type name or a parser's advice, for the bad inputs the rest of the suite sends, on both faces.
/// </summary>
[TestClass]
public sealed class DisclosureTests : ServiceTests<DisclosureTests>
{
    private static readonly string[] Tells =
    [
        "System.", "TweetsSoap.", "Microsoft.", "SoapCore", "Nullable", "Int32", "'Guid'", "DtdProcessing", "XmlReaderSettings",
        "Exception", "LineNumber", "BytePositionInLine", "Path: $", "hexadecimal value", "Failed to bind", "Kestrel",
    ];

    public static IEnumerable<object[]> SoapBadInputs =>
        from version in new[] { SoapVersion.Soap11, SoapVersion.Soap12 }
        from input in (string[][])
        [
            ["UserService", "SignUp", $"""<!DOCTYPE s:Envelope [<!ENTITY x "y">]>{Envelope(version, $"<SignUp xmlns=\"{Ns}\"><username>&x;</username></SignUp>")}"""],
            ["TweetService", "GetTweet", Envelope(version, $"<GetTweet xmlns=\"{Ns}\"><tweetId>abc</tweetId></GetTweet>")],
            ["TweetService", "GetTweet", Envelope(version, $"<GetTweet xmlns=\"{Ns}\"><tweetId><x/></tweetId></GetTweet>")],
            ["TweetService", "ListTweets", Envelope(version, $"<ListTweets xmlns=\"{Ns}\"><maxResults>99999999999</maxResults></ListTweets>")],
            ["TweetService", "SearchTweets", Envelope(version, $"<SearchTweets xmlns=\"{Ns}\"><query>abc&#0;</query></SearchTweets>")],
            ["UserService", "SignUp", Envelope(version, $"<SignUp xmlns=\"{Ns}\"><username>x</username><birthDate>2020-02-30</birthDate></SignUp>")],
            ["UserService", "GetUser", "<a><b></a></b>"],
            ["UserService", "GetUser", Envelope(version, "")],
            ["UserService", "GetUserById", Envelope(version, $"<GetUserById xmlns=\"{Ns}\"/>")],
            ["UserService", "GetUser", Envelope(version == SoapVersion.Soap11 ? SoapVersion.Soap12 : SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\"/>")],
        ]
        select (object[])[version, .. input];

    public static IEnumerable<object?[]> JsonBadInputs =>
    [
        ["POST", "api/tweets", "[]", "the members text, inReplyToTweetId, quotedTweetId, clientRequestId"],
        ["POST", "api/tweets", """{"text":"x","inReplyToTweetId":"abc"}""", "inReplyToTweetId must be a UUID"],
        ["POST", "api/tweets", """{"text":5}""", "text must be a string"],
        ["POST", "api/tweets", """{"text":""", "not valid JSON"],
        ["POST", "api/tweets", null, "the members text"],
        ["GET", "api/tweets/search?query=abc&sinceId=abc", null, "sinceId must be a UUID"],
        ["GET", "api/tweets?maxResults=x", null, "maxResults must be an integer"],
        ["GET", "api/tweets?ids=abc", null, "ids"],
        ["GET", "api/tweets/abc", null, "no route"],
        ["GET", "api/tweets/search?query=abc%00", null, "query"],
        ["PUT", "api/users/00000000-0000-0000-0000-000000000001", """{"birthDate":"yesterday"}""", "birthDate must be a date"],
    ];

    [TestMethod]
    [DynamicData(nameof(SoapBadInputs))]
    public async Task SoapFaults_SpeakTheContractsWords(SoapVersion version, string service, string operation, string envelope)
    {
        var response = await PostAsync(Service.Http, $"{service}.svc", version, Action(service, operation), envelope);

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.Status, response.Body);
        AssertNoTells(response.Body);
    }

    [TestMethod]
    [DynamicData(nameof(JsonBadInputs))]
    public async Task JsonProblems_SpeakTheContractsWords(string method, string path, string? body, string expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        else if (method == "POST")
        {
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new("application/json");
        }

        using var response = await Service.Http.SendAsync(request);
        var problem = await JsonApi.ProblemOfAsync(response);

        StringAssert.Contains(problem.Detail, expected);
        AssertNoTells(await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    [DataRow("GET", "healthz")]
    [DataRow("GET", "TweetService.svc?wsdl")]
    [DataRow("GET", "TweetService.svc")]
    [DataRow("POST", "TweetService.svc")]
    [DataRow("GET", "api/tweets/search?query=x")]
    [DataRow("GET", "api/nothing-here")]
    [DataRow("GET", "nothing-here")]
    public async Task NoResponse_NamesTheServer(string method, string path)
    {
        using var response = await Service.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.IsEmpty(response.Headers.Server, $"Server: {response.Headers.Server}");
    }

    private static void AssertNoTells(string body)
    {
        foreach (var tell in Tells)
        {
            Assert.IsFalse(body.Contains(tell, StringComparison.Ordinal), $"'{tell}' in: {body}");
        }
    }
}
