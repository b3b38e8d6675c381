using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>Requests that are wrong in form: each gets a fault that says what is wrong, and the service goes on.</summary>
[TestClass]
public sealed class BadInputTests : ServiceTests<BadInputTests>
{
    [TestMethod]
    [DataRow(SoapVersion.Soap11, "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetUser")]
    [DataRow(SoapVersion.Soap12, "not xml at all")]
    [DataRow(SoapVersion.Soap11, "")]
    [DataRow(SoapVersion.Soap11, "<a><b></a></b>")]
    public async Task MalformedXml_GetsAClientFaultAndTheNextRequestIsServed(SoapVersion version, string body)
    {
        var response = await PostAsync(Service.Http, "UserService.svc", version, Action("UserService", "GetUser"), body);

        Assert.AreEqual(version == SoapVersion.Soap11 ? Soap11 + "Client" : Soap12 + "Sender", response.FaultCode);
        Assert.AreEqual("MalformedRequest", response.DetailCode);
        await AssertStillServingAsync(version);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task UnknownAction_IsNamedInTheFault(SoapVersion version)
    {
        var action = Action("TweetService", "GetTweetById");

        var response = await PostAsync(Service.Http, "TweetService.svc", version, action,
            Envelope(version, $"<GetTweet xmlns=\"{Ns}\"><tweetId>{Guid.CreateVersion7()}</tweetId></GetTweet>"));

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, action);
        await AssertStillServingAsync(version);
    }

    [TestMethod]
    public async Task ActionOfAnotherService_IsRefused()
    {
        var response = await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap11, Action("UserService", "GetUser"),
            Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\"><userId>{Guid.CreateVersion7()}</userId></GetUser>"));

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, "TweetService");
    }

    [TestMethod]
    public async Task Soap11WithoutSoapAction_IsRefused()
    {
        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, null,
            Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\"><userId>{Guid.CreateVersion7()}</userId></GetUser>"));

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, "SOAPAction");
    }

    [TestMethod]
    public async Task Soap12WithoutAction_IsDispatchedByTheBodyElement()
    {
        var account = await Soap.SignUpAsync();

        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap12, null,
            Envelope(SoapVersion.Soap12, $"<GetUser xmlns=\"{Ns}\"><userId>{account.User.Id}</userId></GetUser>"));

        Assert.AreEqual(account.User.Username, response.Xml.Descendants(Tns + "Username").Single().Value);
    }

    [TestMethod]
    public async Task Soap12WithoutActionAndAnUnknownBodyElement_IsRefused()
    {
        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap12, null,
            Envelope(SoapVersion.Soap12, $"<StealUsers xmlns=\"{Ns}\"/>"));

        Assert.AreEqual(Soap12 + "Sender", response.FaultCode);
    }

    [TestMethod]
    public async Task BodyOfAnotherOperationThanTheAction_IsRefusedAndRunsNeither()
    {
        var author = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync("stays", null, null, null);

        var response = await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap11, Action("TweetService", "GetTweet"),
            Envelope(SoapVersion.Soap11, $"<DeleteTweet xmlns=\"{Ns}\"><tweetId>{tweet.Id}</tweetId></DeleteTweet>", UsernameToken(author.User.Username, author.Password)));

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        Assert.AreEqual("stays", (await Soap.Tweets(SoapVersion.Soap11).GetTweetAsync(tweet.Id)).Text);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task MissingRequiredElement_IsAValidationFaultNamingIt(SoapVersion version)
    {
        var response = await PostAsync(Service.Http, "TweetService.svc", version, Action("TweetService", "GetTweet"),
            Envelope(version, $"<GetTweet xmlns=\"{Ns}\"/>"));

        Assert.AreEqual("ValidationFailed", response.DetailCode);
        Assert.AreEqual("tweetId", response.Xml.Descendants(Tns + "Fields").Single().Elements().Single().Value);
    }

    [TestMethod]
    public async Task SignUpWithoutUsernameAndEmail_NamesBothFields()
    {
        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, Action("UserService", "SignUp"),
            Envelope(SoapVersion.Soap11, $"<SignUp xmlns=\"{Ns}\"><password>correct horse</password><firstName>A</firstName><lastName>B</lastName></SignUp>"));

        Assert.AreEqual("ValidationFailed", response.DetailCode);
        CollectionAssert.AreEquivalent(
            new[] { "username", "email" },
            response.Xml.Descendants(Tns + "Fields").Single().Elements().Select(e => e.Value).ToList());
    }

    [TestMethod]
    [DataRow("TweetService", "GetTweet", "<tweetId>abc</tweetId>", "abc")]
    [DataRow("TweetService", "ListTweets", "<maxResults>many</maxResults>", "many")]
    [DataRow("UserService", "SignUp", "<username>x</username><birthDate>yesterday</birthDate>", "yesterday")]
    public async Task WrongType_IsAMalformedRequestQuotingTheValue(string service, string operation, string content, string value)
    {
        var response = await PostAsync(Service.Http, $"{service}.svc", SoapVersion.Soap11, Action(service, operation),
            Envelope(SoapVersion.Soap11, $"<{operation} xmlns=\"{Ns}\">{content}</{operation}>"));

        Assert.AreEqual(Soap11 + "Client", response.FaultCode);
        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, value);
    }

    [TestMethod]
    public async Task Soap12EnvelopeSentAsSoap11_IsAVersionMismatchFault()
    {
        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, Action("UserService", "GetUser"),
            Envelope(SoapVersion.Soap12, $"<GetUser xmlns=\"{Ns}\"><userId>{Guid.CreateVersion7()}</userId></GetUser>"));

        Assert.AreEqual(Soap11 + "VersionMismatch", response.FaultCode);
        await AssertStillServingAsync(SoapVersion.Soap11);
    }

    private static async Task AssertStillServingAsync(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);
        Assert.AreEqual(account.User.Id, (await Soap.Users(version).GetUserAsync(account.User.Id)).Id);
    }
}
