using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TweetsSoap.Service.Soap;
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

    /// <summary>The authenticated caller, or an <c>Unauthenticated</c> fault that does not say which part was wrong.</summary>
    public async Task<UserRecord> RequireUserAsync(CancellationToken cancellationToken)
    {
        if (credentials.Problem is { } problem)
        {
            throw Refused(problem);
        }

        if (credentials.Value is not { } sent)
        {
            throw Faults.Unauthenticated(
                "This operation needs a WS-Security UsernameToken (PasswordText) in the wsse:Security header.");
        }

        if (throttle.RetryAfter(sent.Username, credentials.ClientAddress) is { } retryAfter)
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            securityLog.Throttled(sent.Username, credentials.ClientAddress, seconds, credentials.CorrelationId);
            throw Faults.Throttled(seconds);
        }

        var skew = options.Value.ClockSkew;
        if (sent.Created is { } created && (created - time.GetUtcNow()).Duration() > skew)
        {
            throw Refused($"The UsernameToken was created at {created:O}, more than {skew.TotalSeconds:0} seconds from the service's clock; send a fresh token.");
        }

        var user = await store.FindUserByUsernameAsync(sent.Username, cancellationToken);
        if (user is null || !cache.Confirms(sent, user))
        {
            var result = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash.Value, sent.Password);
            if (user is null || result == PasswordVerificationResult.Failed)
            {
                throttle.RecordFailure(sent.Username, credentials.ClientAddress);
                securityLog.LoginFailed(sent.Username, credentials.ClientAddress, credentials.CorrelationId);
                throw Faults.Unauthenticated(WrongCredentials);
            }

            cache.Remember(sent, user);
        }

        // Checked only once the password matched, so that nobody else can spend a user's nonces.
        if (sent.Nonce is { } nonce && !nonces.TryRecord(sent.Username, nonce))
        {
            throw Refused("This UsernameToken nonce was already used; send a new nonce with every request.");
        }

        credentials.User = user;
        return user;
    }

    private Exception Refused(string reason)
    {
        securityLog.CredentialsRefused(credentials.ClientAddress, reason, credentials.CorrelationId);
        return Faults.Unauthenticated(reason);
    }
}
