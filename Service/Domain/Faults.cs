using System.ServiceModel;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Soap.Faults;

namespace TweetsSoap.Service.Domain;

/// <summary>The declared faults. Operations throw what these return; <see cref="SoapFaultTransformer"/> puts them on the wire.</summary>
public static class Faults
{
    public static FaultException<ServiceFault> ValidationFailed(string message, IEnumerable<string> fields) =>
        Create(ErrorCode.ValidationFailed, message, [.. fields]);

    public static FaultException<ServiceFault> NotFound(string message) => Create(ErrorCode.NotFound, message);

    public static FaultException<ServiceFault> Conflict(string field) =>
        Create(ErrorCode.Conflict, $"The {field} is already taken.", [field]);

    public static FaultException<ServiceFault> Unauthenticated(string message) => Create(ErrorCode.Unauthenticated, message);

    public static FaultException<ServiceFault> Forbidden(string message) => Create(ErrorCode.Forbidden, message);

    public static FaultException<ServiceFault> Throttled(int retryAfterSeconds)
    {
        var message = $"Too many failed logins for this account or from this address; retry after {retryAfterSeconds} seconds.";
        return new(new ServiceFault { Code = ErrorCode.Throttled, Message = message, RetryAfterSeconds = retryAfterSeconds }, new FaultReason(message));
    }

    public static FaultException<ServiceFault> MalformedRequest(string message) => Create(ErrorCode.MalformedRequest, message);

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

    private static FaultException<ServiceFault> Create(ErrorCode code, string message, List<string>? fields = null) =>
        new(new ServiceFault { Code = code, Message = message, Fields = fields }, new FaultReason(message));
}
