using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.ServiceModel;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Requests;
using TweetsSoap.Service.Soap.Faults;
using TweetsSoap.Service.Soap.Security;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// Answers every request to a SOAP endpoint's address except the GET of its WSDL, which goes on to SoapCore. A POST is
/// read once, at most up to the size limit, by <see cref="SoapRequestReader"/> (hardening, headers, dispatch and
/// arguments in one pass); the operation runs; <see cref="SoapResponseWriter"/> writes the result or the fault.
/// Anything that is not a SOAP message gets a plain HTTP error that says what to send instead: in particular
/// SoapCore's <c>GET /X.svc/Operation?arg=..</c> and form posts, which would skip the WS-Security check, get 404.
/// </summary>
public sealed partial class SoapPipeline(
    RequestDelegate next,
    IOptions<SoapLimitsOptions> options,
    EnvelopeLog envelopeLog,
    SoapFaultTransformer faults,
    SecurityLog securityLog,
    TimeProvider time,
    ILogger<SoapPipeline> logger)
{
    public const string Soap11MediaType = "text/xml";
    public const string Soap12MediaType = "application/soap+xml";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, SoapOperation>> OperationsByPath =
        SoapEndpoint.All.ToFrozenDictionary(e => e.Path, e => SoapOperation.ForContract(e.Contract), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The Content-Types toolkits send without an action parameter, parsed once (read-only): parsing one costs a
    /// dozen objects per request. Any other value is parsed as it comes.
    /// </summary>
    private static readonly FrozenDictionary<string, MediaTypeHeaderValue> CommonContentTypes = new[]
    {
        Soap11MediaType, $"{Soap11MediaType}; charset=utf-8", $"{Soap11MediaType};charset=utf-8", $"{Soap11MediaType}; charset=UTF-8",
        $"{Soap11MediaType};charset=UTF-8", $"{Soap11MediaType}; charset=\"utf-8\"",
        Soap12MediaType, $"{Soap12MediaType}; charset=utf-8", $"{Soap12MediaType};charset=utf-8", $"{Soap12MediaType}; charset=UTF-8",
    }.ToFrozenDictionary(value => value, value => MediaTypeHeaderValue.Parse(value).CopyAsReadOnly(), StringComparer.Ordinal);

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

        if (!TryParseContentType(request.ContentType, out var contentType)
            || !(contentType.MediaType.Equals(Soap11MediaType, StringComparison.OrdinalIgnoreCase)
                 || contentType.MediaType.Equals(Soap12MediaType, StringComparison.OrdinalIgnoreCase)))
        {
            await Refuse(context, StatusCodes.Status415UnsupportedMediaType,
                $"Send SOAP 1.1 as {Soap11MediaType} or SOAP 1.2 as {Soap12MediaType}; the Content-Type was '{request.ContentType}'.");
            return;
        }

        var version = contentType.MediaType.Equals(Soap11MediaType, StringComparison.OrdinalIgnoreCase) ? EnvelopeVersion.Soap11 : EnvelopeVersion.Soap12;
        if (request.ContentLength > _limits.MaxRequestBytes
            || await RequestBody.ReadAsync(request, _limits.MaxRequestBytes, context.RequestAborted) is not var (buffer, length))
        {
            await Refuse(context, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the {_limits.MaxRequestBytes} bytes this service accepts.");
            return;
        }

        try
        {
            envelopeLog.Request(context, buffer, length);
            var encoding = RequestBody.EncodingOf(contentType.Charset.HasValue ? contentType.Charset.Value : null, buffer.AsSpan(0, length), out var encodingProblem);
            if (encoding is null)
            {
                await Refuse(context, StatusCodes.Status415UnsupportedMediaType, encodingProblem!);
                return;
            }

            var envelope = new BufferedEnvelope(buffer, length, encoding, version);
            var action = RequestedAction(contentType, request, version, endpoint);
            await (envelopeLog.Enabled ? AnswerLoggedAsync(context, endpoint, envelope, action) : AnswerAsync(context, endpoint, envelope, action));
        }
        finally
        {
            // Nothing the answer keeps refers to the body: the request's values and its Security header are copies.
            RequestBody.Return(buffer);
        }
    }

    private static bool TryParseContentType(string? value, [NotNullWhen(true)] out MediaTypeHeaderValue? contentType)
    {
        if (value is not null && CommonContentTypes.TryGetValue(value, out contentType))
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParse(value, out contentType);
    }

    private Task AnswerLoggedAsync(HttpContext context, SoapEndpoint endpoint, BufferedEnvelope envelope, string? action) =>
        envelopeLog.CaptureResponseAsync(context, () => AnswerAsync(context, endpoint, envelope, action));

    private async Task AnswerAsync(HttpContext context, SoapEndpoint endpoint, BufferedEnvelope envelope, string? action)
    {
        SoapRequest request;
        try
        {
            request = SoapRequestReader.Read(envelope, endpoint, OperationsByPath[endpoint.Path], action, _limits);
        }
        catch (EnvelopeProblem problem)
        {
            LogRefused(problem.Code, problem.Message, context.TraceIdentifier);
            var fault = problem.Code is SoapFaultCode.Sender
                ? new FaultBodyWriter(envelope.Version, new ServiceFault { Code = ErrorCode.MalformedRequest, Message = problem.Message, CorrelationId = context.TraceIdentifier })
                : FaultBodyWriter.EnvelopeFault(envelope.Version, problem.Code, problem.Message);
            if (problem.Code is SoapFaultCode.Sender)
            {
                RequestOutcome.Of(context)?.Failed(ErrorCode.MalformedRequest, problem.Message);
            }

            await SoapResponseWriter.WriteFaultAsync(context, envelope.Version, fault, header: null);
            return;
        }
        catch (Exception unexpected)
        {
            await SoapResponseWriter.WriteFaultAsync(context, envelope.Version, faults.Translate(unexpected, context, envelope.Version), header: null);
            return;
        }

        RequestOutcome.Of(context)?.Operation = request.Operation?.Name;
        var credentials = context.RequestServices.GetRequiredService<RequestCredentials>();
        var now = time.GetUtcNow();
        var stale = request.Security is { } security ? SecurityTimestamp.Problem(security, now) : null;
        if (request.Security is not null)
        {
            UsernameTokenHeader.Read(request.Security, credentials);
        }

        var header = request.AsksForTimestamp ? new SecurityTimestampHeader(now) : null;
        try
        {
            if (request.Problem is { } problem)
            {
                throw problem;
            }

            if (stale is not null)
            {
                securityLog.CredentialsRefused(credentials.ClientAddress, stale, credentials.CorrelationId);
                throw OperationException.Unauthenticated(stale).InSecurityLog();
            }

            var operation = request.Operation!;
            var service = context.RequestServices.GetRequiredService(endpoint.Contract);
            var call = operation.Invoke(service, request.Arguments!);
            await call;
            await SoapResponseWriter.WriteResultAsync(context, envelope.Version, operation, operation.ResultOf?.Invoke(call), header);
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            await SoapResponseWriter.WriteFaultAsync(context, envelope.Version, faults.Translate(exception, context, envelope.Version), header);
        }
    }

    /// <summary>
    /// The SOAPAction header (SOAP 1.1) or the action parameter of the Content-Type (SOAP 1.2), unquoted; one of the
    /// endpoint's actions comes back as the endpoint's own string, so a known action costs no copy.
    /// </summary>
    private static string? RequestedAction(MediaTypeHeaderValue contentType, HttpRequest request, EnvelopeVersion version, SoapEndpoint endpoint)
    {
        var action = version == EnvelopeVersion.Soap11 ? SoapActionHeader(request) : ActionParameter(contentType) ?? SoapActionHeader(request);
        var unquoted = action.AsSpan().Trim().Trim('"');
        if (unquoted.IsEmpty)
        {
            return null;
        }

        return endpoint.Actions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(unquoted, out var known) ? known : unquoted.ToString();
    }

    private static string? SoapActionHeader(HttpRequest request) =>
        request.Headers.TryGetValue("SOAPAction", out var values) && values.Count > 0 ? values[0] : null;

    private static string? ActionParameter(MediaTypeHeaderValue contentType)
    {
        foreach (var parameter in contentType.Parameters)
        {
            if (parameter.Name.Equals("action", StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value.ToString();
            }
        }

        return null;
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
