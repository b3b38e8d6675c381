using System.Net;
using System.Reflection;
using System.Xml.Linq;
using TweetsSoap.Service.Soap;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>
/// The contract's nullable parameters are optional: the WSDL says <c>minOccurs="0"</c>, and a request that leaves
/// them out is answered by both request paths (the fast path, and SoapCore for requests the fast path declines).
/// </summary>
[TestClass]
public sealed class OptionalParameterTests : ServiceTests<OptionalParameterTests>
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    /// <summary>A header the fast path does not take, so the request goes through SoapCore's DataContractSerializer.</summary>
    private const string SoapCoreOnly = "<t:Trace xmlns:t=\"urn:tweetssoap:test\">optional-parameters</t:Trace>";

    /// <summary>One account for every row: signing up hashes a password, which is slow on purpose.</summary>
    private static readonly Lazy<Task<Account>> SharedAccount = new(() => Soap.SignUpAsync());

    public static IEnumerable<object[]> Omitted =>
        from path in new[] { "fast", "soapcore" }
        from version in new[] { SoapVersion.Soap11, SoapVersion.Soap12 }
        from row in new (string Service, string Operation, string Content, string Expect)[]
        {
            ("TweetService", "PostTweet", "<text>only the text</text>", "ConversationId"),
            ("TweetService", "GetUserTimeline", "<userId>{user}</userId>", "Tweets"),
            ("TweetService", "GetHomeTimeline", "", "Tweets"),
            ("TweetService", "ListTweets", "", "Tweets"),
            ("TweetService", "SearchTweets", "<query>optional</query>", "Tweets"),
            ("UserService", "ListUsers", "", "Users"),
            ("UserService", "UpdateUser", "<userId>{user}</userId><firstName>Grace</firstName>", "FirstName"),
            ("SocialService", "ListFollowers", "<userId>{user}</userId>", "Users"),
        }
        select new object[] { path, version, row.Service, row.Operation, row.Content, row.Expect };

    [TestMethod]
    [DynamicData(nameof(Omitted))]
    public async Task Operation_WithOptionalElementsLeftOut_Answers(string path, SoapVersion version, string service, string operation, string content, string expect)
    {
        var account = await SharedAccount.Value;
        var header = UsernameToken(account.User.Username, account.Password) + (path == "soapcore" ? SoapCoreOnly : "");

        var response = await PostAsync(Service.Http, $"{service}.svc", version, Action(service, operation),
            Envelope(version, $"<{operation} xmlns=\"{Ns}\">{content.Replace("{user}", account.User.Id.ToString(), StringComparison.Ordinal)}</{operation}>", header));

        Assert.AreEqual(HttpStatusCode.OK, response.Status, response.Body);
        Assert.IsTrue(response.Xml.Descendants(Tns + expect).Any(), $"{expect} in {response.Body}");
    }

    [TestMethod]
    public async Task PostTweet_WithOptionalElementsLeftOut_IsNeitherAReplyNorAQuote()
    {
        var account = await Soap.SignUpAsync();

        var response = await PostAsync(Service.Http, "TweetService.svc", SoapVersion.Soap11, Action("TweetService", "PostTweet"),
            Envelope(SoapVersion.Soap11, $"<PostTweet xmlns=\"{Ns}\"><text>standalone</text></PostTweet>", UsernameToken(account.User.Username, account.Password)));

        var tweet = response.Xml.Descendants(Tns + "PostTweetResult").Single();
        Assert.AreEqual("standalone", tweet.Element(Tns + "Text")!.Value);
        Assert.IsNull(tweet.Element(Tns + "InReplyToTweetId"));
        Assert.IsNull(tweet.Element(Tns + "QuotedTweetId"));
    }

    [TestMethod]
    public async Task PostTweetWrapper_InTheWsdl_MakesOnlyTheTextRequired()
    {
        var wrapper = await WrapperAsync("TweetService", "PostTweet");

        Assert.AreEqual("1", MinOccurs(wrapper, "text"));
        Assert.AreEqual("0", MinOccurs(wrapper, "inReplyToTweetId"));
        Assert.AreEqual("0", MinOccurs(wrapper, "quotedTweetId"));
        Assert.AreEqual("0", MinOccurs(wrapper, "clientRequestId"));
        Assert.AreEqual("true", (string?)Member(wrapper, "inReplyToTweetId").Attribute("nillable"), "nil stays accepted");
    }

    [TestMethod]
    [DataRow("TweetService", "GetUserTimeline", "userId", "maxResults,pageToken,sinceId,untilId")]
    [DataRow("TweetService", "GetTweets", "tweetIds", "")]
    [DataRow("UserService", "SignUp", "username,email,password,firstName,lastName", "birthDate,clientRequestId")]
    [DataRow("UserService", "UpdateUser", "userId", "username,email,password,firstName,lastName,birthDate")]
    [DataRow("SocialService", "ListRetweeters", "tweetId", "maxResults,pageToken")]
    public async Task Wrapper_InTheWsdl_MarksExactlyTheNullableParametersOptional(string service, string operation, string required, string optional)
    {
        var wrapper = await WrapperAsync(service, operation);

        foreach (var name in required.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.AreEqual("1", MinOccurs(wrapper, name), name);
        }

        foreach (var name in optional.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.AreEqual("0", MinOccurs(wrapper, name), name);
        }

        var contract = SoapEndpoint.All.Single(e => e.Name == service).Contract;
        var parameters = contract.GetMethod(operation, BindingFlags.Public | BindingFlags.Instance)!.GetParameters().Select(p => p.Name).ToList();
        CollectionAssert.AreEquivalent(parameters, wrapper.Descendants(Xs + "element").Select(e => (string?)e.Attribute("name")).ToList());
    }

    private static async Task<XElement> WrapperAsync(string service, string operation)
    {
        var wsdl = XDocument.Parse(await Service.Http.GetStringAsync($"{service}.svc?singleWsdl"));
        return wsdl.Descendants(Xs + "schema").Elements(Xs + "element").Single(e => (string?)e.Attribute("name") == operation);
    }

    private static XElement Member(XElement wrapper, string name) =>
        wrapper.Descendants(Xs + "element").Single(e => (string?)e.Attribute("name") == name);

    private static string? MinOccurs(XElement wrapper, string name) => (string?)Member(wrapper, name).Attribute("minOccurs") ?? "1";
}
