using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Identity;

/// <summary>
/// Remembers for a short while that a username and password matched, so that the slow hash (PBKDF2, about as
/// slow as the rest of a request times ten) is not run for every call of a busy client. Entries are keyed by an
/// HMAC of username and password under a key made at start-up and never stored, so neither the password nor a
/// hash that could be attacked offline is held. An entry also holds the password hash it was checked against:
/// once the password changes or the account is deleted, the stored user no longer matches and the entry is void.
/// </summary>
public sealed class VerificationCache(IOptions<CredentialOptions> options, TimeProvider time)
{
    private const int MaxEntries = 10_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _duration = options.Value.VerificationCacheDuration;

    public bool Enabled => _duration > TimeSpan.Zero;

    /// <summary>True when these credentials were verified against exactly this stored user a moment ago.</summary>
    public bool Confirms(Credentials credentials, UserRecord user) =>
        Enabled
        && _entries.TryGetValue(KeyOf(credentials), out var entry)
        && entry.Expires > time.GetUtcNow()
        && entry.UserId == user.Id
        && entry.PasswordHash == user.PasswordHash;

    public void Remember(Credentials credentials, UserRecord user)
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

        _entries[KeyOf(credentials)] = new Entry(user.Id, user.PasswordHash, now + _duration);
    }

    private string KeyOf(Credentials credentials) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{credentials.Username.ToUpperInvariant()}\n{credentials.Password}")));

    private sealed record Entry(Guid UserId, string PasswordHash, DateTimeOffset Expires);
}
