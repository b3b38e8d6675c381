using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Identity;

/// <summary>A username and password as the client sent them, before any check, with the token's freshness proofs if any.</summary>
public sealed record Credentials(string Username, string Password, DateTimeOffset? Created = null, string? Nonce = null);

/// <summary>
/// The credentials of the current request, if it carried any; filled in by the transport (the WS-Security header
/// for SOAP) before the operation runs, with where the request came from. Scoped to one request.
/// </summary>
public sealed class RequestCredentials
{
    public Credentials? Value { get; set; }

    /// <summary>Why the transport could not accept the credentials that were sent, if it could not.</summary>
    public string? Problem { get; set; }

    /// <summary>The client's address (as forwarded by a trusted proxy), for throttling and the security log.</summary>
    public string ClientAddress { get; set; } = "unknown";

    /// <summary>The id that faults and log entries of this request carry.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The caller, once <see cref="Authenticator"/> has accepted the credentials.</summary>
    public UserRecord? User { get; set; }
}
