using System.Text;
using System.Xml;
using System.Xml.Linq;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Wsdl;

/// <summary>
/// Serves each endpoint's <c>?wsdl</c> as SoapCore generates it after <see cref="WsdlSchemaCleanup"/>. SoapCore
/// 1.2.1.18 has no hook into the schemas it writes, so the document is read back and repaired on its way out.
/// </summary>
public sealed class WsdlMiddleware(RequestDelegate next)
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        NewLineChars = "\n",
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>
    /// One WSDL generation at a time per process: SoapCore's WCF metadata writer numbers the <c>qN</c> prefixes with a
    /// static counter that every document resets, so two documents written at once (two hosts in one test run, or two
    /// clients) interleave it and the same contract comes out with other prefixes, which reads as contract drift.
    /// </summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method)
            || !request.Query.ContainsKey("wsdl")
            || SoapEndpoint.Find(request.Path, out var remaining) is not { } endpoint
            || remaining.HasValue && remaining != "/")
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var original = response.Body;
        using var generated = new MemoryStream();
        response.Body = generated;
        await OneAtATime.WaitAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            OneAtATime.Release();
            response.Body = original;
        }

        generated.Position = 0;
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            await generated.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var wsdl = await XDocument.LoadAsync(generated, LoadOptions.None, context.RequestAborted);
        WsdlSchemaCleanup.Apply(wsdl);
        OptionalParameters.Apply(wsdl, endpoint);
        var text = Serialize(Prefixes.Canonical(wsdl));
        response.ContentType = "text/xml; charset=utf-8";
        response.ContentLength = Encoding.UTF8.GetByteCount(text);
        await response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>The WSDL's text as served: indented, LF line ends, UTF-8 without a byte order mark.</summary>
    public static string Serialize(XDocument wsdl)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            wsdl.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
