using System.ServiceModel;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// Stands in front of SoapCore and lets through only what a SOAP endpoint should answer: GET of the service
/// address (the WSDL) and POST of a SOAP 1.1 or 1.2 envelope to it. SoapCore would also run operations for
/// <c>GET /X.svc/Operation?arg=..</c> and form posts, skipping the WS-Security check: those get 404 here.
/// Requests that carry no readable envelope get a plain HTTP error that says what to send instead. SoapCore copies
/// the whole body into memory before parsing it, so the body is read here first, at most up to the limit, and
/// inspected by <see cref="EnvelopeInspector"/> with a reader that cannot be talked into resolving anything.
/// </summary>
public sealed partial class SoapRequestGuard(RequestDelegate next, IOptions<SoapLimitsOptions> options, EnvelopeLog envelopeLog, ILogger<SoapRequestGuard> logger)
{
    public const string Soap11MediaType = "text/xml";
    public const string Soap12MediaType = "application/soap+xml";

    private readonly SoapLimitsOptions _limits = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = SoapEndpoint.Find(context.Request.Path, out var remaining);
        if (endpoint is null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        if (remaining.HasValue && remaining != "/")
        {
            await Refuse(context, StatusCodes.Status404NotFound,
                $"Operations are not resources: POST a SOAP envelope to {endpoint.Path}; the contract is at {endpoint.Path}?wsdl.");
            return;
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD, POST";
            await Refuse(context, StatusCodes.Status405MethodNotAllowed,
                $"{endpoint.Path} answers GET (the WSDL) and POST (SOAP messages).");
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !(contentType.MediaType.Equals(Soap11MediaType, StringComparison.OrdinalIgnoreCase)
                 || contentType.MediaType.Equals(Soap12MediaType, StringComparison.OrdinalIgnoreCase)))
        {
            await Refuse(context, StatusCodes.Status415UnsupportedMediaType,
                $"Send SOAP 1.1 as {Soap11MediaType} or SOAP 1.2 as {Soap12MediaType}; the Content-Type was '{request.ContentType}'.");
            return;
        }

        var envelope = contentType.MediaType.Equals(Soap11MediaType, StringComparison.OrdinalIgnoreCase) ? EnvelopeVersion.Soap11 : EnvelopeVersion.Soap12;
        await InspectEnvelopeAsync(context, endpoint, envelope, contentType.Charset.HasValue ? contentType.Charset.Value : null);
    }

    private async Task InspectEnvelopeAsync(HttpContext context, SoapEndpoint endpoint, EnvelopeVersion envelope, string? charset)
    {
        var request = context.Request;
        var tooLarge = $"The request body is larger than the {_limits.MaxRequestBytes} bytes this service accepts.";
        if (request.ContentLength > _limits.MaxRequestBytes)
        {
            await Refuse(context, StatusCodes.Status413PayloadTooLarge, tooLarge);
            return;
        }

        if (await RequestBody.ReadAsync(request, _limits.MaxRequestBytes, context.RequestAborted) is not var (buffer, length))
        {
            await Refuse(context, StatusCodes.Status413PayloadTooLarge, tooLarge);
            return;
        }

        envelopeLog.Request(context, buffer, length);
        var encoding = RequestBody.EncodingOf(charset, buffer.AsSpan(0, length), out var encodingProblem);
        if (encoding is null)
        {
            await Refuse(context, StatusCodes.Status415UnsupportedMediaType, encodingProblem!);
            return;
        }

        var envelopeNamespace = envelope == EnvelopeVersion.Soap11 ? FaultBodyWriter.Soap11Namespace : FaultBodyWriter.Soap12Namespace;
        if (EnvelopeInspector.Inspect(buffer, length, encoding, envelopeNamespace, _limits, endpoint) is { } problem)
        {
            LogRefused(problem.Code, problem.Reason, context.TraceIdentifier);
            await envelopeLog.CaptureResponseAsync(context, () => EnvelopeFaults.WriteAsync(context, envelope, problem));
            return;
        }

        request.Body = new MemoryStream(buffer, 0, length, writable: false);
        request.ContentLength = length;
        context.Features.Set(new BufferedEnvelope(buffer, length, encoding, envelope));
        await envelopeLog.CaptureResponseAsync(context, () => next(context));
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Envelope refused with {Code}: {Reason} (correlation id {CorrelationId})")]
    private partial void LogRefused(SoapFaultCode code, string reason, string correlationId);
}
