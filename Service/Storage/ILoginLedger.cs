namespace TweetsSoap.Service.Storage;

/// <summary>
/// What the login throttle and the replay check remember: failed logins, the addresses each account logged in
/// from, and used UsernameToken nonces. In the process for one instance (SQLite); in the database when several
/// instances share PostgreSQL, so that a budget or a nonce spent on one is spent on all. Accounts are canonical
/// usernames; the policy (limits, windows) is the caller's.
/// </summary>
public interface ILoginLedger
{
    /// <summary>The failures within the window and whether the account knows the address.</summary>
    Task<LoginHistory> ReadAsync(string account, string address, LoginWindow window, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the history and, when <paramref name="admit"/> allows an attempt, records it as a failure at once, as
    /// one step per account: concurrent guesses cannot all slip in under the limit before any has failed. A
    /// correct password then withdraws it with <see cref="SucceededAsync"/>. Null when not admitted.
    /// </summary>
    Task<(LoginHistory History, Guid? Attempt)> BeginAttemptAsync(
        string account, string address, LoginWindow window, Func<LoginHistory, bool> admit, CancellationToken cancellationToken);

    /// <summary>The attempt's password was right: withdraws it and the address's earlier failures, and marks the address as known.</summary>
    Task SucceededAsync(Guid attempt, string account, string address, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a nonce until <paramref name="expires"/>; false when the account used it before and it has not expired.</summary>
    Task<bool> TryRecordNonceAsync(string account, string nonce, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>Forgets failures and known addresses older than the window, and expired nonces.</summary>
    Task SweepAsync(LoginWindow window, CancellationToken cancellationToken);
}

/// <summary>
/// A ledger kept in the database that also holds the users: reads an account's user row together with its login
/// history, in one statement where the two reads of every authenticated request would take two. Both are as fresh
/// as those reads: nothing is remembered between requests, so a changed password or a deleted user counts at once.
/// </summary>
public interface ILoginLedgerWithUsers
{
    /// <summary>The user whose canonical username is <paramref name="account"/> (null if none) and what <see cref="ILoginLedger.ReadAsync"/> reads.</summary>
    Task<(UserRecord? User, LoginHistory History)> ReadWithUserAsync(string account, string address, LoginWindow window, CancellationToken cancellationToken);
}

/// <param name="Now">The present, by the service's clock.</param>
/// <param name="FailuresSince">Failures before this no longer count.</param>
/// <param name="KnownSince">A success before this no longer makes an address known.</param>
public readonly record struct LoginWindow(DateTimeOffset Now, DateTimeOffset FailuresSince, DateTimeOffset KnownSince);

/// <summary>Failures counted within the window, each with the time of the oldest, which is when the count first drops.</summary>
/// <param name="KnownAddress">The account logged in successfully from this address within the window.</param>
public sealed record LoginHistory(
    int PairFailures, DateTimeOffset? PairOldest,
    int AccountFailures, DateTimeOffset? AccountOldest,
    int AddressFailures, DateTimeOffset? AddressOldest,
    bool KnownAddress);
