using Npgsql;

namespace TweetsSoap.Service.Storage.Postgres;

/// <summary>
/// Keeps this instance's tweet cache exact while other instances write the same database: on a connection of its
/// own it LISTENs to the notices that migration 0006's triggers send at each commit (a tweet id, or '*' for all) and
/// forgets those tweets. Its own instance's writes need no notice: <see cref="CachingTweetStore"/> forgets what they
/// change before they answer.
/// </summary>
/// <remarks>
/// A lost notice would leave a stale entry, so the cache answers only on a lease that this listener renews: once
/// LISTEN is in place (after forgetting everything, as a notice may have been missed while no session listened) and
/// after every heartbeat round trip. The server sends a listening session every notice of a transaction that
/// committed before it answers that session's next statement, so when a heartbeat that was sent at time T returns,
/// every write acknowledged before T has been forgotten; the lease then runs to T + <see cref="Lease"/>. A session that
/// breaks stops the cache at once; one that hangs silently stops it when the lease runs out. Either way reads go to
/// the database until a new session listens. So a read on this instance never returns a tweet older than a write
/// another instance acknowledged more than <see cref="Lease"/> before the read began; while the session is healthy
/// the delay is that of the notice, milliseconds.
/// </remarks>
public sealed partial class PostgresTweetCacheListener(PostgresDatabase database, CachingTweetStore cache, ILogger<PostgresTweetCacheListener> logger)
    : BackgroundService
{
    public const string Channel = "tweet_changed";

    /// <summary>How long the cache may answer after a heartbeat was sent.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    /// <summary>The name of the listening session in <c>pg_stat_activity</c>, with the process id to tell instances apart.</summary>
    public static string ApplicationName(int processId) => $"TweetsSoap tweet cache {processId}";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (true)
        {
            try
            {
                await ListenAsync(() => retry = FirstRetry, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                cache.StopAnswering();
                LogConnectionLost(e, retry);
            }

            await Task.Delay(retry, stoppingToken);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task ListenAsync(Action listening, CancellationToken stoppingToken)
    {
        // A slow heartbeat only lets the lease run out; the session is given up when one takes far longer.
        await using var connection = database.CreateDedicatedConnection(ApplicationName(Environment.ProcessId), commandTimeout: 5 * Lease);
        connection.Notification += (_, e) => Forget(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using var heartbeat = new NpgsqlCommand("SELECT 1", connection);

        var sent = Environment.TickCount64;
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever changed before LISTEN took effect was never announced to this session.
        cache.ForgetAll();
        cache.AnswerUntil(sent + (long)Lease.TotalMilliseconds);
        LogListening();
        listening();
        while (true)
        {
            var next = sent + (long)Heartbeat.TotalMilliseconds;
            for (long left; (left = next - Environment.TickCount64) > 0;)
            {
                await connection.WaitAsync(TimeSpan.FromMilliseconds(left), stoppingToken);
            }

            sent = Environment.TickCount64;
            await heartbeat.ExecuteScalarAsync(stoppingToken);
            cache.AnswerUntil(sent + (long)Lease.TotalMilliseconds);
        }
    }

    private void Forget(string payload)
    {
        if (Guid.TryParse(payload, out var id))
        {
            cache.Forget(id);
        }
        else
        {
            cache.ForgetAll();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The tweet cache listens for other instances' writes and answers reads")]
    private partial void LogListening();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tweet cache lost its notification session; reads go to the database until it listens again (next try in {Retry})")]
    private partial void LogConnectionLost(Exception exception, TimeSpan retry);
}
