using Microsoft.Net.Http.Headers;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// Stands in front of SoapCore and lets through only what a SOAP endpoint should answer: GET of the service
/// address (the WSDL) and POST of a SOAP 1.1 or 1.2 envelope to it. SoapCore would also run operations for
/// <c>GET /X.svc/Operation?arg=..</c> and form posts, skipping the WS-Security check: those get 404 here.
/// Requests that carry no readable envelope get a plain HTTP error that says what to send instead.
/// </summary>
public sealed class SoapRequestGuard(RequestDelegate next)
{
    public const string Soap11MediaType = "text/xml";
    public const string Soap12MediaType = "application/soap+xml";

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = SoapEndpoint.Find(context.Request.Path, out var remaining);
        if (endpoint is null)
        {
            return next(context);
        }

        var request = context.Request;
        if (remaining.HasValue && remaining != "/")
        {
            return Refuse(context, StatusCodes.Status404NotFound,
                $"Operations are not resources: POST a SOAP envelope to {endpoint.Path}; the contract is at {endpoint.Path}?wsdl.");
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD, POST";
            return Refuse(context, StatusCodes.Status405MethodNotAllowed,
                $"{endpoint.Path} answers GET (the WSDL) and POST (SOAP messages).");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !(contentType.MediaType.Equals(Soap11MediaType, StringComparison.OrdinalIgnoreCase)
                 || contentType.MediaType.Equals(Soap12MediaType, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse(context, StatusCodes.Status415UnsupportedMediaType,
                $"Send SOAP 1.1 as {Soap11MediaType} or SOAP 1.2 as {Soap12MediaType}; the Content-Type was '{request.ContentType}'.");
        }

        return next(context);
    }

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }
}
