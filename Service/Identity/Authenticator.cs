using Microsoft.AspNetCore.Identity;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Identity;

/// <summary>Checks the request's credentials against the user store.</summary>
public sealed class Authenticator(ITweetStore store, IPasswordHasher<UserRecord> hasher, RequestCredentials credentials)
{
    private const string WrongCredentials = "The username or password is wrong.";

    // Verified when the username is unknown, so that an unknown user costs the same time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<UserRecord>().HashPassword(null!, Guid.NewGuid().ToString()));

    /// <summary>The authenticated caller, or an <c>Unauthenticated</c> fault that does not say which part was wrong.</summary>
    public async Task<UserRecord> RequireUserAsync(CancellationToken cancellationToken)
    {
        if (credentials.Problem is { } problem)
        {
            throw Faults.Unauthenticated(problem);
        }

        if (credentials.Value is not { } sent)
        {
            throw Faults.Unauthenticated(
                "This operation needs a WS-Security UsernameToken (PasswordText) in the wsse:Security header.");
        }

        var user = await store.FindUserByUsernameAsync(sent.Username, cancellationToken);
        var result = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash.Value, sent.Password);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            throw Faults.Unauthenticated(WrongCredentials);
        }

        return user;
    }
}
