using System.Security;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>Values that try to be code, or sit at the edges of their types and of Unicode.</summary>
[TestClass]
public sealed class HostileValueTests : ServiceTests<HostileValueTests>
{
    [TestMethod]
    [DataRow("'); DROP TABLE tweets; --")]
    [DataRow("\" OR 1=1 -- ")]
    [DataRow("<b>bold</b> & <![CDATA[x]]> &amp;")]
    [DataRow("abc\u200Fעברית\u200E def")]
    [DataRow("e\u0301\u0301\u0301 Z\u0351\u0352\u0353")]
    [DataRow("%s %n {0} ${x} \\u0000")]
    public async Task TextWithMetacharacters_IsStoredAndReturnedIntact(string text)
    {
        var author = await Soap.SignUpAsync();

        var posted = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync(text, null, null, null);
        var read = await Soap.Tweets(SoapVersion.Soap12).GetTweetAsync(posted.Id);

        Assert.AreEqual(text, read.Text);
        Assert.AreEqual(1, (await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(author.User.Id, null, null)).Tweets.Count);
    }

    [TestMethod]
    [DataRow("&#xD800;")]
    [DataRow("&#0;")]
    [DataRow("a&#x1;b")]
    public async Task CharacterThatXmlForbids_IsAMalformedRequest(string text)
    {
        var author = await Soap.SignUpAsync();

        var response = await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap11, Action("TweetService", "PostTweet"),
            Envelope(SoapVersion.Soap11, $"<PostTweet xmlns=\"{Ns}\"><text>{text}</text></PostTweet>", UsernameToken(author.User.Username, author.Password)));

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        Assert.IsEmpty((await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(author.User.Id, null, null)).Tweets);
    }

    [TestMethod]
    [DataRow("TweetService", "ListTweets", "<maxResults>99999999999</maxResults>", "maxResults must be an integer; '99999999999'")]
    [DataRow("TweetService", "ListTweets", "<maxResults>-2147483649</maxResults>", "maxResults must be an integer; '-2147483649'")]
    [DataRow("TweetService", "GetTweet", "<tweetId>00000000-0000-0000-0000-00000000000G</tweetId>", "0000000G")]
    [DataRow("UserService", "SignUp", "<username>x</username><birthDate>10000-01-01</birthDate>", "10000-01-01")]
    [DataRow("UserService", "SignUp", "<username>x</username><birthDate>2020-02-30</birthDate>", "2020-02-30")]
    public async Task OutOfRangeValue_IsAMalformedRequestSayingWhy(string service, string operation, string content, string value)
    {
        var response = await PostAsync(Service.Http, $"{service}.svc", SoapVersion.Soap11, Action(service, operation),
            Envelope(SoapVersion.Soap11, $"<{operation} xmlns=\"{Ns}\">{content}</{operation}>"));

        Assert.AreEqual("MalformedRequest", response.DetailCode);
        StringAssert.Contains(response.FaultReason, value);
    }

    [TestMethod]
    public async Task MaxResultsOutOfItsRange_IsAValidationFault()
    {
        var response = await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap12, Action("TweetService", "ListTweets"),
            Envelope(SoapVersion.Soap12, $"<ListTweets xmlns=\"{Ns}\"><maxResults>2147483647</maxResults></ListTweets>"));

        Assert.AreEqual("ValidationFailed", response.DetailCode);
    }

    [TestMethod]
    public async Task EscapedMarkupInAName_IsReturnedEscapedNotInterpreted()
    {
        const string name = "<script>alert(1)</script>";
        var response = await PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, Action("UserService", "SignUp"),
            Envelope(SoapVersion.Soap11, $"<SignUp xmlns=\"{Ns}\"><username>{SoapClients.UniqueUsername()}</username><email>{Guid.NewGuid():N}@example.org</email><password>correct horse</password><firstName>{SecurityElement.Escape(name)}</firstName><lastName>B</lastName></SignUp>"));

        Assert.AreEqual(name, response.Xml.Descendants(Tns + "FirstName").Single().Value);
        Assert.DoesNotContain("<script>", response.Body);
    }
}
