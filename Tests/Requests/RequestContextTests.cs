using System.Net;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Requests;

/// <summary>
/// Every request of either face knows its client's address, its correlation id and its caller, so the login throttle
/// and the security log treat a JSON caller like a SOAP caller. Production defaults: no throttle settings.
/// </summary>
[TestClass]
public sealed class RequestContextTests : ServiceTests<RequestContextTests>
{
    [TestMethod]
    [DataRow(Face.Json, "127.0.0.21", "127.0.0.22")]
    [DataRow(Face.Soap11, "127.0.0.23", "127.0.0.24")]
    [DataRow(Face.Soap12, "127.0.0.25", "127.0.0.26")]
    public async Task WrongPasswordsFromOneAddress_DoNotThrottleTheOwnerAtAnother(Face face, string attacker, string bystander)
    {
        var account = await Soap.SignUpAsync();

        var guesses = await SecurityEvents.GuessAsync(Service.BaseAddress, face, attacker, account.Username, _ => null);
        using var client = SourceAddress.Client(Service.BaseAddress, bystander);
        var login = await Logins.AttemptAsync(client, face, account.Username, account.Password);

        CollectionAssert.Contains(guesses, "Throttled", "the login throttle stops a run of wrong passwords from one address");
        Assert.AreEqual("ok", login.Code, "the owner at another address logs in while the attacker is throttled");
    }

    [TestMethod]
    [DataRow(Face.Soap11, "127.0.0.31")]
    [DataRow(Face.Soap12, "127.0.0.32")]
    [DataRow(Face.Json, "127.0.0.33")]
    public async Task AFailedLogin_IsLoggedWithTheClientsAddressAndTheCorrelationIdOfItsFault(Face face, string source)
    {
        using var client = SourceAddress.Client(Service.BaseAddress, source);
        var username = SoapClients.UniqueUsername();

        var attempt = await Logins.AttemptAsync(client, face, username, "wrong password");

        Assert.AreEqual("Unauthenticated", attempt.Code);
        Assert.IsNotNull(attempt.CorrelationId);
        var loginFailed = SecurityEvents.Single(Service.Log, SecurityEvents.LoginFailed, attempt.CorrelationId);
        Assert.AreEqual(source, loginFailed.Fields["ClientAddress"]);
        Assert.AreEqual(username, loginFailed.Fields["Username"]);
    }

    [TestMethod]
    [DataRow(Face.Soap11, "127.0.0.41")]
    [DataRow(Face.Soap12, "127.0.0.42")]
    [DataRow(Face.Json, "127.0.0.43")]
    public async Task DeletingSomeoneElse_IsForbiddenAndASecurityEvent(Face face, string source)
    {
        var attacker = await Soap.SignUpAsync();
        var victim = await Soap.SignUpAsync();
        using var client = SourceAddress.Client(Service.BaseAddress, source);

        string? correlationId;
        if (face == Face.Json)
        {
            using var response = await new JsonApi(client).SendAsync(HttpMethod.Delete, $"api/users/{victim.User.Id}", null, attacker);
            var problem = await JsonApi.ProblemOfAsync(response);
            Assert.AreEqual(HttpStatusCode.Forbidden, response.StatusCode);
            correlationId = problem.CorrelationId;
        }
        else
        {
            var version = face == Face.Soap11 ? SoapVersion.Soap11 : SoapVersion.Soap12;
            var response = await PostAsync(client, "UserService.svc", version, Action("UserService", "DeleteUser"),
                Envelope(version, $"<DeleteUser xmlns=\"{Ns}\"><userId>{victim.User.Id}</userId></DeleteUser>", UsernameToken(attacker.Username, attacker.Password)));
            Assert.AreEqual("Forbidden", response.DetailCode, response.Body);
            correlationId = response.Xml.Descendants(Tns + "CorrelationId").Single().Value;
        }

        var forbidden = SecurityEvents.Single(Service.Log, SecurityEvents.Forbidden, correlationId!);
        Assert.AreEqual(attacker.Username, forbidden.Fields["Username"]);
        Assert.AreEqual(source, forbidden.Fields["ClientAddress"]);
    }
}
