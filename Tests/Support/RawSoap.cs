using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace TweetsSoap.Tests.Support;

/// <summary>Posts hand-written envelopes and reads the raw XML that comes back, as SoapUI and curl users do.</summary>
public static class RawSoap
{
    public const string Ns = "http://tweetssoap.example/2026/11";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Tns = Ns;

    public static string Action(string service, string operation) => $"{Ns}/{service}/{operation}";

    /// <summary>A whole envelope of the given version around <paramref name="body"/> (and <paramref name="header"/>).</summary>
    public static string Envelope(SoapVersion version, string body, string header = "") =>
        $"""<s:Envelope xmlns:s="{(version == SoapVersion.Soap11 ? Soap11 : Soap12)}">{(header.Length > 0 ? $"<s:Header>{header}</s:Header>" : "")}<s:Body>{body}</s:Body></s:Envelope>""";

    /// <summary>A PasswordText UsernameToken, with a <c>wsse:Nonce</c> and a <c>wsu:Created</c> when given.</summary>
    public static string UsernameToken(string username, string password, string? nonce = null, DateTimeOffset? created = null) =>
        $"""<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsse:UsernameToken><wsse:Username>{username}</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">{password}</wsse:Password>"""
        + (nonce is null ? "" : $"""<wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">{nonce}</wsse:Nonce>""")
        + (created is { } c ? $"<wsu:Created>{c.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture)}</wsu:Created>" : "")
        + "</wsse:UsernameToken></wsse:Security>";

    /// <summary>Posts <paramref name="envelope"/> with the Content-Type and action headers of <paramref name="version"/>.</summary>
    public static async Task<RawResponse> PostAsync(HttpClient http, string path, SoapVersion version, string? action, string envelope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(envelope, Encoding.UTF8) };
        if (version == SoapVersion.Soap11)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
            if (action is not null)
            {
                request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{action}\"");
            }
        }
        else
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(
                action is null ? "application/soap+xml; charset=utf-8" : $"application/soap+xml; charset=utf-8; action=\"{action}\"");
        }

        return await SendAsync(http, request);
    }

    /// <summary>Posts raw bytes with exactly the Content-Type given (none when null) and, for SOAP 1.1, a SOAPAction.</summary>
    public static async Task<RawResponse> PostBytesAsync(HttpClient http, string path, string? contentType, byte[] body, string? soapAction = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (soapAction is not null)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{soapAction}\"");
        }

        return await SendAsync(http, request);
    }

    private static async Task<RawResponse> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}

public sealed record RawResponse(HttpStatusCode Status, string? ContentType, string Body)
{
    public XDocument Xml => XDocument.Parse(Body);

    /// <summary>The fault's code as a namespace-resolved name, read the way each SOAP version writes it.</summary>
    public XName FaultCode
    {
        get
        {
            var fault = Xml.Descendants().Single(e => e.Name.LocalName == "Fault");
            var code = fault.Element("faultcode") ?? fault.Element(RawSoap.Soap12 + "Code")!.Element(RawSoap.Soap12 + "Value")!;
            var (prefix, local) = code.Value.Split(':') is [var p, var l] ? (p, l) : ("", code.Value);
            return code.GetNamespaceOfPrefix(prefix)! + local;
        }
    }

    public XName? FaultSubcode
    {
        get
        {
            var value = Xml.Descendants(RawSoap.Soap12 + "Subcode").SingleOrDefault()?.Element(RawSoap.Soap12 + "Value");
            if (value is null)
            {
                return null;
            }

            var parts = value.Value.Split(':');
            return value.GetNamespaceOfPrefix(parts[0])! + parts[1];
        }
    }

    public string FaultReason => Xml.Descendants().Single(e => e.Name.LocalName is "faultstring" or "Text").Value;

    public string? DetailCode => Xml.Descendants(RawSoap.Tns + "ServiceFault").SingleOrDefault()?.Element(RawSoap.Tns + "Code")?.Value;
}
