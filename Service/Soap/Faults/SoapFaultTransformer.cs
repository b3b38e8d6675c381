using System.Runtime.Serialization;
using System.ServiceModel;
using System.Xml;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Requests;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Soap.Faults;

/// <summary>
/// Turns every exception that leaves an operation into a fault that is right for the request's SOAP version
/// (see <see cref="FaultBodyWriter"/>). Declared faults
/// pass through with their detail; an unreadable message becomes <c>MalformedRequest</c>; an unreachable database
/// <c>Unavailable</c>; anything else becomes a
/// generic <c>InternalError</c> whose only clue is a correlation id that is also in the log.
/// </summary>
public sealed partial class SoapFaultTransformer(ILogger<SoapFaultTransformer> logger)
{
    public FaultBodyWriter Translate(Exception exception, HttpContext context, EnvelopeVersion envelope)
    {
        var correlationId = context.TraceIdentifier;
        var detail = Describe(exception, correlationId);
        RequestOutcome.Of(context)?.Failed(detail.Code, detail.Message);

        return new FaultBodyWriter(envelope, detail);
    }

    private ServiceFault Describe(Exception exception, string? correlationId)
    {
        switch (exception)
        {
            case FaultException<ServiceFault> declared:
                LogDeclaredFault(declared.Detail.Code, declared.Detail.Message, correlationId);
                declared.Detail.CorrelationId = correlationId;
                return declared.Detail;

            // Reading the envelope or an argument failed: the client sent something the contract does not describe.
            // EnvelopeInspector names most such problems before SoapCore reads anything; what remains is answered
            // without the reader's own words, which name .NET types, and logged with them for the operator.
            case XmlException or SerializationException or FormatException or ProtocolException:
                LogDeclaredFault(ErrorCode.MalformedRequest, QuotingMessage(exception), correlationId);
                return new ServiceFault
                {
                    Code = ErrorCode.MalformedRequest,
                    Message = "The request message could not be read: an argument is not of the type the WSDL declares, or the envelope is not shaped as the contract describes.",
                    CorrelationId = correlationId,
                };

            // Expected in operation: the database is restarting or overloaded. The exception stays in the log.
            case StoreUnavailableException:
                LogUnavailable(exception, correlationId);
                return Domain.Faults.Unavailable(correlationId);

            default:
                LogUnexpected(exception, correlationId);
                return Domain.Faults.InternalError(correlationId);
        }
    }

    /// <summary>
    /// The outer messages of a deserialization error name CLR types ("System.Nullable`1[[System.Int32, ...") that mean
    /// nothing to a SOAP client; an inner one quotes the client's own value. Take the innermost that does.
    /// </summary>
    private static string QuotingMessage(Exception exception)
    {
        var chain = new List<Exception>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        chain.Reverse();
        return (chain.FirstOrDefault(e => e.Message.Contains('\'', StringComparison.Ordinal)) ?? chain[0]).Message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault {Code}: {Reason} (correlation id {CorrelationId})")]
    private partial void LogDeclaredFault(ErrorCode code, string reason, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is unavailable; answered with an Unavailable fault (correlation id {CorrelationId})")]
    private partial void LogUnavailable(Exception exception, string? correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error; answered with an InternalError fault (correlation id {CorrelationId})")]
    private partial void LogUnexpected(Exception exception, string? correlationId);
}
