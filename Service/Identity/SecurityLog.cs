namespace TweetsSoap.Service.Identity;

/// <summary>
/// Security events as structured log entries (category <c>TweetsSoap.Service.Identity.SecurityLog</c>, event ids
/// 100–199), each with the correlation id the client sees in its fault, for alerting and audit.
/// </summary>
public sealed partial class SecurityLog(ILogger<SecurityLog> logger)
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Login failed for {Username} from {ClientAddress} (correlation id {CorrelationId})")]
    public partial void LoginFailed(string username, string clientAddress, string? correlationId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Credentials refused from {ClientAddress}: {Reason} (correlation id {CorrelationId})")]
    public partial void CredentialsRefused(string clientAddress, string reason, string? correlationId);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Login throttled for {Username} from {ClientAddress}, retry after {RetryAfterSeconds} s (correlation id {CorrelationId})")]
    public partial void Throttled(string username, string clientAddress, int retryAfterSeconds, string? correlationId);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Forbidden: {Username} from {ClientAddress}: {Reason} (correlation id {CorrelationId})")]
    public partial void Forbidden(string? username, string clientAddress, string reason, string? correlationId);
}
