using System.Collections.Frozen;
using System.ServiceModel;
using System.ServiceModel.Channels;
using SoapCore.Extensibility;
using TweetsSoap.Service.Requests;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// Answers the ordinary SOAP call itself instead of handing it to SoapCore, which copies the body twice, builds
/// serializers and resolves its extension points on every call and buffers the answer before copying it out. A call
/// qualifies when <see cref="SoapRequestGuard"/> has already read and inspected it, it is UTF-8, names a declared
/// action, carries no header other than a WS-Security UsernameToken, and every argument reads cleanly. Anything else,
/// including every request that will end in a fault before the operation runs, goes on to SoapCore untouched, so
/// those answers stay exactly as the wire tests pin them. Faults thrown by the operation go through the same
/// <see cref="IFaultExceptionTransformer"/> SoapCore uses.
/// </summary>
public sealed class SoapFastPath(RequestDelegate next, IFaultExceptionTransformer faults)
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, FastOperation>> OperationsByPath =
        SoapEndpoint.All.ToFrozenDictionary(e => e.Path, e => FastOperation.ForContract(e.Contract), StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<BufferedEnvelope>() is not { } envelope
            || envelope.Encoding.WebName != "utf-8"
            || SoapEndpoint.Find(context.Request.Path, out _) is not { } endpoint
            || SoapMessageGate.RequestedAction(context.Request, envelope.Version) is not { } action
            || !OperationsByPath[endpoint.Path].TryGetValue(action, out var operation)
            || FastRequest.TryRead(envelope, operation) is not { } request)
        {
            await next(context);
            return;
        }

        if (RequestOutcome.Of(context) is { } outcome)
        {
            outcome.Operation = operation.Name;
        }

        var credentials = SoapMessageGate.CallerOf(context);
        if (request.Security is { } security)
        {
            UsernameTokenHeader.Read(security, credentials);
        }

        var version = envelope.Version == EnvelopeVersion.Soap11 ? MessageVersion.Soap11 : MessageVersion.Soap12;
        try
        {
            var service = context.RequestServices.GetRequiredService(endpoint.Contract);
            var call = operation.Invoke(service, request.Arguments);
            await call;
            await FastResponse.WriteResultAsync(context, envelope.Version, operation, operation.ResultOf?.Invoke(call));
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var fault = faults.ProvideFault(exception, version, null!, null!);
            var status = fault.Properties.TryGetValue(HttpResponseMessageProperty.Name, out var property) && property is HttpResponseMessageProperty http
                ? (int)http.StatusCode
                : StatusCodes.Status500InternalServerError;
            await FastResponse.WriteFaultAsync(context, version, status, fault);
        }
    }
}
