using System.Globalization;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>
/// A wsse:Security header's wsu:Timestamp, as WCF's TransportWithMessageCredential sends it beside the UsernameToken:
/// a message past its Expires, or created in the future, is refused with a typed fault on both SOAP versions, for an
/// authenticated operation and an anonymous one alike. Offsets are far beyond the allowed clock skew of a minute.
/// </summary>
[TestClass]
public sealed class SecurityTimestampTests : ServiceTests<SecurityTimestampTests>
{
    private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    [TestMethod]
    [DataRow(SoapVersion.Soap11, -200, -100)]
    [DataRow(SoapVersion.Soap12, -200, -100)]
    [DataRow(SoapVersion.Soap11, 600, 900)]
    [DataRow(SoapVersion.Soap12, 600, 900)]
    public async Task LoginWithAStaleOrFutureTimestamp_IsUnauthenticated(SoapVersion version, int createdSeconds, int expiresSeconds)
    {
        var account = await Soap.SignUpAsync();

        var response = await LoginAsync(version, Security(account, createdSeconds, expiresSeconds));

        Assert.AreEqual("Unauthenticated", response.DetailCode, response.Body);
        Assert.AreEqual(version == SoapVersion.Soap11 ? Soap11 + "Client" : Soap12 + "Sender", response.FaultCode);
        StringAssert.Contains(response.FaultReason, createdSeconds < 0 ? "expired" : "future");
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task AnAnonymousCallWithAnExpiredTimestamp_IsRefusedToo(SoapVersion version)
    {
        var account = await Soap.SignUpAsync();

        var response = await PostAsync(Service.Http, "UserService.svc", version, Action("UserService", "ListUsers"),
            Envelope(version, $"<ListUsers xmlns=\"{Ns}\"/>", Security(account, -200, -100)));

        Assert.AreEqual("Unauthenticated", response.DetailCode, response.Body);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task LoginWithAFreshTimestamp_IsAnswered(SoapVersion version)
    {
        var account = await Soap.SignUpAsync();

        var response = await LoginAsync(version, Security(account, 0, 300));

        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.Status, response.Body);
        Assert.AreEqual(account.Username, response.Xml.Descendants(Tns + "Username").Single().Value);
    }

    private static Task<RawResponse> LoginAsync(SoapVersion version, string security) =>
        PostAsync(Service.Http, "UserService.svc", version, Action("UserService", "Login"), Envelope(version, $"<Login xmlns=\"{Ns}\"/>", security));

    private static string Security(Account account, int createdSeconds, int expiresSeconds)
    {
        var now = DateTimeOffset.UtcNow;
        return $"""<wsse:Security xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}"><wsu:Timestamp wsu:Id="_0"><wsu:Created>{Format(now.AddSeconds(createdSeconds))}</wsu:Created><wsu:Expires>{Format(now.AddSeconds(expiresSeconds))}</wsu:Expires></wsu:Timestamp>"""
            + $"""<wsse:UsernameToken><wsse:Username>{account.Username}</wsse:Username><wsse:Password Type="{PasswordText}">{account.Password}</wsse:Password></wsse:UsernameToken></wsse:Security>""";
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
