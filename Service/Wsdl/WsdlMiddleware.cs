using System.Text;
using System.Xml;
using System.Xml.Linq;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Wsdl;

/// <summary>
/// Serves the contract documents of <see cref="ContractDocuments"/>: <c>X.svc?wsdl</c>, <c>X.svc?singleWsdl</c> and
/// the shared schemas under <c>/xsd/</c>. SoapCore 1.2.1.18 has no hook into the WSDL it writes, so each endpoint's
/// WSDL is asked of SoapCore once, through the rest of the pipeline, and rebuilt; each answer then only gets the
/// request's address and the security policy for its scheme.
/// </summary>
public sealed class WsdlMiddleware(RequestDelegate next)
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        NewLineChars = "\n",
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    private static readonly PathString SchemaPath = "/" + ContractDocuments.SchemaFolder;

    /// <summary>
    /// One generation per process: SoapCore's WCF metadata writer also numbers its <c>qN</c> prefixes with a static
    /// counter that every document resets, so two documents written at once would interleave it.
    /// </summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private ContractDocuments? _documents;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method))
        {
            await next(context);
            return;
        }

        XDocument? document = null;
        if (request.Path.StartsWithSegments(SchemaPath, StringComparison.OrdinalIgnoreCase, out var file) && file.HasValue)
        {
            document = (await DocumentsAsync(context)).Schema(file.Value.TrimStart('/'));
        }
        else if (SoapEndpoint.Find(request.Path, out var remaining) is { } endpoint && (!remaining.HasValue || remaining == "/"))
        {
            if (request.Query.ContainsKey("wsdl"))
            {
                document = Addressed((await DocumentsAsync(context)).Wsdl(endpoint), request, endpoint);
            }
            else if (request.Query.ContainsKey("singleWsdl"))
            {
                document = Addressed((await DocumentsAsync(context)).SingleWsdl(endpoint), request, endpoint);
            }
        }

        if (document is null)
        {
            await next(context);
            return;
        }

        var text = Serialize(document);
        context.Response.ContentType = "text/xml; charset=utf-8";
        context.Response.ContentLength = Encoding.UTF8.GetByteCount(text);
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>The document's text as served: indented, LF line ends, UTF-8 without a byte order mark.</summary>
    public static string Serialize(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The WSDL with the request's address on every port and the policy that address's scheme calls for.</summary>
    private static XDocument Addressed(XDocument wsdl, HttpRequest request, SoapEndpoint endpoint)
    {
        var location = $"{request.Scheme}://{request.Host}{request.PathBase}{endpoint.Path}";
        var ports = wsdl.Root!.Elements(WsdlSchemaCleanup.Wsdl + "service").Elements(WsdlSchemaCleanup.Wsdl + "port");
        foreach (var address in ports.Elements().Where(e => e.Name.LocalName == "address"))
        {
            address.SetAttributeValue("location", location);
        }

        SecurityPolicy.Apply(wsdl, endpoint, request.IsHttps);
        return Prefixes.Canonical(wsdl);
    }

    private async Task<ContractDocuments> DocumentsAsync(HttpContext context)
    {
        if (_documents is { } ready)
        {
            return ready;
        }

        await OneAtATime.WaitAsync(context.RequestAborted);
        try
        {
            if (_documents is null)
            {
                var generated = new List<(SoapEndpoint, XDocument)>();
                foreach (var endpoint in SoapEndpoint.All)
                {
                    generated.Add((endpoint, await GeneratedAsync(context, endpoint)));
                }

                _documents = new ContractDocuments(generated);
            }

            return _documents;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>The endpoint's WSDL as SoapCore writes it, asked of the rest of the pipeline without a client.</summary>
    private async Task<XDocument> GeneratedAsync(HttpContext context, SoapEndpoint endpoint)
    {
        using var body = new MemoryStream();
        var inner = new DefaultHttpContext { RequestServices = context.RequestServices };
        inner.Request.Method = HttpMethods.Get;
        inner.Request.Scheme = "http";
        inner.Request.Host = new HostString("localhost");
        inner.Request.Path = endpoint.Path;
        inner.Request.QueryString = new QueryString("?wsdl");
        inner.Response.Body = body;
        await next(inner);
        if (inner.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"SoapCore answered {inner.Response.StatusCode} for {endpoint.Path}?wsdl.");
        }

        body.Position = 0;
        return await XDocument.LoadAsync(body, LoadOptions.None, context.RequestAborted);
    }
}
