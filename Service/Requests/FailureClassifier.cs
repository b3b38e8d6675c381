using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Requests;

/// <summary>
/// Decides, for both faces, what an exception that leaves an operation tells the client, and logs it once: an
/// <see cref="OperationException"/> is the contract's fault; input the face could not read is <c>MalformedRequest</c>;
/// an unreachable store <c>Unavailable</c>; anything else a generic <c>InternalError</c> whose only clue is the
/// correlation id, under which the log keeps the exception. The faces only write the answer in their own format.
/// </summary>
public sealed partial class FailureClassifier(ILogger<FailureClassifier> logger)
{
    public ServiceFault Classify(HttpContext context, Exception exception, IFaceWording face)
    {
        var correlationId = context.TraceIdentifier;
        var unreadable = face.Unreadable(context, exception);
        switch (exception)
        {
            case OperationException expected:
                var fault = expected.ToFault(correlationId, expected.CredentialsMissing ? face.CredentialsMissing : null);
                // Refused credentials are in the security log already, and so is every Forbidden (RequestContextMiddleware).
                if (!expected.Logged && expected.Code != ErrorCode.Forbidden)
                {
                    LogExpected(fault.Code, fault.Message, correlationId);
                }

                return fault;

            case var _ when unreadable is { } input:
                LogExpected(ErrorCode.MalformedRequest, input.Logged, correlationId);
                return new ServiceFault { Code = ErrorCode.MalformedRequest, Message = input.Sent, CorrelationId = correlationId };

            // The client hung up and a read stopped: nobody will read the answer, and nothing is wrong with the service.
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                LogAbandoned(correlationId);
                return InternalError(correlationId);

            // Expected in operation: the database is restarting or overloaded. The exception stays in the log.
            case StoreUnavailableException:
                LogUnavailable(exception, correlationId);
                return Unavailable(correlationId);

            default:
                LogUnexpected(exception, correlationId);
                return InternalError(correlationId);
        }
    }

    /// <summary>
    /// The answer to an error nobody planned for, the same on every face: it carries only the correlation id, under
    /// which the log keeps the exception.
    /// </summary>
    public static ServiceFault InternalError(string? correlationId) => new()
    {
        Code = ErrorCode.InternalError,
        Message = $"The service could not complete the request. Quote correlation id {correlationId} when reporting it.",
        CorrelationId = correlationId,
    };

    /// <summary>The answer when the store cannot be reached, the same on every face.</summary>
    public static ServiceFault Unavailable(string? correlationId) => new()
    {
        Code = ErrorCode.Unavailable,
        Message = $"The tweet store is unavailable; try again shortly (with the same clientRequestId, where the operation takes one). Correlation id {correlationId}.",
        CorrelationId = correlationId,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered {Code}: {Reason} (correlation id {CorrelationId})")]
    private partial void LogExpected(ErrorCode code, string reason, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The client went away before the answer (correlation id {CorrelationId})")]
    private partial void LogAbandoned(string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is unavailable; answered Unavailable (correlation id {CorrelationId})")]
    private partial void LogUnavailable(Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error; answered InternalError (correlation id {CorrelationId})")]
    private partial void LogUnexpected(Exception exception, string correlationId);
}

/// <summary>What only a face can say about a failure: how its clients send credentials, and which of its readers' errors are the client's input.</summary>
public interface IFaceWording
{
    /// <summary>The message for a request that needed credentials and carried none.</summary>
    string CredentialsMissing { get; }

    /// <summary>The reason to send and the one to log when <paramref name="exception"/> is the face failing to read the client's input; null otherwise.</summary>
    (string Sent, string Logged)? Unreadable(HttpContext context, Exception exception);
}
