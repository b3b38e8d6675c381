using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Domain;

/// <summary>
/// An expected failure of an operation, in the contract's terms (an <see cref="ErrorCode"/>, the fields at fault, when
/// to retry) and nothing else: each face words it for its clients, the SOAP face as a typed <c>ServiceFault</c>, the
/// JSON face as problem details. It lives with the domain rules because they, the operations and the authenticator
/// all throw it, and they all point inwards to here.
/// </summary>
public sealed class OperationException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;

    public IReadOnlyList<string>? Fields { get; private init; }

    public int? RetryAfterSeconds { get; private init; }

    /// <summary>The request carried no credentials at all: each face says how its clients send them.</summary>
    public bool CredentialsMissing { get; private init; }

    /// <summary>The security log already has this refusal, under the request's correlation id.</summary>
    public bool Logged { get; private set; }

    /// <summary>Marks a refusal the thrower has written to the security log, so that it is not logged twice.</summary>
    public OperationException InSecurityLog()
    {
        Logged = true;
        return this;
    }

    public static OperationException ValidationFailed(string message, IEnumerable<string> fields) =>
        new(ErrorCode.ValidationFailed, message) { Fields = [.. fields] };

    public static OperationException NotFound(string message) => new(ErrorCode.NotFound, message);

    public static OperationException Conflict(string field) =>
        new(ErrorCode.Conflict, $"The {field} is already taken.") { Fields = [field] };

    public static OperationException Unauthenticated(string message) => new(ErrorCode.Unauthenticated, message);

    public static OperationException NoCredentials() =>
        new(ErrorCode.Unauthenticated, "This operation needs credentials.") { CredentialsMissing = true };

    public static OperationException Forbidden(string message) => new(ErrorCode.Forbidden, message);

    public static OperationException Throttled(int retryAfterSeconds) =>
        new(ErrorCode.Throttled, $"Too many failed logins for this account or from this address; retry after {retryAfterSeconds} seconds.")
        {
            RetryAfterSeconds = retryAfterSeconds,
        };

    public static OperationException MalformedRequest(string message) => new(ErrorCode.MalformedRequest, message);

    /// <summary>The contract's fault for this failure; <paramref name="message"/> replaces the operation's words when a face has its own.</summary>
    public ServiceFault ToFault(string? correlationId, string? message = null) => new()
    {
        Code = Code,
        Message = message ?? Message,
        Fields = Fields is null ? null : [.. Fields],
        RetryAfterSeconds = RetryAfterSeconds,
        CorrelationId = correlationId,
    };
}
