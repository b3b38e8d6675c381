using System.Globalization;
using Microsoft.Extensions.Logging;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Identity;

/// <summary>WS-Security UsernameToken checks over the wire: freshness, replay, digest, the verification cache and the log.</summary>
[TestClass]
public sealed class CredentialTests : ServiceTests<CredentialTests>
{
    private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private const string ProfileNs = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";

    [TestMethod]
    public async Task UnknownUserAndWrongPassword_GetTheSameFault()
    {
        var account = await Soap.SignUpAsync();

        var unknown = await LoginAsync(Token(SoapClients.UniqueUsername(), account.Password));
        var wrong = await LoginAsync(Token(account.User.Username, "wrong password"));

        Assert.AreEqual("Unauthenticated", unknown.DetailCode);
        Assert.AreEqual(unknown.DetailCode, wrong.DetailCode);
        Assert.AreEqual(unknown.FaultReason, wrong.FaultReason);
        Assert.AreEqual(unknown.Status, wrong.Status);
    }

    [TestMethod]
    public async Task PasswordDigest_IsRefusedWithAdviceToUsePasswordTextOverTls()
    {
        var account = await Soap.SignUpAsync();

        var response = await LoginAsync(Token(account.User.Username, "cGFzc3dvcmQ=", type: "#PasswordDigest"));

        Assert.AreEqual("Unauthenticated", response.DetailCode);
        StringAssert.Contains(response.FaultReason, "PasswordText over TLS");
    }

    [TestMethod]
    [DataRow(-10)]
    [DataRow(+10)]
    public async Task TokenCreatedOutsideTheClockSkew_IsRefused(int minutes)
    {
        var account = await Soap.SignUpAsync();

        var response = await LoginAsync(Token(account.User.Username, account.Password, DateTimeOffset.UtcNow.AddMinutes(minutes), NewNonce()));

        Assert.AreEqual("Unauthenticated", response.DetailCode);
        StringAssert.Contains(response.FaultReason, "fresh token");
    }

    [TestMethod]
    public async Task ReplayedNonce_IsRefusedAndAFreshOneAccepted()
    {
        var account = await Soap.SignUpAsync();
        var token = Token(account.User.Username, account.Password, DateTimeOffset.UtcNow, NewNonce());

        var first = await LoginAsync(token);
        var replay = await LoginAsync(token);
        var fresh = await LoginAsync(Token(account.User.Username, account.Password, DateTimeOffset.UtcNow, NewNonce()));

        Assert.IsNull(first.DetailCode, first.Body);
        Assert.AreEqual("Unauthenticated", replay.DetailCode);
        StringAssert.Contains(replay.FaultReason, "nonce was already used");
        Assert.IsNull(fresh.DetailCode, fresh.Body);
    }

    [TestMethod]
    public async Task RememberedLogin_StopsWorkingOnceThePasswordChanges()
    {
        var account = await Soap.SignUpAsync();
        await Soap.Users(SoapVersion.Soap11, account).LoginAsync();

        await Soap.Users(SoapVersion.Soap11, account).UpdateUserAsync(account.User.Id, null, null, "a new password", null, null, null);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Users(SoapVersion.Soap11, account).LoginAsync());
        Assert.AreEqual(account.User.Id, (await Soap.Users(SoapVersion.Soap11, account.User.Username, "a new password").LoginAsync()).Id);
    }

    [TestMethod]
    public async Task RememberedLogin_StopsWorkingOnceTheAccountIsDeleted()
    {
        var account = await Soap.SignUpAsync();
        await Soap.Users(SoapVersion.Soap12, account).LoginAsync();

        await Soap.Users(SoapVersion.Soap12, account).DeleteUserAsync(account.User.Id);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Users(SoapVersion.Soap12, account).LoginAsync());
    }

    [TestMethod]
    public async Task FailedLogin_IsASecurityEventWithTheCorrelationIdAndNoPassword()
    {
        var account = await Soap.SignUpAsync();

        var response = await LoginAsync(Token(account.User.Username, "guess-1234"));

        var correlationId = response.Xml.Descendants(Tns + "CorrelationId").Single().Value;
        var entry = Service.Log.Entries.Single(e => e.Message.Contains(correlationId, StringComparison.Ordinal) && e.Category.EndsWith("SecurityLog", StringComparison.Ordinal));
        Assert.AreEqual(LogLevel.Warning, entry.Level);
        StringAssert.Contains(entry.Message, account.User.Username);
        Assert.IsFalse(Service.Log.Entries.Any(e => e.Message.Contains("guess-1234", StringComparison.Ordinal)), "a password reached the log");
    }

    private static Task<RawResponse> LoginAsync(string token) =>
        PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, Action("UserService", "Login"),
            Envelope(SoapVersion.Soap11, $"<Login xmlns=\"{Ns}\"/>", token));

    private static string NewNonce() => Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    private static string Token(string username, string password, DateTimeOffset? created = null, string? nonce = null, string type = "#PasswordText") =>
        $"""<wsse:Security xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}"><wsse:UsernameToken><wsse:Username>{username}</wsse:Username><wsse:Password Type="{ProfileNs}{type}">{password}</wsse:Password>"""
        + (nonce is null ? "" : $"<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">{nonce}</wsse:Nonce>")
        + (created is { } c ? $"<wsu:Created>{c.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}</wsu:Created>" : "")
        + "</wsse:UsernameToken></wsse:Security>";
}
