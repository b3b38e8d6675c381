namespace TweetsSoap.Service.Observability;

/// <summary>
/// What a request turned out to be, filled in as it is handled (the SOAP gate names the operation, the fault
/// transformer the fault) and read by <see cref="RequestTelemetry"/> for the metrics and the request's log event.
/// </summary>
public sealed class RequestOutcome
{
    public string? Operation { get; set; }

    public string? FaultCode { get; set; }

    public static RequestOutcome? Of(HttpContext? context) => context?.Features.Get<RequestOutcome>();
}
