namespace TweetsSoap.Tests.Support;

/// <summary>Reading the security log (events 101–104) and provoking it the way a password-guessing script does.</summary>
public static class SecurityEvents
{
    public const int LoginFailed = 101;
    public const int Throttled = 103;
    public const int Forbidden = 104;

    /// <summary>The one security event with this id that carries <paramref name="correlationId"/>.</summary>
    public static LogEvent Single(LogSink log, int eventId, string correlationId)
    {
        var matches = log.Events.Where(e => e.Category.EndsWith(".SecurityLog", StringComparison.Ordinal) && e.EventId.Id == eventId
            && Equals(e.Fields.GetValueOrDefault("CorrelationId"), correlationId)).ToList();
        Assert.HasCount(1, matches, $"security events {eventId} with correlation id {correlationId}");
        return matches[0];
    }

    /// <summary>
    /// <paramref name="attempts"/> wrong passwords for <paramref name="username"/> from <paramref name="source"/>,
    /// each with the X-Forwarded-For <paramref name="forwardedFor"/> gives it; the code each attempt got. A throttle
    /// that counted forwarded addresses would grant every attempt a fresh budget.
    /// </summary>
    public static async Task<List<string>> GuessAsync(Uri service, Face face, string source, string username, Func<int, string?> forwardedFor, int attempts = 8)
    {
        using var client = SourceAddress.Client(service, source);
        var codes = new List<string>();
        for (var i = 0; i < attempts; i++)
        {
            codes.Add((await Logins.AttemptAsync(client, face, username, $"guess {i}", forwardedFor(i))).Code);
        }

        return codes;
    }
}
