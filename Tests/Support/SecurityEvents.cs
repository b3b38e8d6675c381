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
    /// 25 wrong logins from <paramref name="source"/> at one account that does not exist (a new one per call), each
    /// with the X-Forwarded-For <paramref name="forwardedFor"/> gives it; the code each attempt got. From one address
    /// the account-and-address budget stops them after 5; were a forwarded address believed, each attempt would come
    /// from a new address and only the account's ceiling (20) would.
    /// </summary>
    public static async Task<List<string>> GuessAsync(Uri service, Face face, string source, Func<int, string?> forwardedFor, int attempts = 25)
    {
        using var client = SourceAddress.Client(service, source);
        var target = SoapClients.UniqueUsername();
        var codes = new List<string>();
        for (var i = 0; i < attempts; i++)
        {
            codes.Add((await Logins.AttemptAsync(client, face, target, $"wrong password {i}", forwardedFor(i))).Code);
        }

        return codes;
    }
}
