using System.ServiceModel;
using System.Text.Json;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Requests;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// Runs around every <c>/api</c> request: hands the Basic credentials to the operations and turns what they throw
/// into problem details. The operations throw the same <c>FaultException&lt;ServiceFault&gt;</c> for both faces; this
/// is the JSON face's counterpart of <c>SoapFaultTransformer</c>.
/// </summary>
public sealed partial class RestGate(RequestDelegate next, ILogger<RestGate> logger)
{
    public const string Prefix = "/api";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var credentials = context.RequestServices.GetRequiredService<RequestCredentials>();
        BasicCredentials.Read(context.Request, credentials);
        try
        {
            await next(context);
            if (!context.Response.HasStarted && RefusalOf(context) is { } refusal)
            {
                // Routing and body binding refuse these without a word; say why, with a code like any other problem.
                await WriteAsync(context, Problems.From(refusal) with { Status = context.Response.StatusCode });
            }
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            var problem = Problems.From(Describe(context, exception, context.TraceIdentifier, credentials));
            // Kestrel knows better than 400 for a body of the wrong media type (415) or size (413).
            await WriteAsync(context, exception is BadHttpRequestException bad ? problem with { Status = bad.StatusCode } : problem);
        }
    }

    private static Task WriteAsync(HttpContext context, Problem problem)
    {
        RequestOutcome.Of(context)?.Failed(problem.Code, problem.Detail);
        return Problems.WriteAsync(context, problem);
    }

    private static ServiceFault? RefusalOf(HttpContext context)
    {
        var request = context.Request;
        var (code, message) = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound when context.GetEndpoint() is null =>
                (ErrorCode.NotFound, $"There is no route {request.Method} {request.Path}."),
            StatusCodes.Status405MethodNotAllowed =>
                (ErrorCode.MalformedRequest, $"{request.Method} is not allowed on {request.Path}; it takes {context.Response.Headers.Allow}."),
            StatusCodes.Status415UnsupportedMediaType =>
                (ErrorCode.MalformedRequest, $"Send the body as application/json; the Content-Type was '{request.ContentType}'."),
            _ => (default(ErrorCode?), ""),
        };
        return code is null ? null : new ServiceFault { Code = code.Value, Message = message, CorrelationId = context.TraceIdentifier };
    }

    private ServiceFault Describe(HttpContext context, Exception exception, string correlationId, RequestCredentials credentials)
    {
        switch (exception)
        {
            case FaultException<ServiceFault> declared:
                var fault = declared.Detail;
                if (fault.Code == ErrorCode.Unauthenticated && credentials.Value is null && credentials.Problem is null)
                {
                    // The operation's message names the SOAP header; over HTTP the credentials go elsewhere.
                    fault = new ServiceFault { Code = fault.Code, Message = "This operation needs HTTP Basic credentials in the Authorization header." };
                }

                LogDeclaredFault(fault.Code, fault.Message, correlationId);
                fault.CorrelationId = correlationId;
                return fault;

            // Unreadable JSON, a body of the wrong media type or a query value of the wrong type: the client's to fix.
            case BadHttpRequestException or JsonException:
                var reason = BindingProblems.Describe(context, exception);
                LogDeclaredFault(ErrorCode.MalformedRequest, reason, correlationId);
                return new ServiceFault { Code = ErrorCode.MalformedRequest, Message = reason, CorrelationId = correlationId };

            case StoreUnavailableException:
                LogUnavailable(exception, correlationId);
                return Faults.Unavailable(correlationId);

            default:
                LogUnexpected(exception, correlationId);
                return Faults.InternalError(correlationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Problem {Code}: {Reason} (correlation id {CorrelationId})")]
    private partial void LogDeclaredFault(ErrorCode code, string reason, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is unavailable; answered with an Unavailable problem (correlation id {CorrelationId})")]
    private partial void LogUnavailable(Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error; answered with an InternalError problem (correlation id {CorrelationId})")]
    private partial void LogUnexpected(Exception exception, string correlationId);
}
