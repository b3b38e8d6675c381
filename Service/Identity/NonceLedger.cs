using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TweetsSoap.Service.Identity;

/// <summary>
/// The UsernameToken nonces seen recently, per user. A token older than the clock skew is refused anyway, so a
/// nonce needs remembering only for twice the skew (a token may also come early by the skew).
/// </summary>
public sealed class NonceLedger(IOptions<CredentialOptions> options, TimeProvider time)
{
    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<(string User, string Nonce), DateTimeOffset> _seen = new();
    private readonly TimeSpan _window = options.Value.ClockSkew * 2;
    private int _added;

    /// <summary>Records the nonce; false when the same user already sent it inside the window.</summary>
    public bool TryRecord(string username, string nonce)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
        {
            foreach (var (seen, expires) in _seen)
            {
                if (expires <= now)
                {
                    _seen.TryRemove(seen, out _);
                }
            }
        }

        var key = (username.ToUpperInvariant(), nonce);
        var expiry = now + _window;
        while (true)
        {
            if (_seen.TryAdd(key, expiry))
            {
                return true;
            }

            if (_seen.TryGetValue(key, out var previous))
            {
                if (previous > now)
                {
                    return false;
                }

                if (_seen.TryUpdate(key, expiry, previous))
                {
                    return true;
                }
            }
        }
    }
}
