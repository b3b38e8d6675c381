using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Identity;

/// <summary>Checks the request's credentials against the user store.</summary>
public sealed class Authenticator(
    ITweetStore store,
    IPasswordHasher<UserRecord> hasher,
    RequestCredentials credentials,
    VerificationCache cache,
    LoginThrottle throttle,
    NonceLedger nonces,
    SecurityLog securityLog,
    TimeProvider time,
    IOptions<CredentialOptions> options)
{
    private const string WrongCredentials = "The username or password is wrong.";

    // Verified when the username is unknown, so that an unknown user costs the same time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<UserRecord>().HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>The authenticated caller, or an <c>Unauthenticated</c> failure that does not say which part was wrong.</summary>
    public async Task<UserRecord> RequireUserAsync(CancellationToken cancellationToken)
    {
        if (credentials.Problem is { } problem)
        {
            throw Refused(problem);
        }

        if (credentials.Value is not { } sent)
        {
            // Each face says how its clients send credentials.
            throw OperationException.NoCredentials();
        }

        // Every key below is the canonical name, so no other spelling reaches the account, its budget or its nonces.
        if (!Username.TryCanonical(sent.Username, out var account))
        {
            throw Refused($"The username is not a valid username ({Username.Rule}).");
        }

        var skew = options.Value.ClockSkew;
        if (sent.Created is { } created && (created - time.GetUtcNow()).Duration() > skew)
        {
            throw Refused($"The UsernameToken was created at {created:O}, more than {skew.TotalSeconds:0} seconds from the service's clock; send a fresh token.");
        }

        var address = credentials.ClientAddress;
        var (user, standing) = await throttle.FindUserAsync(account, address, () => store.FindUserByUsernameAsync(account, cancellationToken), cancellationToken);

        // Throttled before the cache is asked: a remembered password must not answer differently from a wrong one.
        var verification = standing is { } wait ? new Verification(false, wait)
            : user is not null && cache.Confirms(account, sent.Password, user) ? new Verification(true)
            : await cache.VerifyOnceAsync(account, sent.Password, address, user, () => VerifyAsync(account, address, user, sent.Password));

        if (verification.RetryAfter is { } retryAfter)
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            securityLog.Throttled(account, address, seconds, credentials.CorrelationId);
            throw OperationException.Throttled(seconds).InSecurityLog();
        }

        if (!verification.Matched || user is null)
        {
            securityLog.LoginFailed(account, address, credentials.CorrelationId);
            throw OperationException.Unauthenticated(WrongCredentials).InSecurityLog();
        }

        // Checked only once the password matched, so that nobody else can spend a user's nonces.
        if (sent.Nonce is { } nonce && !await nonces.TryRecordAsync(account, nonce, CancellationToken.None))
        {
            throw Refused("This UsernameToken nonce was already used; send a new nonce with every request.");
        }

        credentials.User = user;
        return user;
    }

    /// <summary>The slow hash, admitted by the throttle first; a refused attempt learns nothing about the password.</summary>
    private async Task<Verification> VerifyAsync(string account, string address, UserRecord? user, string password)
    {
        // Not the request's token: the verification is shared with concurrent requests that may outlive this one.
        var attempt = await throttle.BeginAsync(account, address, CancellationToken.None);
        if (attempt.RetryAfter is { } retryAfter)
        {
            return new Verification(false, retryAfter);
        }

        var result = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash.Value, password);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            return new Verification(false);
        }

        await throttle.SucceededAsync(attempt, CancellationToken.None);
        return new Verification(true);
    }

    private Exception Refused(string reason)
    {
        securityLog.CredentialsRefused(credentials.ClientAddress, reason, credentials.CorrelationId);
        return OperationException.Unauthenticated(reason).InSecurityLog();
    }
}
