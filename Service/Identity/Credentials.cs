namespace TweetsSoap.Service.Identity;

/// <summary>A username and password as the client sent them, before any check.</summary>
public sealed record Credentials(string Username, string Password);

/// <summary>
/// The credentials of the current request, if it carried any; filled in by the transport (the WS-Security header
/// for SOAP) before the operation runs. Scoped to one request.
/// </summary>
public sealed class RequestCredentials
{
    public Credentials? Value { get; set; }

    /// <summary>Why the transport could not accept the credentials that were sent, if it could not.</summary>
    public string? Problem { get; set; }
}
