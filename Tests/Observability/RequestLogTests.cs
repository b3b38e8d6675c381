using Microsoft.Extensions.Logging;
using TweetsSoap.Client;
using TweetsSoap.Service.Soap.Pipeline;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Observability;

[TestClass]
public sealed class RequestLogTests : ServiceTests<RequestLogTests>
{
    [TestMethod]
    public async Task RequestLog_OfAFault_HasCorrelationIdOperationCallerAndOutcomeButNoPassword()
    {
        var account = await Soap.SignUpAsync();
        const string wrongPassword = "not-the-password-1234";

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated,
            () => Soap.Tweets(SoapVersion.Soap12, account.User.Username, wrongPassword).PostTweetAsync("hello", null, null, null));

        var entry = RequestEvents().Single(e => Equals(e.Fields["CorrelationId"], fault.CorrelationId));
        Assert.AreEqual("PostTweet", entry.Fields["Operation"]);
        Assert.AreEqual("TweetService", entry.Fields["Service"]);
        Assert.AreEqual("soap12", entry.Fields["Protocol"]);
        Assert.AreEqual(account.User.Username, entry.Fields["Caller"]);
        Assert.AreEqual("Unauthenticated", entry.Fields["Outcome"]);
        Assert.AreEqual(500, entry.Fields["Status"]);
        AssertNowhereInTheLog(wrongPassword);
    }

    [TestMethod]
    public async Task RequestLog_OfASuccess_SaysOkAndNamesTheCallerButNotThePassword()
    {
        var account = await Soap.SignUpAsync();

        var tweet = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("logged", null, null, null);

        Assert.IsNotNull(tweet);
        var entry = RequestEvents().Single(e => Equals(e.Fields["Caller"], account.User.Username) && Equals(e.Fields["Operation"], "PostTweet"));
        Assert.AreEqual("ok", entry.Fields["Outcome"]);
        Assert.AreEqual("soap11", entry.Fields["Protocol"]);
        Assert.IsFalse(string.IsNullOrEmpty(entry.Fields["CorrelationId"] as string), "a correlation id");
        Assert.AreEqual(LogLevel.Information, entry.Level);
        AssertNowhereInTheLog(account.Password);
    }

    [TestMethod]
    public async Task RequestLog_OfAnAnonymousRead_SaysAnonymous()
    {
        var author = await Soap.SignUpAsync();

        await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(author.User.Id, 5, null);

        Assert.IsTrue(RequestEvents().Any(e => Equals(e.Fields["Operation"], "ListTweets") && Equals(e.Fields["Caller"], "anonymous")));
    }

    [TestMethod]
    public async Task JsonRequestLog_OfAProblem_HasCorrelationIdOperationCallerAndOutcomeButNoPassword()
    {
        var account = await Soap.SignUpAsync();
        const string wrongPassword = "not-the-password-5678";

        using var response = await new JsonApi(Service.Http).SendAsync(HttpMethod.Put, $"api/users/me/following/{account.User.Id}", null, account.User.Username, wrongPassword);
        var problem = await JsonApi.ProblemOfAsync(response);

        var entry = JsonRequestEvents().Single(e => Equals(e.Fields["CorrelationId"], problem.CorrelationId));
        Assert.AreEqual("Follow", entry.Fields["Operation"]);
        Assert.AreEqual("SocialService", entry.Fields["Service"]);
        Assert.AreEqual("json", entry.Fields["Protocol"]);
        Assert.AreEqual(account.User.Username, entry.Fields["Caller"]);
        Assert.AreEqual("Unauthenticated", entry.Fields["Outcome"]);
        Assert.AreEqual(401, entry.Fields["Status"]);
        AssertNowhereInTheLog(wrongPassword);
    }

    [TestMethod]
    public async Task JsonRequestLog_OfASuccess_SaysOkAndNamesTheCallerButNotThePassword()
    {
        var account = await Soap.SignUpAsync();

        var tweet = await new JsonApi(Service.Http).ExpectAsync<Tweet>(System.Net.HttpStatusCode.Created, HttpMethod.Post, "api/tweets", new { text = "logged as JSON" }, account);

        Assert.IsNotNull(tweet);
        var entry = JsonRequestEvents().Single(e => Equals(e.Fields["Caller"], account.User.Username) && Equals(e.Fields["Operation"], "PostTweet"));
        Assert.AreEqual("ok", entry.Fields["Outcome"]);
        Assert.AreEqual("TweetService", entry.Fields["Service"]);
        Assert.AreEqual(201, entry.Fields["Status"]);
        Assert.AreEqual("TweetsSoap.Service.Observability.RequestTelemetry", entry.Category);
        Assert.IsFalse(RequestEvents().Any(e => Equals(e.Fields["Caller"], account.User.Username) && Equals(e.Fields["Operation"], "PostTweet")), "not also logged as SOAP");
        AssertNowhereInTheLog(account.Password);
    }

    private static List<LogEvent> RequestEvents() =>
        [.. Service.Log.Events.Where(e => e.EventId.Name == "SoapRequest")];

    private static List<LogEvent> JsonRequestEvents() =>
        [.. Service.Log.Events.Where(e => e.EventId.Name == "JsonRequest")];

    private static void AssertNowhereInTheLog(string secret)
    {
        foreach (var entry in Service.Log.Events)
        {
            Assert.DoesNotContain(secret, entry.Message, entry.Category);
            Assert.IsFalse(entry.Fields.Values.Any(v => v?.ToString()?.Contains(secret, StringComparison.Ordinal) == true), entry.Category);
        }
    }
}
