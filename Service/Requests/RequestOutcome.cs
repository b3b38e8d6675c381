using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Requests;

/// <summary>
/// What a request turned out to be, filled in as it is handled (the SOAP gate or the JSON route names the operation,
/// each face's fault writer the fault) and read for the metrics, the request log and the security log.
/// </summary>
public sealed class RequestOutcome
{
    public string? Operation { get; set; }

    public string? FaultCode { get; private set; }

    /// <summary>The message of the fault sent, in the contract's words.</summary>
    public string? FaultMessage { get; private set; }

    public void Failed(ErrorCode code, string message)
    {
        FaultCode = code.ToString();
        FaultMessage = message;
    }

    public static RequestOutcome? Of(HttpContext? context) => RequestContext.Of(context)?.Outcome;
}
