using System.Net;
using System.Text.Json;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Security;

/// <summary>
/// Control characters in request text: one domain rule refuses them in every text parameter, so both faces answer
/// ValidationFailed naming the fields. XML 1.0 cannot carry most of them even as references (&amp;#0;): over SOAP
/// those are a MalformedRequest that names the character without quoting it.
/// </summary>
[TestClass]
public sealed class ControlCharacterTests : ServiceTests<ControlCharacterTests>
{
    [TestMethod]
    [DataRow("abc%00")]
    [DataRow("abc%1B%5B2J")]
    [DataRow("abc%7F")]
    [DataRow("abc%C2%85")]
    public async Task SearchOverJson_WithAControlCharacter_IsValidationFailed(string query)
    {
        using var response = await Service.Http.GetAsync($"api/tweets/search?query={query}");
        var problem = await JsonApi.ProblemOfAsync(response);

        Assert.AreEqual((HttpStatusCode)422, response.StatusCode, problem.Detail);
        Assert.AreEqual(ErrorCode.ValidationFailed, problem.Code);
        CollectionAssert.AreEqual(new[] { "query" }, problem.Fields);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11, "&#x7F;")]
    [DataRow(SoapVersion.Soap12, "&#x85;")]
    public async Task SearchOverSoap_WithAControlCharacterXmlAllows_IsValidationFailed(SoapVersion version, string reference)
    {
        var response = await PostAsync(Service.Http, "TweetService.svc", version, Action("TweetService", "SearchTweets"),
            Envelope(version, $"<SearchTweets xmlns=\"{Ns}\"><query>abc{reference}</query></SearchTweets>"));

        Assert.AreEqual("ValidationFailed", response.DetailCode, response.Body);
        StringAssert.StartsWith(response.FaultReason, "query");
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11, "&#0;", "U+0000")]
    [DataRow(SoapVersion.Soap12, "&#x1B;", "U+001B")]
    public async Task SearchOverSoap_WithACharacterXmlForbids_IsAMalformedRequestThatNamesIt(SoapVersion version, string reference, string named)
    {
        var response = await PostAsync(Service.Http, "TweetService.svc", version, Action("TweetService", "SearchTweets"),
            Envelope(version, $"<SearchTweets xmlns=\"{Ns}\"><query>abc{reference}</query></SearchTweets>"));

        Assert.AreEqual("MalformedRequest", response.DetailCode, response.Body);
        StringAssert.Contains(response.FaultReason, named);
        Assert.IsFalse(response.Body.Any(c => char.IsControl(c)), "the fault quotes the control character");
    }

    [TestMethod]
    public async Task SignUpOverJson_WithNulInEveryTextField_NamesEveryField()
    {
        var nul = "\0";
        var body = new
        {
            username = "ada" + nul,
            email = $"ada{nul}@example.org",
            password = $"correct{nul}horse battery",
            firstName = "Ada" + nul,
            lastName = "Love" + nul + "lace",
            clientRequestId = "r" + nul,
        };

        using var response = await new JsonApi(Service.Http).SendAsync(HttpMethod.Post, "api/signup", body);
        var problem = await JsonApi.ProblemOfAsync(response);

        Assert.AreEqual(ErrorCode.ValidationFailed, problem.Code, problem.Detail);
        CollectionAssert.AreEquivalent(new[] { "username", "email", "password", "firstName", "lastName", "clientRequestId" }, problem.Fields);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task SignUpOverSoap_WithAControlCharacterInThePassword_IsValidationFailed(SoapVersion version)
    {
        var username = SoapClients.UniqueUsername();

        var response = await PostAsync(Service.Http, "UserService.svc", version, Action("UserService", "SignUp"),
            Envelope(version, $"<SignUp xmlns=\"{Ns}\"><username>{username}</username><email>{username}@example.org</email><password>correct&#x7F;horse battery</password><firstName>Ada</firstName><lastName>Lovelace</lastName></SignUp>"));

        Assert.AreEqual("ValidationFailed", response.DetailCode, response.Body);
        StringAssert.StartsWith(response.FaultReason, "password");
    }

    [TestMethod]
    public async Task PostTweetOverJson_WithNulInTheText_IsValidationFailed()
    {
        var account = await Soap.SignUpAsync();

        using var response = await new JsonApi(Service.Http).SendAsync(HttpMethod.Post, "api/tweets", new { text = "hello\0world" }, account);
        var problem = await JsonApi.ProblemOfAsync(response);

        Assert.AreEqual(ErrorCode.ValidationFailed, problem.Code, problem.Detail);
        CollectionAssert.AreEqual(new[] { "text" }, problem.Fields);
        Assert.IsFalse(JsonSerializer.Serialize(problem).Contains("\\u0000", StringComparison.Ordinal), "the problem quotes the NUL");
    }
}
