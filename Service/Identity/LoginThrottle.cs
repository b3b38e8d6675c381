using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TweetsSoap.Service.Identity;

/// <summary>
/// Counts failed logins per account and per client address in fixed windows (ASP.NET Core's rate limiter); once
/// either is spent, logins from there are refused without checking the password until the window ends.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _accounts;
    private readonly PartitionedRateLimiter<string> _addresses;

    public LoginThrottle(IOptions<CredentialOptions> options)
    {
        var o = options.Value;
        _accounts = Limiter(o.FailedLoginsPerAccount, o.FailedLoginWindow);
        _addresses = Limiter(o.FailedLoginsPerAddress, o.FailedLoginWindow);
    }

    /// <summary>How long to wait before trying again, or null when a login may be attempted now.</summary>
    public TimeSpan? RetryAfter(string username, string address) =>
        Spent(_accounts, AccountKey(username)) ?? Spent(_addresses, address);

    public void RecordFailure(string username, string address)
    {
        _accounts.AttemptAcquire(AccountKey(username)).Dispose();
        _addresses.AttemptAcquire(address).Dispose();
    }

    public void Dispose()
    {
        _accounts.Dispose();
        _addresses.Dispose();
    }

    private static TimeSpan? Spent(PartitionedRateLimiter<string> limiter, string key)
    {
        // Asking for zero permits tells whether any are left without using one.
        using var lease = limiter.AttemptAcquire(key, permitCount: 0);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    private static string AccountKey(string username) => username.ToUpperInvariant();

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
