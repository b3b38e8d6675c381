using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Observability;

/// <summary>
/// /metrics after a few calls. Not run beside other classes: the runtime and ASP.NET Core meters are process-wide,
/// and exact counts need no one else calling while they are read.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class MetricsTests
{
    [TestMethod]
    public async Task Metrics_AfterAFewCalls_ShowPerOperationCountsDurationsAndFaults()
    {
        await using var service = await ServiceFixture.StartAsync("--Metrics:Enabled=true");
        using var soap = new SoapClients(service);
        var account = await soap.SignUpAsync(SoapVersion.Soap11);
        await soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("one", null, null, null);
        await soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("two", null, null, null);
        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => soap.Tweets(SoapVersion.Soap12).PostTweetAsync("no token", null, null, null));
        await soap.Tweets(SoapVersion.Soap12).ListTweetsAsync(null, null, null);

        using var response = await service.Http.GetAsync("metrics");
        var metrics = Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(2, Value(metrics, "tweetssoap_requests_total", ("operation", "PostTweet"), ("protocol", "soap11"), ("outcome", "ok")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_requests_total", ("operation", "PostTweet"), ("protocol", "soap12"), ("outcome", "Unauthenticated")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_requests_total", ("operation", "ListTweets"), ("protocol", "soap12"), ("outcome", "ok")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_requests_total", ("operation", "SignUp"), ("protocol", "soap11"), ("outcome", "ok")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_faults_total", ("operation", "PostTweet"), ("protocol", "soap12"), ("code", "Unauthenticated")));
        Assert.AreEqual(2, Value(metrics, "tweetssoap_request_duration_seconds_count", ("operation", "PostTweet"), ("protocol", "soap11")));
        Assert.IsGreaterThan(0, Value(metrics, "tweetssoap_request_duration_seconds_sum", ("operation", "PostTweet"), ("protocol", "soap11")));
        Assert.AreEqual(2, Value(metrics, "tweetssoap_request_duration_seconds_bucket", ("operation", "PostTweet"), ("protocol", "soap11"), ("le", "+Inf")));
        Assert.IsTrue(metrics.Any(m => m.Name == "tweetssoap_request_duration_seconds_bucket" && m.Labels.GetValueOrDefault("le") == "0.1"), "buckets in seconds");
        Assert.AreEqual(2, Value(metrics, "tweetssoap_store_duration_seconds_count", ("method", "CreateTweetAsync"), ("outcome", "ok")));
        Assert.IsTrue(metrics.Any(m => m.Name.StartsWith("dotnet_gc_", StringComparison.Ordinal)), "runtime metrics");
        Assert.IsTrue(metrics.Any(m => m.Name.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal)), "ASP.NET Core metrics");
    }

    [TestMethod]
    public async Task Metrics_AfterAFewJsonCalls_ShowThemUnderProtocolJsonPerOperation()
    {
        await using var service = await ServiceFixture.StartAsync("--Metrics:Enabled=true");
        var json = new JsonApi(service.Http);
        var username = SoapClients.UniqueUsername();
        var user = await json.ExpectAsync<User>(HttpStatusCode.Created, HttpMethod.Post, "api/signup",
            new { username, email = $"{username}@example.org", password = "correct horse", firstName = "Ada", lastName = "Lovelace" });
        var account = new Account(user, "correct horse");
        var tweet = await json.ExpectAsync<Tweet>(HttpStatusCode.Created, HttpMethod.Post, "api/tweets", new { text = "one" }, account);
        await json.ExpectAsync<Tweet>(HttpStatusCode.Created, HttpMethod.Post, "api/tweets", new { text = "two" }, account);
        using var unauthenticated = await json.SendAsync(HttpMethod.Put, $"api/users/me/likes/{tweet.Id}", null, username, "wrong password");
        await json.ExpectAsync<TweetLookup>(HttpStatusCode.OK, HttpMethod.Get, $"api/tweets?ids={tweet.Id}");
        await json.ExpectAsync<TweetPage>(HttpStatusCode.OK, HttpMethod.Get, "api/tweets");
        using var noRoute = await json.SendAsync(HttpMethod.Get, "api/nowhere");

        using var response = await service.Http.GetAsync("metrics");
        var metrics = Parse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, noRoute.StatusCode);
        Assert.AreEqual(1, Value(metrics, "tweetssoap_requests_total", ("operation", "SignUp"), ("protocol", "json"), ("outcome", "ok")));
        Assert.AreEqual(2, Value(metrics, "tweetssoap_requests_total", ("operation", "PostTweet"), ("protocol", "json"), ("outcome", "ok")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_requests_total", ("operation", "Like"), ("protocol", "json"), ("outcome", "Unauthenticated")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_faults_total", ("operation", "Like"), ("protocol", "json"), ("code", "Unauthenticated")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_requests_total", ("operation", "GetTweets"), ("protocol", "json"), ("outcome", "ok")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_requests_total", ("operation", "ListTweets"), ("protocol", "json"), ("outcome", "ok")));
        Assert.AreEqual(1, Value(metrics, "tweetssoap_requests_total", ("operation", "unknown"), ("protocol", "json"), ("outcome", "NotFound")));
        Assert.AreEqual(2, Value(metrics, "tweetssoap_request_duration_seconds_count", ("operation", "PostTweet"), ("protocol", "json")));
        Assert.IsFalse(metrics.Any(m => m.Labels.GetValueOrDefault("protocol") is "soap11" or "soap12"), "no JSON call counted as SOAP");
    }

    [TestMethod]
    public async Task Metrics_WhenNotEnabled_AreNotServed()
    {
        await using var service = await ServiceFixture.StartAsync("--Metrics:Enabled=false");

        using var response = await service.Http.GetAsync("metrics");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    private static double Value(IEnumerable<Sample> metrics, string name, params (string Key, string Value)[] labels)
    {
        var matches = metrics.Where(m => m.Name == name && labels.All(l => m.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
        Assert.HasCount(1, matches, $"{name} with {string.Join(", ", labels)}");
        return matches[0].Value;
    }

    private static List<Sample> Parse(string exposition) =>
    [
        .. exposition.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success)
            .Select(m => new Sample(
                m.Groups["name"].Value,
                LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))),
    ];

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(\w+)="((?:[^"\\]|\\.)*)"\s*,?""")]
    private static partial Regex LabelPair();
}
