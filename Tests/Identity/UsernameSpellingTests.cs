using Microsoft.Extensions.Logging;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Identity;

/// <summary>
/// A username has one spelling: letters that case-map onto ASCII ones (Kelvin sign, dotted and dotless i, long s)
/// or look like them (fullwidth forms) are not the account, spend none of its throttle budget or nonces, and are
/// refused before any store lookup.
/// </summary>
[TestClass]
public sealed class UsernameSpellingTests : ServiceTests<UsernameSpellingTests>
{
    [TestMethod]
    [DataRow(0, "\u212A", Face.Soap11, DisplayName = "KELVIN SIGN for k, SOAP 1.1")]
    [DataRow(0, "\u212A", Face.Json, DisplayName = "KELVIN SIGN for k, JSON")]
    [DataRow(1, "\u0130", Face.Soap12, DisplayName = "LATIN CAPITAL LETTER I WITH DOT ABOVE for i, SOAP 1.2")]
    [DataRow(1, "\u0131", Face.Soap11, DisplayName = "LATIN SMALL LETTER DOTLESS I for i, SOAP 1.1")]
    [DataRow(1, "\u0131", Face.Json, DisplayName = "LATIN SMALL LETTER DOTLESS I for i, JSON")]
    [DataRow(2, "\u017F", Face.Soap12, DisplayName = "LATIN SMALL LETTER LONG S for s, SOAP 1.2")]
    [DataRow(0, "\uFF2B", Face.Soap11, DisplayName = "FULLWIDTH LATIN CAPITAL LETTER K for k, SOAP 1.1")]
    public async Task AnotherSpellingOfTheName_IsRefusedUnlookedUpAndSpendsNothingOfTheAccount(int index, string letter, Face face)
    {
        var account = await Soap.SignUpAsync(username: "kis_" + Guid.NewGuid().ToString("N")[..8]);
        var spelling = account.Username[..index] + letter + account.Username[(index + 1)..];
        using var caller = SourceAddress.Client(Service.BaseAddress, "127.0.4.1");
        var logged = Service.Log.Events.Count;

        var answers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await LoginAsync(caller, face, spelling, account.Password));
        }

        var events = Service.Log.Events.Skip(logged).Where(e => e.Category.EndsWith(".SecurityLog", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(Enumerable.Repeat("Unauthenticated", 7).ToList(), answers);
        Assert.HasCount(7, events.Where(e => e.EventId.Id == 102 && e.Message.Contains("not a valid username", StringComparison.Ordinal)).ToList());
        Assert.IsFalse(events.Any(e => e.EventId.Id == 101), "checked like a real username: " + string.Join("\n", events.Select(e => e.Message)));
        Assert.AreEqual("ok", await LoginAsync(caller, face, account.Username, account.Password), "the account's budget is untouched");
    }

    [TestMethod]
    public async Task WrongPasswords_UnderAnySpelling_ShareTheAccountsBudgetOrCountForNothing()
    {
        var account = await Soap.SignUpAsync(username: "kis_" + Guid.NewGuid().ToString("N")[..8]);
        using var caller = SourceAddress.Client(Service.BaseAddress, "127.0.4.2");
        var cases = new[] { account.Username, account.Username.ToUpperInvariant(), "K" + account.Username[1..] };
        for (var i = 0; i < 5; i++)
        {
            Assert.AreEqual("Unauthenticated", await LoginAsync(caller, Face.Soap11, cases[i % cases.Length], "wrong password"));
        }

        Assert.AreEqual("Unauthenticated", await LoginAsync(caller, Face.Soap11, "\u212A" + account.Username[1..], account.Password), "a fresh budget under another spelling");
        Assert.AreEqual("Throttled", await LoginAsync(caller, Face.Soap12, "KIS" + account.Username[3..], account.Password));
    }

    [TestMethod]
    public async Task UsedNonce_ReplayedUnderAnotherSpelling_IsRefused()
    {
        var account = await Soap.SignUpAsync(username: "kis_" + Guid.NewGuid().ToString("N")[..8]);
        var nonce = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var created = DateTimeOffset.UtcNow;

        var first = await LoginAsync(RawSoap.UsernameToken(account.Username, account.Password, nonce, created));
        var upperCase = await LoginAsync(RawSoap.UsernameToken(account.Username.ToUpperInvariant(), account.Password, nonce, created));
        var kelvin = await LoginAsync(RawSoap.UsernameToken("\u212A" + account.Username[1..], account.Password, nonce, created));

        Assert.IsNull(first.DetailCode, first.Body);
        Assert.AreEqual("Unauthenticated", upperCase.DetailCode);
        StringAssert.Contains(upperCase.FaultReason, "nonce was already used");
        Assert.AreEqual("Unauthenticated", kelvin.DetailCode, kelvin.Body);
    }

    [TestMethod]
    public async Task SignUp_WithTheTakenNameAndANewline_IsRefused()
    {
        var account = await Soap.SignUpAsync(username: "kis_" + Guid.NewGuid().ToString("N")[..8]);

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.SignUpAsync(username: account.Username + "\n"));

        CollectionAssert.Contains(fault.Fields, "username");
    }

    private static async Task<string> LoginAsync(HttpClient from, Face face, string username, string password) =>
        (await Logins.AttemptAsync(from, face, username, password)).Code;

    private static Task<RawResponse> LoginAsync(string token) =>
        RawSoap.PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, RawSoap.Action("UserService", "Login"),
            RawSoap.Envelope(SoapVersion.Soap11, $"<Login xmlns=\"{RawSoap.Ns}\"/>", token));
}
