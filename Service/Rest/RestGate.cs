using System.Text.Json;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Requests;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// Runs around every <c>/api</c> request: hands the Basic credentials to the operations and turns what they throw
/// into problem details. What a failure means is <see cref="FailureClassifier"/>'s to decide, for both faces; this is
/// the JSON face's counterpart of <c>SoapFaultTransformer</c>.
/// </summary>
public sealed class RestGate(RequestDelegate next, FailureClassifier classifier)
{
    public const string Prefix = "/api";

    private static readonly JsonWording Wording = new();

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
            var problem = Problems.From(classifier.Classify(context, exception, Wording));
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

    private sealed class JsonWording : IFaceWording
    {
        public string CredentialsMissing => "This operation needs HTTP Basic credentials in the Authorization header.";

        /// <summary>Unreadable JSON, a body of the wrong media type or a query value of the wrong type: the client's to fix.</summary>
        public (string Sent, string Logged)? Unreadable(HttpContext context, Exception exception)
        {
            if (exception is not (BadHttpRequestException or JsonException))
            {
                return null;
            }

            var reason = BindingProblems.Describe(context, exception);
            return (reason, reason);
        }
    }
}
