using System.Net;
using Microsoft.Extensions.Options;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Identity;

/// <summary>
/// Slows password guessing without handing anyone a lockout button. Failed logins count in a sliding window per
/// (account, address) pair, per account and per address. A pair over its small budget is refused: that is the
/// guesser. An account or an address over its ceiling is refused only from addresses the account has not logged
/// in from recently, so the owner keeps logging in from home while a botnet spends the account's ceiling, and
/// the users behind a shared address keep logging in while one of them guesses. A refused attempt never checks
/// the password (the answer must not tell a right guess from a wrong one) and is not counted.
/// </summary>
public sealed class LoginThrottle(ILoginLedger ledger, IOptions<CredentialOptions> options, TimeProvider time)
{
    private readonly CredentialOptions _options = options.Value;

    /// <summary>
    /// The account's user, from <paramref name="findUser"/> or, when the ledger shares the users' database, from the
    /// ledger's own read (one statement for both); and how long to wait before trying again, or null when a login may
    /// be attempted now.
    /// </summary>
    public async Task<(UserRecord? User, TimeSpan? RetryAfter)> FindUserAsync(
        string account, string address, Func<Task<UserRecord?>> findUser, CancellationToken cancellationToken)
    {
        var window = Window();
        address = AddressKey(address);
        if (ledger is ILoginLedgerWithUsers withUsers)
        {
            var (user, history) = await withUsers.ReadWithUserAsync(account, address, window, cancellationToken);
            return (user, RetryAfter(history, window.Now));
        }

        var found = findUser();
        var read = ledger.ReadAsync(account, address, window, cancellationToken);
        await Task.WhenAll(found, read);
        return (await found, RetryAfter(await read, window.Now));
    }

    /// <summary>Admits a password check and counts it as a failure until <see cref="SucceededAsync"/>, or says how long to wait.</summary>
    public async Task<LoginAttempt> BeginAsync(string account, string address, CancellationToken cancellationToken)
    {
        var window = Window();
        address = AddressKey(address);
        var (history, id) = await ledger.BeginAttemptAsync(account, address, window, h => RetryAfter(h, window.Now) is null, cancellationToken);
        return new LoginAttempt(id, account, address, id is null ? RetryAfter(history, window.Now) ?? TimeSpan.FromSeconds(1) : null);
    }

    public Task SucceededAsync(LoginAttempt attempt, CancellationToken cancellationToken) =>
        ledger.SucceededAsync(attempt.Id ?? throw new InvalidOperationException("The attempt was not admitted."), attempt.Account, attempt.Address, time.GetUtcNow(), cancellationToken);

    public Task SweepAsync(CancellationToken cancellationToken) => ledger.SweepAsync(Window(), cancellationToken);

    /// <summary>
    /// What counts as one address: an IPv4 address (also when it arrives IPv4-mapped), or an IPv6 /64, the
    /// smallest block a provider hands out, since whoever holds one can send from 2^64 addresses.
    /// </summary>
    public static string AddressKey(string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return address;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            return ip.MapToIPv4().ToString();
        }

        if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }

        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private LoginWindow Window()
    {
        var now = time.GetUtcNow();
        return new LoginWindow(now, now - _options.FailedLoginWindow, now - _options.KnownAddressDuration);
    }

    private TimeSpan? RetryAfter(LoginHistory history, DateTimeOffset now)
    {
        // Each spent limit frees up when its oldest counted failure leaves the window; all must have.
        DateTimeOffset? until = null;
        Spent(history.PairFailures, _options.FailedLoginsPerAccountAndAddress, history.PairOldest);
        if (!history.KnownAddress)
        {
            Spent(history.AccountFailures, _options.FailedLoginsPerAccount, history.AccountOldest);
            Spent(history.AddressFailures, _options.FailedLoginsPerAddress, history.AddressOldest);
        }

        return until is { } end ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((end - now).TotalSeconds))) : null;

        void Spent(int failures, int limit, DateTimeOffset? oldest)
        {
            if (failures >= limit)
            {
                var frees = (oldest ?? now) + _options.FailedLoginWindow;
                until = until is { } other && other > frees ? other : frees;
            }
        }
    }
}

/// <summary>An admitted password check (<see cref="Id"/> set), or a refused one with how long to wait.</summary>
public sealed record LoginAttempt(Guid? Id, string Account, string Address, TimeSpan? RetryAfter);
