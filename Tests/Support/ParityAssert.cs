using System.Net;
using TweetsSoap.Contracts;
using Proxy = TweetsSoap.Client;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// Compares what the SOAP face and the JSON face answered for the same operation. The SOAP side arrives as the
/// generated proxy's types, the JSON side as the contract types the service serializes: both are described as one
/// string of the same fields, so a difference in any field shows in the message.
/// </summary>
public static class ParityAssert
{
    /// <summary>Runs the SOAP call and the HTTP call; both must fail with <paramref name="code"/>, the same fields and the same message.</summary>
    public static async Task<JsonProblem> SameErrorAsync(ErrorCode code, HttpStatusCode status, Func<Task> soap, Func<Task<HttpResponseMessage>> json)
    {
        var fault = await FaultAssert.ThrowsAsync(Enum.Parse<Proxy.ErrorCode>(code.ToString()), soap);
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

    /// <summary>Users, tweets, their pages and lookup problems, from either face.</summary>
    public static void Same(object expected, object actual) => Assert.AreEqual(Describe(expected), Describe(actual));

    public static string Describe(object? value) => value switch
    {
        null => "-",
        User u => $"{u.Id}|{u.Username}|{u.Email}|{u.FirstName}|{u.LastName}|{Utc(u.BirthDate)}|{Utc(u.CreatedAt)}|{u.FollowersCount}|{u.FollowingCount}",
        Proxy.User u => $"{u.Id}|{u.Username}|{u.Email}|{u.FirstName}|{u.LastName}|{Utc(u.BirthDate)}|{Utc(u.CreatedAt)}|{u.FollowersCount}|{u.FollowingCount}",
        Tweet t => $"{t.Id}|{t.Text}|{t.Author.Id}|{t.Author.Username}|{t.Author.DisplayName}|{Utc(t.CreatedAt)}|{Utc(t.UpdatedAt)}|{t.ConversationId}|" +
            $"{t.InReplyToTweetId}|{t.QuotedTweetId}|{t.WeightedLength}|{t.Metrics.LikeCount}/{t.Metrics.RetweetCount}/{t.Metrics.ReplyCount}/{t.Metrics.QuoteCount}|" +
            Entities(t.Entities.Hashtags.Concat(t.Entities.Mentions).Concat(t.Entities.Urls).Concat(t.Entities.Cashtags).Select(e => (e.Start, e.End, e.Value))),
        Proxy.Tweet t => $"{t.Id}|{t.Text}|{t.Author?.Id}|{t.Author?.Username}|{t.Author?.DisplayName}|{Utc(t.CreatedAt)}|{Utc(t.UpdatedAt)}|{t.ConversationId}|" +
            $"{t.InReplyToTweetId}|{t.QuotedTweetId}|{t.WeightedLength}|{t.Metrics?.LikeCount}/{t.Metrics?.RetweetCount}/{t.Metrics?.ReplyCount}/{t.Metrics?.QuoteCount}|" +
            Entities((t.Entities?.Hashtags ?? []).Concat(t.Entities?.Mentions ?? []).Concat(t.Entities?.Urls ?? []).Concat(t.Entities?.Cashtags ?? []).Select(e => (e.Start, e.End, e.Value))),
        UserPage p => $"{p.NextPageToken}||{string.Join("||", p.Users.Select(Describe))}",
        Proxy.UserPage p => $"{p.NextPageToken}||{string.Join("||", (p.Users ?? []).Select(Describe))}",
        TweetPage p => $"{p.NextPageToken}||{string.Join("||", p.Tweets.Select(Describe))}",
        Proxy.TweetPage p => $"{p.NextPageToken}||{string.Join("||", (p.Tweets ?? []).Select(Describe))}",
        LookupProblem p => $"{p.Value}|{p.Code}|{p.Message}",
        Proxy.LookupProblem p => $"{p.Value}|{p.Code}|{p.Message}",
        System.Collections.IEnumerable items and not string => string.Join("||", items.Cast<object>().Select(Describe)),
        _ => throw new ArgumentException($"ParityAssert cannot describe a {value.GetType()}.", nameof(value)),
    };

    private static string Entities<T>(IEnumerable<(int Start, int End, T Value)> entities) =>
        string.Join(",", entities.Select(e => $"{e.Start}-{e.End}:{e.Value}"));

    // Times compare as UTC instants: the WCF client and System.Text.Json may disagree on DateTimeKind, not on the instant.
    private static string Utc(DateTime? time) => time?.ToUniversalTime().ToString("O") ?? "-";
}
