using Microsoft.Extensions.Logging;
using TweetsSoap.Service.Soap.Pipeline;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Soap;

/// <summary>With envelope logging on: both envelopes are in the log, secrets blanked, long ones cut.</summary>
[TestClass]
[ServiceSettings("--Soap:LogEnvelopes=true", "--Soap:MaxLoggedEnvelopeChars=1200")]
public sealed class EnvelopeLogTests : ServiceTests<EnvelopeLogTests>
{
    [TestMethod]
    public async Task RequestAndResponse_AreLoggedWithSecretsRedacted()
    {
        var username = SoapClients.UniqueUsername();
        const string password = "hunter2-very-secret";
        const string nonce = "bm9uY2Utc2VjcmV0LXZhbHVl";
        await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, Action("UserService", "SignUp"),
            Envelope(SoapVersion.Soap11, $"<SignUp xmlns=\"{Ns}\"><username>{username}</username><email>{username}@example.org</email><password>{password}</password><firstName>A</firstName><lastName>B</lastName></SignUp>"));

        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, Action("UserService", "Login"),
            Envelope(SoapVersion.Soap11, $"<Login xmlns=\"{Ns}\"/>",
                UsernameToken(username, password).Replace("</wsse:Password>", $"</wsse:Password><wsse:Nonce>{nonce}</wsse:Nonce>", StringComparison.Ordinal)));

        var correlationLines = Service.Log.Entries.Where(e => e.Category.EndsWith("EnvelopeLog", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(correlationLines.Any(e => e.Message.StartsWith("SOAP request", StringComparison.Ordinal) && e.Message.Contains("<wsse:Password", StringComparison.Ordinal)));
        Assert.IsTrue(correlationLines.Any(e => e.Message.StartsWith("SOAP response", StringComparison.Ordinal) && e.Message.Contains(username, StringComparison.Ordinal)));
        Assert.IsTrue(correlationLines.Any(e => e.Message.Contains("<password>***</password>", StringComparison.Ordinal)));
        Assert.IsFalse(Service.Log.Entries.Any(e => e.Message.Contains(password, StringComparison.Ordinal) || e.Message.Contains(nonce, StringComparison.Ordinal)), "a secret reached the log");
        Assert.AreEqual(System.Net.HttpStatusCode.OK, response.Status, "logging does not change the answer");
        Assert.AreEqual(username, response.Xml.Descendants(Tns + "Username").Single().Value);
    }

    [TestMethod]
    public async Task LongEnvelope_IsCutToTheConfiguredSize()
    {
        var text = new string('x', 3000);

        await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap12, Action("TweetService", "GetTweet"),
            Envelope(SoapVersion.Soap12, $"<GetTweet xmlns=\"{Ns}\"><tweetId>{text}</tweetId></GetTweet>"));

        var entry = Service.Log.Entries.Last(e => e.Message.StartsWith("SOAP request", StringComparison.Ordinal) && e.Message.Contains("GetTweet", StringComparison.Ordinal));
        Assert.AreEqual(LogLevel.Information, entry.Level);
        Assert.IsLessThan(1400, entry.Message.Length);
        StringAssert.Contains(entry.Message, "more characters)");
    }
}
