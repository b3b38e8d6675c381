using TweetsSoap.Service.Identity;

namespace TweetsSoap.Service.Requests;

/// <summary>
/// What every request of either face carries from the moment it arrives: the client's address (the connection's, or
/// what a trusted proxy forwarded), the correlation id its faults and log entries quote, the caller and the outcome.
/// Set once by <see cref="RequestContextMiddleware"/>, before either face reads the request.
/// </summary>
public sealed class RequestContext(string clientAddress, string correlationId, RequestCredentials credentials)
{
    public string ClientAddress { get; } = clientAddress;

    public string CorrelationId { get; } = correlationId;

    /// <summary>The username the request was made with: the authenticated user, else the one sent, else null.</summary>
    public string? Caller => credentials.User?.Username ?? credentials.Value?.Username;

    public RequestOutcome Outcome { get; } = new();

    public static RequestContext? Of(HttpContext? context) => context?.Features.Get<RequestContext>();
}
