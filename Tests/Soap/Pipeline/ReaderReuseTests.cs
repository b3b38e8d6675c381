using System.Net;
using System.Text;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Soap.Pipeline;

/// <summary>
/// The pipeline reuses its XML text reader and writer from one request to the next on a thread, and keeps the reader's
/// name table while the bodies read with it are small: no request may see another's names, answer or line numbers.
/// </summary>
[TestClass]
public sealed class ReaderReuseTests : ServiceTests<ReaderReuseTests>
{
    private const string Text11 = "text/xml; charset=utf-8";
    private const string Soap12Type = "application/soap+xml; charset=utf-8";
    private static readonly string GetUserAction = Action("UserService", "GetUser");

    [TestMethod]
    public async Task GetUser_ForTwoUsersBackToBack_EachAnswerNamesItsOwnUser()
    {
        var first = await Soap.SignUpAsync();
        var second = await Soap.SignUpAsync();

        for (var i = 0; i < 40; i++)
        {
            var account = i % 2 == 0 ? first : second;
            var version = i % 4 < 2 ? SoapVersion.Soap11 : SoapVersion.Soap12;
            var response = await PostAsync(Service.Http, "UserService.svc", version, GetUserAction,
                Envelope(version, $"<GetUser xmlns=\"{Ns}\"><userId>{account.User.Id}</userId></GetUser>"));

            Assert.AreEqual(HttpStatusCode.OK, response.Status, response.Body);
            Assert.AreEqual(account.User.Username, response.Xml.Descendants(Tns + "Username").Single().Value, $"request {i}");
        }
    }

    [TestMethod]
    public async Task GetUser_WithNewNamesBeyondTheNameQuotaInAll_IsAnsweredEveryTime()
    {
        var account = await Soap.SignUpAsync();

        // 30 requests of 10 new 200-character names each: 60,000 characters in all, the name quota is 16,384.
        for (var i = 0; i < 30; i++)
        {
            var ignored = string.Concat(Enumerable.Range(0, 10).Select(n => $"<{Name(i, n)}>x</{Name(i, n)}>"));
            var response = await PostBytesAsync(Service.Http, "UserService.svc", Text11, Encoding.UTF8.GetBytes(
                Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\">{ignored}<userId>{account.User.Id}</userId></GetUser>")), GetUserAction);

            Assert.AreEqual(HttpStatusCode.OK, response.Status, $"request {i}: {response.Body}");
        }
    }

    [TestMethod]
    public async Task GetUser_WithNewNamesBeyondTheNameQuotaInOneRequest_IsRefused()
    {
        var ignored = string.Concat(Enumerable.Range(0, 90).Select(n => $"<{Name(0, n)}>x</{Name(0, n)}>"));

        var response = await PostBytesAsync(Service.Http, "UserService.svc", Text11, Encoding.UTF8.GetBytes(
            Envelope(SoapVersion.Soap11, $"<GetUser xmlns=\"{Ns}\">{ignored}<userId>{Guid.NewGuid()}</userId></GetUser>")), GetUserAction);

        Assert.AreEqual(Soap11 + "Client", response.FaultCode);
        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, "names add up to more than the 16384 characters");
    }

    [TestMethod]
    public async Task MalformedArgument_BetweenGoodRequests_IsRefusedAlikeAndLeavesThemAlone()
    {
        var account = await Soap.SignUpAsync();
        var onLine3 = Malformed(account, "");
        var onLine6 = Malformed(account, "\n\n\n");

        var first = await PostBytesAsync(Service.Http, "UserService.svc", Soap12Type, onLine3);
        var other = await PostBytesAsync(Service.Http, "UserService.svc", Soap12Type, onLine6);
        for (var i = 0; i < 20; i++)
        {
            var good = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap12, GetUserAction,
                Envelope(SoapVersion.Soap12, $"<GetUser xmlns=\"{Ns}\"><userId>{account.User.Id}</userId></GetUser>"));
            Assert.AreEqual(HttpStatusCode.OK, good.Status, good.Body);
        }

        var again = await PostBytesAsync(Service.Http, "UserService.svc", Soap12Type, onLine3);

        Assert.AreEqual("MalformedRequest", first.DetailCode);
        Assert.AreEqual("MalformedRequest", other.DetailCode);
        StringAssert.Contains(first.FaultReason, "not well-formed XML (line 3, position ");
        StringAssert.Contains(other.FaultReason, "not well-formed XML (line 6, position ");
        Assert.AreEqual(first.FaultReason, again.FaultReason);
        Assert.AreEqual(first.DetailCode, again.DetailCode);
    }

    /// <summary>
    /// An envelope whose userId has an attribute value with a '&lt;' in it: XML that is not well-formed, found inside
    /// an argument, which the reader reports with its line.
    /// </summary>
    private static byte[] Malformed(Account account, string blankLines) => Encoding.UTF8.GetBytes(
        $"<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">\n  <s:Body>{blankLines}\n    "
        + $"<GetUser xmlns=\"{Ns}\"><userId a=\"1>{account.User.Id}</userId></GetUser>\n  </s:Body>\n</s:Envelope>");

    private static string Name(int request, int index) => $"r{request}n{index}".PadRight(200, 'x');
}
