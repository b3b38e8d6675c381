using Microsoft.Extensions.Options;

namespace TweetsSoap.Service.Identity;

/// <summary>
/// Forgets what the throttle and the replay check no longer need, so their tables stay bounded: every instance
/// sweeps, which is harmless, as a sweep only deletes what has expired. Once per clock skew (a nonce lives two),
/// between once a second and once a minute.
/// </summary>
public sealed partial class LoginLedgerSweeper(LoginThrottle throttle, IOptions<CredentialOptions> options, TimeProvider time, ILogger<LoginLedgerSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Clamp(options.Value.ClockSkew.Ticks, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));
        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await throttle.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage must not end the sweeping; the next tick tries again.
                LogSweepFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired login failures and nonces failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
