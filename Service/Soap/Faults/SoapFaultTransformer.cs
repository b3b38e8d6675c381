using System.Runtime.Serialization;
using System.ServiceModel;
using System.Xml;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Requests;

namespace TweetsSoap.Service.Soap.Faults;

/// <summary>
/// The SOAP face's words for a failure: <see cref="FailureClassifier"/> decides what the exception means and logs
/// it, this writes the fault that is right for the request's SOAP version (see <see cref="FaultBodyWriter"/>).
/// </summary>
public sealed class SoapFaultTransformer(FailureClassifier classifier)
{
    private static readonly SoapWording Wording = new();

    public FaultBodyWriter Translate(Exception exception, HttpContext context, EnvelopeVersion envelope)
    {
        var detail = classifier.Classify(context, exception, Wording);
        RequestOutcome.Of(context)?.Failed(detail.Code, detail.Message);
        return new FaultBodyWriter(envelope, detail);
    }

    /// <summary>
    /// The declared fault a WCF-style host (SoapCore's own request path, as the differential test runs it) throws for
    /// <paramref name="exception"/>: the detail and reason this face writes.
    /// </summary>
    public static FaultException<ServiceFault> ToFaultException(OperationException exception)
    {
        var detail = exception.ToFault(correlationId: null, exception.CredentialsMissing ? Wording.CredentialsMissing : null);
        return new FaultException<ServiceFault>(detail, new FaultReason(detail.Message));
    }

    private sealed class SoapWording : IFaceWording
    {
        public string CredentialsMissing => "This operation needs a WS-Security UsernameToken (PasswordText) in the wsse:Security header.";

        /// <summary>
        /// Reading an argument failed: the client sent something the contract does not describe. The pipeline's reader
        /// names most such problems itself; what remains is answered without the reader's own words, which name .NET
        /// types, and logged with them for the operator.
        /// </summary>
        public (string Sent, string Logged)? Unreadable(HttpContext context, Exception exception) =>
            exception is XmlException or SerializationException or FormatException or ProtocolException
                ? ("The request message could not be read: an argument is not of the type the WSDL declares, or the envelope is not shaped as the contract describes.",
                    QuotingMessage(exception))
                : null;
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
}
