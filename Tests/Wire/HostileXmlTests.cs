using System.Net;
using System.Net.Sockets;
using System.Text;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>XML attacks over real HTTP: each is refused with a fault (or a plain 4xx when no envelope can be read),
/// nothing is fetched or written, and the next request is served.</summary>
[TestClass]
[ServiceSettings("--Soap:MaxRequestBytes=4096")]
public sealed class HostileXmlTests : ServiceTests<HostileXmlTests>
{
    private const string Text11 = "text/xml; charset=utf-8";
    private static readonly string GetUserAction = Action("UserService", "GetUser");

    [TestMethod]
    [DataRow("""<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM "http://{0}/secret">]>""", "&xxe;")]
    [DataRow("""<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""", "&xxe;")]
    [DataRow("""<!DOCTYPE s:Envelope SYSTEM "http://{0}/envelope.dtd">""", "x")]
    [DataRow("""<!DOCTYPE s:Envelope [<!ENTITY % p SYSTEM "http://{0}/p.dtd"> %p;]>""", "x")]
    [DataRow("""<!DOCTYPE s:Envelope [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>""", "&d;")]
    public async Task Dtd_IsRefusedAndNothingIsFetched(string doctype, string username)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var envelope = string.Format(doctype, listener.LocalEndpoint) +
            Envelope(SoapVersion.Soap11, $"<SignUp xmlns=\"{Ns}\"><username>{username}</username><email>x@example.org</email><password>correct horse</password><firstName>A</firstName><lastName>B</lastName></SignUp>");

