using System.Diagnostics;
using Microsoft.Net.Http.Headers;
using TweetsSoap.Service.Requests;
using TweetsSoap.Service.Soap.Pipeline;
using TweetsSoap.Service.Rest;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Observability;

/// <summary>
/// One measurement and one log event per SOAP request and per JSON request: correlation id (the id faults and
/// problems carry), operation (named as in the contract, so both faces of one operation add up), caller (the
/// username sent, never the password), protocol and outcome. Both are taken as the response starts, so a client
/// that has its answer finds them already recorded.
/// </summary>
public sealed partial class RequestTelemetry(RequestDelegate next, ServiceMetrics metrics, ILogger<RequestTelemetry> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = SoapEndpoint.Find(context.Request.Path, out _);
        var json = endpoint is null && context.Request.Path.StartsWithSegments(RestGate.Prefix, StringComparison.OrdinalIgnoreCase);
        if (!json && (endpoint is null || !HttpMethods.IsPost(context.Request.Method)))
        {
            await next(context);
            return;
        }

        var request = RequestContext.Of(context)!;
        var outcome = request.Outcome;
        var start = Stopwatch.GetTimestamp();
        var recorded = false;
        void Record()
        {
            if (recorded)
            {
                return;
            }

            recorded = true;
            var elapsed = Stopwatch.GetElapsedTime(start);
            var protocol = json ? ServiceMetrics.Protocols.Json : ProtocolOf(context.Request.ContentType);
            var route = json ? RestOperation.Of(context) : null;
            var operation = outcome.Operation ?? route?.Operation ?? "unknown";
            var result = outcome.FaultCode ?? (context.Response.StatusCode < 400 ? "ok" : $"http {context.Response.StatusCode}");
            metrics.Record(operation, protocol, elapsed, outcome.FaultCode);
            var caller = request.Caller;
            if (json)
            {
                LogJsonRequest(request.CorrelationId, route?.Service ?? "unknown", operation, protocol, caller ?? "anonymous", result,
                    context.Response.StatusCode, elapsed.TotalMilliseconds);
            }
            else
            {
                LogRequest(request.CorrelationId, endpoint!.Name, operation, protocol, caller ?? "anonymous", result,
                    context.Response.StatusCode, elapsed.TotalMilliseconds);
            }
        }

        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            Record();
        }
    }

    private static string ProtocolOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals(SoapPipeline.Soap12MediaType, StringComparison.OrdinalIgnoreCase)
            ? ServiceMetrics.Protocols.Soap12
            : ServiceMetrics.Protocols.Soap11;

    [LoggerMessage(EventId = 1, EventName = "SoapRequest", Level = LogLevel.Information,
        Message = "{Service}.{Operation} over {Protocol} by {Caller}: {Outcome} (HTTP {Status}, {DurationMs:0.0} ms, correlation id {CorrelationId})")]
    private partial void LogRequest(string correlationId, string service, string operation, string protocol, string caller, string outcome, int status, double durationMs);

    // The same fields as SoapRequest under another event name, so a log query can take one face or both.
    [LoggerMessage(EventId = 2, EventName = "JsonRequest", Level = LogLevel.Information,
        Message = "{Service}.{Operation} over {Protocol} by {Caller}: {Outcome} (HTTP {Status}, {DurationMs:0.0} ms, correlation id {CorrelationId})")]
    private partial void LogJsonRequest(string correlationId, string service, string operation, string protocol, string caller, string outcome, int status, double durationMs);
}
