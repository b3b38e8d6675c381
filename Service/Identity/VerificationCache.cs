using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Identity;

/// <summary>
/// Remembers for a short while that a username and password matched, so that the slow hash (PBKDF2, about as
/// slow as the rest of a request times ten) is not run for every call of a busy client. Entries are keyed by an
/// HMAC of the canonical username and the password under a key made at start-up and never stored, so neither the
/// password nor a hash that could be attacked offline is held. An entry also holds the password hash it was
/// checked against: once the password changes or the account is deleted, the stored user (read afresh from the
/// shared database for every call) no longer matches and the entry is void, on every instance at once.
/// </summary>
public sealed class VerificationCache(IOptions<CredentialOptions> options, TimeProvider time)
{
    private const int MaxEntries = 10_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Verification>>> _inFlight = new(StringComparer.Ordinal);
    private readonly TimeSpan _duration = options.Value.VerificationCacheDuration;

    public bool Enabled => _duration > TimeSpan.Zero;

    /// <summary>True when these credentials were verified against exactly this stored user a moment ago.</summary>
    public bool Confirms(string account, string password, UserRecord user) =>
        Enabled
        && _entries.TryGetValue(KeyOf(account, password), out var entry)
        && entry.Expires > time.GetUtcNow()
        && entry.UserId == user.Id
        && entry.PasswordHash == user.PasswordHash;

    /// <summary>
    /// Runs <paramref name="verify"/> once for all the concurrent requests that bring the same credentials from
    /// the same address, and remembers a match. A client that opens with many parallel calls then costs one hash
    /// and spends one attempt of its throttle budget, not one per call.
    /// </summary>
    public async Task<Verification> VerifyOnceAsync(string account, string password, string address, UserRecord? user, Func<Task<Verification>> verify)
    {
        var key = $"{KeyOf(account, password)}\n{address}";
        var flight = _inFlight.GetOrAdd(key, _ => new Lazy<Task<Verification>>(verify));
        try
        {
            var verification = await flight.Value;
            if (verification.Matched && user is not null)
            {
                Remember(account, password, user);
            }

            return verification;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<Verification>>>(key, flight));
        }
    }

    private void Remember(string account, string password, UserRecord user)
    {
        if (!Enabled)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Expires <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= MaxEntries)
            {
                return;
            }
        }

        _entries[KeyOf(account, password)] = new Entry(user.Id, user.PasswordHash, now + _duration);
    }

    private string KeyOf(string account, string password) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{account}\n{password}")));

    private sealed record Entry(Guid UserId, string PasswordHash, DateTimeOffset Expires);
}

/// <summary>The outcome of a password check: matched, wrong, or not made because the throttle said to wait.</summary>
public readonly record struct Verification(bool Matched, TimeSpan? RetryAfter = null);
