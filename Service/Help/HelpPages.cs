using System.Collections.Concurrent;
using TweetsSoap.Service.Rest;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Help;

/// <summary>
/// Serves <c>GET /</c> (the list of services), <c>GET /X.svc</c> without a query (the service's help page, as
/// classic WCF did; <c>?wsdl</c> still reaches SoapCore) and the page's script and style.
/// </summary>
public sealed class HelpPages(RequestDelegate next)
{
    public const string ScriptPath = "/help/help.js";
    public const string StylePath = "/help/help.css";

    // Only what the pages use: their own script and style, and fetch() to this origin for the try-it panel.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly ConcurrentDictionary<string, string> Pages = new(StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.QueryString.HasValue)
        {
            return next(context);
        }

        if (request.Path == "/")
        {
            return Write(context, "text/html", Pages.GetOrAdd("/", _ => IndexPage.Render(ContractDocs.Shared, RestOperation.Routes(context.RequestServices.GetRequiredService<EndpointDataSource>()))));
        }

        if (request.Path == ScriptPath || request.Path == StylePath)
        {
            var asset = request.Path == ScriptPath ? ("help.js", "text/javascript") : ("help.css", "text/css");
            return Write(context, asset.Item2, Pages.GetOrAdd(asset.Item1, Resource));
        }

        var endpoint = SoapEndpoint.Find(request.Path, out var remaining);
        if (endpoint is not null && (!remaining.HasValue || remaining == "/"))
        {
            return Write(context, "text/html", Pages.GetOrAdd(endpoint.Path, _ => ServicePage.Render(endpoint, ContractDocs.Shared)));
        }

        return next(context);
    }

    private static Task Write(HttpContext context, string mediaType, string content)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.ContentType = mediaType + "; charset=utf-8";
        return context.Response.WriteAsync(content);
    }

    private static string Resource(string name)
    {
        using var stream = typeof(HelpPages).Assembly.GetManifestResourceStream($"TweetsSoap.Service.Help.{name}")
            ?? throw new InvalidOperationException($"The help page asset {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
