using System.Net;
using System.Xml.Linq;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>What faults look like on the wire, byte for byte the way strict clients read them.</summary>
[TestClass]
public sealed class FaultWireTests : ServiceTests<FaultWireTests>
{
    [TestMethod]
    public async Task Fault_InSoap11_HasCodeClientAndTypedDetail()
    {
        var response = await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap11, Action("TweetService", "GetTweet"),
            Envelope(SoapVersion.Soap11, $"<GetTweet xmlns=\"{Ns}\"><tweetId>{Guid.CreateVersion7()}</tweetId></GetTweet>"));

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.Status, "WS-I BP R1126: faults travel with 500");
        StringAssert.StartsWith(response.ContentType, "text/xml");
        Assert.AreEqual(Soap11 + "Client", response.FaultCode);
        Assert.AreEqual("NotFound", response.DetailCode);
        Assert.DoesNotContain("Sender", response.Body, "Sender is a SOAP 1.2 code");
        Assert.DoesNotContain("addressing/none", response.Body);
    }

    [TestMethod]
    public async Task Fault_InSoap12_HasCodeSenderAndOurSubcode()
    {
        var response = await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap12, Action("TweetService", "GetTweet"),
            Envelope(SoapVersion.Soap12, $"<GetTweet xmlns=\"{Ns}\"><tweetId>{Guid.CreateVersion7()}</tweetId></GetTweet>"));

        StringAssert.StartsWith(response.ContentType, "application/soap+xml");
        Assert.AreEqual(Soap12 + "Sender", response.FaultCode);
        Assert.AreEqual(Tns + "NotFound", response.FaultSubcode);
        Assert.AreEqual("NotFound", response.DetailCode);
        Assert.AreEqual("en", response.Xml.Descendants(Soap12 + "Text").Single().Attribute(XNamespace.Xml + "lang")?.Value);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task PostTweet_WithoutSecurityHeader_IsAClientUnauthenticatedFault(SoapVersion version)
    {
        var response = await PostAsync(Service.Http, "TweetService.svc", version, Action("TweetService", "PostTweet"),
            Envelope(version, $"<PostTweet xmlns=\"{Ns}\"><text>hello</text></PostTweet>"));

        Assert.AreEqual(version == SoapVersion.Soap11 ? Soap11 + "Client" : Soap12 + "Sender", response.FaultCode);
        Assert.AreEqual("Unauthenticated", response.DetailCode);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task PostTweet_WithUsernameTokenAsSoapUiSendsIt_ReturnsTheTweetInOurNamespace(SoapVersion version)
    {
        var account = await Soap.SignUpAsync();

        var response = await PostAsync(Service.Http, "TweetService.svc", version, Action("TweetService", "PostTweet"),
            Envelope(version, $"<PostTweet xmlns=\"{Ns}\"><text>raw &amp; real</text></PostTweet>", UsernameToken(account.User.Username, account.Password)));

        Assert.AreEqual(HttpStatusCode.OK, response.Status, response.Body);
        var result = response.Xml.Descendants(Tns + "PostTweetResult").Single();
        Assert.AreEqual("raw & real", result.Element(Tns + "Text")?.Value);
        Assert.AreEqual(account.User.Username, result.Element(Tns + "Author")?.Element(Tns + "Username")?.Value);
        Assert.IsNull(result.Element(Tns + "UpdatedAt"), "absent until edited");
    }

    [TestMethod]
    public async Task PostTweet_WithPasswordDigest_IsRefusedWithAdviceToUsePasswordText()
    {
        var account = await Soap.SignUpAsync();
        var digestToken = UsernameToken(account.User.Username, "c2VjcmV0ZGlnZXN0").Replace("#PasswordText", "#PasswordDigest", StringComparison.Ordinal);

        var response = await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap11, Action("TweetService", "PostTweet"),
            Envelope(SoapVersion.Soap11, $"<PostTweet xmlns=\"{Ns}\"><text>hello</text></PostTweet>", digestToken));

        Assert.AreEqual("Unauthenticated", response.DetailCode);
        StringAssert.Contains(response.FaultReason, "PasswordText");
    }
}
