using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>
/// Envelopes that are XML but not the shape the contract describes: markup where a value belongs, a Header after
/// the Body, two operations in one Body. Each is a MalformedRequest fault that blames the client, logged below
/// Warning, and no operation runs. UTF-8 requests are answered by the service's fast path, UTF-16 ones by SoapCore,
/// so each case goes both ways.
/// </summary>
[TestClass]
public sealed class EnvelopeStrictnessTests : ServiceTests<EnvelopeStrictnessTests>
{
    private const string Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    public static IEnumerable<object[]> VersionsAndEncodings =>
    [
        [SoapVersion.Soap11, "utf-8"],
        [SoapVersion.Soap12, "utf-8"],
        [SoapVersion.Soap11, "utf-16"],
        [SoapVersion.Soap12, "utf-16"],
    ];

    public static IEnumerable<object[]> MarkupInValues =>
        from versionAndEncoding in VersionsAndEncodings
        from markup in (string[][])
        [
            ["TweetService", "GetTweet", "<tweetId><x/></tweetId>", "tweetId"],
            ["TweetService", "ListTweets", "<maxResults><b/></maxResults>", "maxResults"],
            ["TweetService", "PostTweet", "<text><b>x</b></text>", "text"],
            ["TweetService", "PostTweet", "<text>abc<b>x</b>def</text>", "text"],
            ["TweetService", "GetTweet", "<tweetId><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/></tweetId>", "tweetId"],
            ["TweetService", "GetTweets", $"<tweetIds><guid xmlns=\"{Arrays}\"><x/></guid></tweetIds>", "tweetIds"],
            ["UserService", "GetUsersByUsernames", $"<usernames><string xmlns=\"{Arrays}\"><x/></string></usernames>", "usernames"],
        ]
        select (object[])[.. versionAndEncoding, .. markup];

    [TestMethod]
    [DynamicData(nameof(MarkupInValues))]
    public async Task MarkupWhereAValueBelongs_IsAMalformedRequestLoggedBelowWarning(SoapVersion version, string charset, string service, string operation, string arguments, string field)
    {
        var response = await SendAsync(version, charset, service, operation, $"<{operation} xmlns=\"{Ns}\">{arguments}</{operation}>");

        AssertClientFault(version, response);
        StringAssert.StartsWith(response.FaultReason, field);
        AssertNothingAboveInformation(response);
    }

    [TestMethod]
    [DynamicData(nameof(VersionsAndEncodings))]
    public async Task AValueThatIsNotOfItsType_IsNamedInTheContractsWords(SoapVersion version, string charset)
    {
        var response = await SendAsync(version, charset, "TweetService", "GetTweet", $"<GetTweet xmlns=\"{Ns}\"><tweetId>not-a-uuid</tweetId></GetTweet>");

        AssertClientFault(version, response);
        StringAssert.StartsWith(response.FaultReason, "tweetId must be a UUID");
        AssertNothingAboveInformation(response);
    }

    [TestMethod]
    [DynamicData(nameof(VersionsAndEncodings))]
    public async Task AHeaderAfterTheBody_IsRefusedAndNothingRuns(SoapVersion version, string charset)
    {
        var envelope = version == SoapVersion.Soap11 ? Soap11 : Soap12;
        var username = SoapClients.UniqueUsername();
        var body = $"""<s:Envelope xmlns:s="{envelope}"><s:Body>{SignUp(username)}</s:Body><s:Header><x:Audit xmlns:x="urn:example:audit" s:mustUnderstand="1"/></s:Header></s:Envelope>""";

        var response = await SendEnvelopeAsync(version, charset, "UserService", "SignUp", body);

        AssertClientFault(version, response);
        StringAssert.Contains(response.FaultReason, "Header");
        await AssertNoUserAsync(username);
    }

    [TestMethod]
    [DynamicData(nameof(VersionsAndEncodings))]
    public async Task TwoOperationsInOneBody_AreRefusedAndNeitherRuns(SoapVersion version, string charset)
    {
        var first = SoapClients.UniqueUsername();
        var second = SoapClients.UniqueUsername();

        var response = await SendAsync(version, charset, "UserService", "SignUp", SignUp(first) + SignUp(second));

        AssertClientFault(version, response);
        StringAssert.Contains(response.FaultReason, "exactly one operation");
        await AssertNoUserAsync(first);
        await AssertNoUserAsync(second);
    }

    private static string SignUp(string username) =>
        $"<SignUp xmlns=\"{Ns}\"><username>{username}</username><email>{username}@example.org</email><password>correct horse battery</password><firstName>Ada</firstName><lastName>Lovelace</lastName></SignUp>";

    private static Task<RawResponse> SendAsync(SoapVersion version, string charset, string service, string operation, string body) =>
        SendEnvelopeAsync(version, charset, service, operation, Envelope(version, body));

    private static Task<RawResponse> SendEnvelopeAsync(SoapVersion version, string charset, string service, string operation, string envelope)
    {
        var encoding = charset == "utf-8" ? Encoding.UTF8 : Encoding.Unicode;
        var action = Action(service, operation);
        var contentType = version == SoapVersion.Soap11 ? $"text/xml; charset={charset}" : $"application/soap+xml; charset={charset}; action=\"{action}\"";
        return PostBytesAsync(Service.Http, $"{service}.svc", contentType, encoding.GetBytes(envelope), version == SoapVersion.Soap11 ? action : null);
    }

    private static void AssertClientFault(SoapVersion version, RawResponse response)
    {
        Assert.AreEqual(HttpStatusCode.InternalServerError, response.Status, response.Body);
        Assert.AreEqual(version == SoapVersion.Soap11 ? Soap11 + "Client" : Soap12 + "Sender", response.FaultCode, response.Body);
        Assert.AreEqual("MalformedRequest", response.DetailCode, response.Body);
    }

    private static void AssertNothingAboveInformation(RawResponse response)
    {
        var correlationId = response.Xml.Descendants(Tns + "CorrelationId").Single().Value;
        var loud = Service.Log.Entries.Where(e => e.Level >= LogLevel.Warning && (e.Message.Contains(correlationId, StringComparison.Ordinal) || e.Exception is not null)).ToList();
        Assert.IsEmpty(loud, string.Join("\n", loud.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
    }

    private static async Task AssertNoUserAsync(string username)
    {
        var lookup = await Soap.Users(SoapVersion.Soap11).GetUsersByUsernamesAsync([username]);
        Assert.IsEmpty(lookup.Users, $"{username} was signed up");
    }
}
