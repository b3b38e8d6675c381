using Microsoft.Extensions.Options;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Identity;

/// <summary>
/// The UsernameToken nonces seen recently, per account, in the <see cref="ILoginLedger"/> that every instance on
/// the database shares. A token older than the clock skew is refused anyway, so a nonce needs remembering only
/// for twice the skew (a token may also come early by the skew).
/// </summary>
public sealed class NonceLedger(ILoginLedger ledger, IOptions<CredentialOptions> options, TimeProvider time)
{
    private readonly TimeSpan _window = options.Value.ClockSkew * 2;

    /// <summary>Records the nonce; false when the same account already sent it inside the window.</summary>
    public Task<bool> TryRecordAsync(string account, string nonce, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return ledger.TryRecordNonceAsync(account, nonce, now, now + _window, cancellationToken);
    }
}
