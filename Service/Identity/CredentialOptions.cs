namespace TweetsSoap.Service.Identity;

/// <summary>The <c>Credentials</c> configuration section: how logins are checked and throttled (docs/security-identity.md).</summary>
public sealed class CredentialOptions
{
    public const string Section = "Credentials";

    /// <summary>How far a UsernameToken's <c>wsu:Created</c> may be from our clock; nonces are remembered twice as long.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a successful password check is remembered; zero turns the cache off.</summary>
    public TimeSpan VerificationCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed logins allowed for one account from one client address in each <see cref="FailedLoginWindow"/>.</summary>
    public int FailedLoginsPerAccountAndAddress { get; set; } = 5;

    /// <summary>
    /// Failed logins allowed for one account from all addresses together in each <see cref="FailedLoginWindow"/>;
    /// beyond it only addresses the account logged in from recently may still try.
    /// </summary>
    public int FailedLoginsPerAccount { get; set; } = 20;

    /// <summary>
    /// Failed logins allowed from one client address for all accounts together in each <see cref="FailedLoginWindow"/>;
    /// beyond it only accounts that logged in from there recently may still try.
    /// </summary>
    public int FailedLoginsPerAddress { get; set; } = 50;

    /// <summary>The sliding window the failure limits count in.</summary>
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a successful login makes its address known to the account, exempt from the account's and the address's ceilings.</summary>
    public TimeSpan KnownAddressDuration { get; set; } = TimeSpan.FromDays(30);
}
