using System.Text;
using System.Xml;

namespace TweetsSoap.Service.Soap;

/// <summary>What is wrong with an envelope before SoapCore reads it, if anything.</summary>
public sealed record EnvelopeProblem(SoapFaultCode Code, string Reason);

/// <summary>
/// Reads a buffered request once with a locked-down reader before SoapCore sees it: no DTD, no entity, no
/// resolver (so nothing is ever fetched), strict decoding, bounded shape; then checks what SOAP asks of the
/// envelope itself: its version, the Header (if any) before the one Body, exactly one operation in the Body (WS-I
/// Basic Profile R9981), nothing after the Body, no unknown header that must be understood; and that each argument
/// the contract types as a value (a UUID, an integer, text) is a value of that type and holds no elements, so that
/// neither the fast path nor SoapCore's serializer meets markup where it expects text.
/// </summary>
public static class EnvelopeInspector
{
    private const string Wsse = UsernameTokenHeader.SecurityNamespace;

    private static readonly HashSet<string> OurRoles = new(StringComparer.Ordinal)
    {
        "http://schemas.xmlsoap.org/soap/actor/next",
        "http://www.w3.org/2003/05/soap-envelope/role/next",
        "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver",
    };

    public static EnvelopeProblem? Inspect(byte[] body, int length, Encoding encoding, string envelopeNamespace, SoapLimitsOptions limits, SoapEndpoint endpoint)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CheckCharacters = true,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            MaxCharactersFromEntities = 1,
            MaxCharactersInDocument = length,
        };
        try
        {
            using var text = new StreamReader(new MemoryStream(body, 0, length, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
            using var reader = XmlReader.Create(text, settings);
            return Walk(reader, envelopeNamespace, limits, endpoint);
        }
        catch (XmlException e)
        {
            return Malformed(XmlProblems.Describe(e, encoding.GetString(body, 0, length)));
        }
        catch (DecoderFallbackException)
        {
            return Malformed($"The request body is not valid {encoding.WebName}.");
        }
    }

    private static EnvelopeProblem? Walk(XmlReader reader, string envelopeNamespace, SoapLimitsOptions limits, SoapEndpoint endpoint)
    {
        reader.MoveToContent();
        if (reader.LocalName != "Envelope")
        {
            return Malformed($"The root element is <{reader.Name}>; a SOAP request is an Envelope.");
        }

        if (reader.NamespaceURI != envelopeNamespace)
        {
            return new EnvelopeProblem(SoapFaultCode.VersionMismatch,
                $"The Envelope's namespace is '{reader.NamespaceURI}', but the Content-Type asks for the one of {envelopeNamespace}: send SOAP 1.1 ({FaultBodyWriter.Soap11Namespace}) as {SoapRequestGuard.Soap11MediaType} and SOAP 1.2 ({FaultBodyWriter.Soap12Namespace}) as {SoapRequestGuard.Soap12MediaType}.");
        }

        var bodies = 0;
        var inHeader = false;
        string? operation = null;
        var arguments = new ArgumentReader(endpoint);
        do
        {
            if (arguments.Read(reader) is { } argumentProblem)
            {
                return Malformed(argumentProblem);
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth + 1 > limits.MaxDepth)
            {
                return Malformed($"Elements nest deeper than {limits.MaxDepth} levels.");
            }

            if (reader.AttributeCount > limits.MaxAttributesPerElement)
            {
                return Malformed($"<{reader.Name}> has more than {limits.MaxAttributesPerElement} attributes.");
            }

            if (reader.Name.Length > limits.MaxNameLength || LongAttributeName(reader, limits.MaxNameLength))
            {
                return Malformed($"A name on or in <{Shorten(reader.Name)}> is longer than {limits.MaxNameLength} characters.");
            }

            if (reader.Depth == 1)
            {
                if (bodies > 0)
                {
                    return Malformed(reader.LocalName == "Header" && reader.NamespaceURI == envelopeNamespace
                        ? "The Header follows the Body; a SOAP envelope has its Header, if any, before the Body."
                        : reader.LocalName == "Body" && reader.NamespaceURI == envelopeNamespace
                            ? "The envelope has more than one Body."
                            : $"<{Shorten(reader.Name)}> follows the Body; nothing may follow the Body of a SOAP envelope (WS-I Basic Profile R1011).");
                }

                inHeader = reader.LocalName == "Header" && reader.NamespaceURI == envelopeNamespace;
                bodies += reader.LocalName == "Body" && reader.NamespaceURI == envelopeNamespace ? 1 : 0;
            }
            else if (reader.Depth == 2 && inHeader && MustUnderstandUnknown(reader, envelopeNamespace))
            {
                return new EnvelopeProblem(SoapFaultCode.MustUnderstand,
                    $"The header {{{reader.NamespaceURI}}}{reader.LocalName} is marked mustUnderstand, and this service does not process it; the only header it understands is {{{Wsse}}}Security.");
            }
            else if (reader.Depth == 2 && bodies == 1)
            {
                if (operation is not null)
                {
                    return Malformed($"The Body holds <{Shorten(operation)}> and <{Shorten(reader.Name)}>; a request carries exactly one operation element (WS-I Basic Profile R9981).");
                }

                operation = reader.Name;
                arguments.Begin(reader);
            }
        }
        while (reader.Read());

        return null;
    }

    private static bool MustUnderstandUnknown(XmlReader reader, string envelopeNamespace)
    {
        if (reader.LocalName == "Security" && reader.NamespaceURI == Wsse)
        {
            return false;
        }

        var mustUnderstand = reader.GetAttribute("mustUnderstand", envelopeNamespace)?.Trim();
        var role = reader.GetAttribute(envelopeNamespace == FaultBodyWriter.Soap11Namespace ? "actor" : "role", envelopeNamespace)?.Trim();
        return mustUnderstand is "1" or "true" && (string.IsNullOrEmpty(role) || OurRoles.Contains(role));
    }

    private static bool LongAttributeName(XmlReader reader, int max)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.Name.Length > max)
            {
                reader.MoveToElement();
                return true;
            }
        }

        reader.MoveToElement();
        return false;
    }

    internal static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";

    private static EnvelopeProblem Malformed(string reason) => new(SoapFaultCode.Sender, reason);
}