        var response = await PostBytesAsync(Service.Http, "UserService.svc", Text11, Encoding.UTF8.GetBytes(envelope), Action("UserService", "SignUp"));

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.AreEqual(Soap11 + "Client", response.FaultCode);
        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, "DTD");
        Assert.IsFalse(listener.Pending(), "the service connected to the entity's URL");
        Assert.AreEqual(0, (await Soap.Users(SoapVersion.Soap11).ListUsersAsync(100, null)).Users.Count(u => u.Email == "x@example.org"), "nothing was written");
        await AssertStillServingAsync();
    }

    [TestMethod]
    [DataRow("""<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="http://{0}/include.xml"/>""")]
    [DataRow("""<userId xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x http://{0}/schema.xsd">00000000-0000-0000-0000-000000000001</userId>""")]
    public async Task XIncludeOrSchemaLocation_IsNeverResolved(string content)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var envelope = Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\">{string.Format(content, listener.LocalEndpoint)}</GetUser>");

        var response = await PostBytesAsync(Service.Http, "UserService.svc", Text11, Encoding.UTF8.GetBytes(envelope), GetUserAction);

        Assert.AreEqual(Soap11 + "Client", response.FaultCode);
        Assert.IsFalse(listener.Pending(), "the service connected to the referenced URL");
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task BodyOverTheLimit_Gets413(bool withContentLength)
    {
        var envelope = Encoding.UTF8.GetBytes(Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\"><userId>{new string(' ', 5000)}</userId></GetUser>"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "UserService.svc")
        {
            Content = withContentLength ? new ByteArrayContent(envelope) : new StreamContent(new MemoryStream(envelope)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", Text11);
        request.Headers.TransferEncodingChunked = !withContentLength;

        using var response = await Service.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "4096");
        await AssertStillServingAsync();
    }

    [TestMethod]
    [DataRow(40, 1, 1, "deeper")]
    [DataRow(1, 40, 1, "attributes")]
    [DataRow(1, 1, 300, "longer")]
    public async Task ShapeBeyondTheQuotas_IsRefusedNamingTheLimit(int depth, int attributes, int nameLength, string expected)
    {
        var name = "e" + new string('x', nameLength - 1);
        var attrs = string.Concat(Enumerable.Range(0, attributes).Select(i => $" a{i}=\"1\""));
        var nested = string.Concat(Enumerable.Repeat($"<{name}{attrs}>", depth)) + string.Concat(Enumerable.Repeat($"</{name}>", depth));

        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, GetUserAction,
            Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\">{nested}</GetUser>"));

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, expected);
    }

    [TestMethod]
    [DataRow(new byte[] { 0xC3, 0x28 }, "text/xml; charset=utf-8", "not valid utf-8")]
    [DataRow(new byte[] { 0xFF }, "text/xml", "not valid utf-8")]
    [DataRow(new byte[] { 0x01 }, "text/xml; charset=utf-8", "U+0001")]
    public async Task BadCharacters_AreAMalformedRequest(byte[] bad, string contentType, string expected)
    {
        var before = Encoding.UTF8.GetBytes($"""<s:Envelope xmlns:s="{Soap11}"><s:Body><GetUser xmlns="{Ns}"><userId>""");
        var after = Encoding.UTF8.GetBytes($"</userId></GetUser></s:Body></s:Envelope>");

        var response = await PostBytesAsync(Service.Http, "UserService.svc", contentType, [.. before, .. bad, .. after], GetUserAction);

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason.ToLowerInvariant(), expected.ToLowerInvariant());
        await AssertStillServingAsync();
    }

    [TestMethod]
    [DataRow("text/xml; charset=utf-16", "<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [DataRow("text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"utf-16\"?>")]
    [DataRow("text/xml; charset=iso-8859-1", "")]
    public async Task CharsetThatContradictsTheBodyOrIsNotUnicode_Gets415(string contentType, string declaration)
    {
        var response = await PostBytesAsync(Service.Http, "UserService.svc", contentType,
            Encoding.UTF8.GetBytes(declaration + Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\"/>")), GetUserAction);

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.Status);
        StringAssert.Contains(response.Body, "charset");
    }

    [TestMethod]
    [DataRow("utf-8")]
    [DataRow("utf-16")]
    public async Task BodyWithAByteOrderMark_IsServed(string charset)
    {
        var account = await Soap.SignUpAsync();
        var encoding = charset == "utf-8" ? new UTF8Encoding(true) : (Encoding)new UnicodeEncoding(false, true);
        var envelope = Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\"><userId>{account.User.Id}</userId></GetUser>");

        var response = await PostBytesAsync(Service.Http, "UserService.svc", $"text/xml; charset={charset}",
            [.. encoding.GetPreamble(), .. encoding.GetBytes(envelope)], GetUserAction);

        Assert.AreEqual(HttpStatusCode.OK, response.Status, response.Body);
        Assert.AreEqual(account.User.Username, response.Xml.Descendants(Tns + "Username").Single().Value);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11, SoapVersion.Soap12)]
    [DataRow(SoapVersion.Soap12, SoapVersion.Soap11)]
    public async Task EnvelopeOfTheOtherVersion_IsAVersionMismatchFault(SoapVersion sentAs, SoapVersion envelope)
    {
        var response = await PostAsync(Service.Http, "UserService.svc", sentAs, GetUserAction,
            Envelope(envelope, $"<GetUser xmlns=\"{Ns}\"><userId>{Guid.CreateVersion7()}</userId></GetUser>"));

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.AreEqual((sentAs == SoapVersion.Soap11 ? Soap11 : Soap12) + "VersionMismatch", response.FaultCode);
        StringAssert.Contains(response.FaultReason, "Content-Type");
        await AssertStillServingAsync();
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11, "1")]
    [DataRow(SoapVersion.Soap12, "true")]
    public async Task UnknownHeaderThatMustBeUnderstood_IsAMustUnderstandFault(SoapVersion version, string mustUnderstand)
    {
        var author = await Soap.SignUpAsync();
        var prefix = "s";
        var header = $"<x:Transaction xmlns:x=\"urn:example:tx\" {prefix}:mustUnderstand=\"{mustUnderstand}\">5</x:Transaction>" + UsernameToken(author.User.Username, author.Password);

        var response = await PostAsync(Service.Http, "TweetService.svc", version, Action("TweetService", "PostTweet"),
            Envelope(version, $"<PostTweet xmlns=\"{Ns}\"><text>must not be posted</text></PostTweet>", header));

        Assert.AreEqual((version == SoapVersion.Soap11 ? Soap11 : Soap12) + "MustUnderstand", response.FaultCode);
        StringAssert.Contains(response.FaultReason, "urn:example:tx");
        Assert.IsEmpty((await Soap.Tweets(version).ListTweetsAsync(author.User.Id, null, null)).Tweets, "the operation did not run");
    }

    [TestMethod]
    public async Task UnknownHeaderThatNeedNotBeUnderstood_IsIgnored()
    {
        var account = await Soap.SignUpAsync();

        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, GetUserAction,
            Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\"><userId>{account.User.Id}</userId></GetUser>", "<x:Trace xmlns:x=\"urn:example:trace\">1</x:Trace>"));

        Assert.AreEqual(HttpStatusCode.OK, response.Status, response.Body);
    }

    [TestMethod]
    public async Task TwoBodies_AreRefused()
    {
        var account = await Soap.SignUpAsync();
        var body = $"<GetUser xmlns=\"{Ns}\"><userId>{account.User.Id}</userId></GetUser>";
        var envelope = $"""<s:Envelope xmlns:s="{Soap11}"><s:Body>{body}</s:Body><s:Body>{body}</s:Body></s:Envelope>""";

        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, GetUserAction, envelope);

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, "more than one Body");
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("application/json")]
    [DataRow("text/plain")]
    public async Task WrongOrMissingContentType_Gets415(string? contentType)
    {
        var response = await PostBytesAsync(Service.Http, "UserService.svc", contentType,
            Encoding.UTF8.GetBytes(Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\"/>")), GetUserAction);

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.Status);
    }

    [TestMethod]
    [DataRow("PUT")]
    [DataRow("DELETE")]
    [DataRow("PATCH")]
    [DataRow("OPTIONS")]
    public async Task OtherHttpMethods_Get405(string method)
    {
        using var response = await Service.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "UserService.svc"));

        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task AssertStillServingAsync()
    {
        var account = await Soap.SignUpAsync();
        Assert.AreEqual(account.User.Id, (await Soap.Users(SoapVersion.Soap11).GetUserAsync(account.User.Id)).Id);
    }
}
