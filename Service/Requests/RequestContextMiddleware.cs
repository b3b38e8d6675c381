using TweetsSoap.Contracts;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Operations;

namespace TweetsSoap.Service.Requests;

/// <summary>
/// Gives every request its <see cref="RequestContext"/> and hands the address and correlation id to the request's
/// credentials, so the login throttle and the security log see the same client on the SOAP and the JSON face, and the
/// request's cancellation to the operations (<see cref="CallCancellation"/>). It also
/// writes the one security event that depends on the outcome rather than on the credentials: a forbidden attempt.
/// </summary>
public sealed class RequestContextMiddleware(RequestDelegate next, SecurityLog securityLog)
{
    public Task InvokeAsync(HttpContext context)
    {
        var credentials = context.RequestServices.GetRequiredService<RequestCredentials>();
        var request = new RequestContext(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.TraceIdentifier, credentials);
        credentials.ClientAddress = request.ClientAddress;
        credentials.CorrelationId = request.CorrelationId;
        context.RequestServices.GetRequiredService<CallCancellation>().Token = context.RequestAborted;
        context.Features.Set(request);
        context.Response.OnStarting(() =>
        {
            if (request.Outcome.FaultCode == nameof(ErrorCode.Forbidden))
            {
                securityLog.Forbidden(request.Caller, request.ClientAddress, request.Outcome.FaultMessage ?? "", request.CorrelationId);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class RequestContextSetup
{
    /// <summary>First in the pipeline: forwarded headers (from trusted proxies only), then the request context.</summary>
    public static WebApplication UseRequestContext(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestContextMiddleware>();
        return app;
    }
}
