namespace TweetsSoap.Service.Identity;

/// <summary>The <c>Credentials</c> configuration section: how logins are checked and throttled.</summary>
public sealed class CredentialOptions
{
    public const string Section = "Credentials";

    /// <summary>How far a UsernameToken's <c>wsu:Created</c> may be from our clock; nonces are remembered twice as long.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a successful password check is remembered; zero turns the cache off.</summary>
    public TimeSpan VerificationCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed logins allowed per account in each <see cref="FailedLoginWindow"/>.</summary>
    public int FailedLoginsPerAccount { get; set; } = 5;

    /// <summary>Failed logins allowed per client address in each <see cref="FailedLoginWindow"/>.</summary>
    public int FailedLoginsPerAddress { get; set; } = 20;

    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromMinutes(1);
}
