using TweetsSoap.Service.Soap.Faults;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// What is wrong with the envelope itself (its XML, its shape, its version, a header that must be understood): found
/// while the request is read, and answered before anything else about the request counts.
/// </summary>
public sealed class EnvelopeProblem(SoapFaultCode code, string reason) : Exception(reason)
{
    public SoapFaultCode Code { get; } = code;

    public static EnvelopeProblem Malformed(string reason) => new(SoapFaultCode.Sender, reason);
}
