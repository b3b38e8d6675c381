using System.Net;
using TweetsSoap.Contracts;

namespace TweetsSoap.Tests.Support;

/// <summary>Compares what the SOAP face and the JSON face answered for the same operation.</summary>
public static class ParityAssert
{
    /// <summary>Runs the SOAP call and the HTTP call; both must fail with <paramref name="code"/>, the same fields and the same message.</summary>
    public static async Task<JsonProblem> SameErrorAsync(ErrorCode code, HttpStatusCode status, Func<Task> soap, Func<Task<HttpResponseMessage>> json)
    {
        var fault = await FaultAssert.ThrowsAsync(code, soap);
        using var response = await json();
        var problem = await JsonApi.ProblemOfAsync(response);

        Assert.AreEqual(status, response.StatusCode, problem.Detail);
        Assert.AreEqual(code, problem.Code);
        Assert.AreEqual($"http://tweetssoap.example/2026/11/problems/{code}", problem.Type);
        Assert.AreEqual(fault.Message, problem.Detail);
        CollectionAssert.AreEqual(fault.Fields ?? [], problem.Fields ?? []);
        Assert.IsFalse(string.IsNullOrEmpty(problem.CorrelationId), "every problem names its request in the log");
        if (code == ErrorCode.Unauthenticated)
        {
            Assert.AreEqual("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        return problem;
    }

    public static void Same(User expected, User actual) => Assert.AreEqual(Describe(expected), Describe(actual));

    public static void Same(Tweet expected, Tweet actual) => Assert.AreEqual(Describe(expected), Describe(actual));

    public static void Same(UserPage expected, UserPage actual)
    {
        Assert.AreEqual(expected.NextPageToken, actual.NextPageToken, "the same paging token");
        CollectionAssert.AreEqual(expected.Users.Select(Describe).ToList(), actual.Users.Select(Describe).ToList());
    }

    public static void Same(TweetPage expected, TweetPage actual)
    {
        Assert.AreEqual(expected.NextPageToken, actual.NextPageToken, "the same paging token");
        CollectionAssert.AreEqual(expected.Tweets.Select(Describe).ToList(), actual.Tweets.Select(Describe).ToList());
    }

    public static void Same(IEnumerable<LookupProblem> expected, IEnumerable<LookupProblem> actual) =>
        CollectionAssert.AreEqual(expected.Select(p => $"{p.Value}|{p.Code}|{p.Message}").ToList(), actual.Select(p => $"{p.Value}|{p.Code}|{p.Message}").ToList());

    // Times compare as UTC instants: the WCF client and System.Text.Json may disagree on DateTimeKind, not on the instant.
    public static string Describe(User u) =>
        $"{u.Id}|{u.Username}|{u.Email}|{u.FirstName}|{u.LastName}|{Utc(u.BirthDate)}|{Utc(u.CreatedAt)}|{u.FollowersCount}|{u.FollowingCount}";

    public static string Describe(Tweet t) =>
        $"{t.Id}|{t.Text}|{t.Author.Id}|{t.Author.Username}|{t.Author.DisplayName}|{Utc(t.CreatedAt)}|{Utc(t.UpdatedAt)}|{t.ConversationId}|" +
        $"{t.InReplyToTweetId}|{t.QuotedTweetId}|{t.WeightedLength}|{t.Metrics.LikeCount}/{t.Metrics.RetweetCount}/{t.Metrics.ReplyCount}/{t.Metrics.QuoteCount}|" +
        string.Join(",", t.Entities.Hashtags.Concat(t.Entities.Mentions).Concat(t.Entities.Urls).Select(e => $"{e.Start}-{e.End}:{e.Value}"));

    private static string Utc(DateTime? time) => time?.ToUniversalTime().ToString("O") ?? "-";
}
