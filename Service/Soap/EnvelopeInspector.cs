using System.Text;
using System.Xml;

namespace TweetsSoap.Service.Soap;

/// <summary>What is wrong with an envelope before SoapCore reads it, if anything.</summary>
public sealed record EnvelopeProblem(SoapFaultCode Code, string Reason);

/// <summary>
/// Reads a buffered request once with a locked-down reader before SoapCore sees it: no DTD, no entity, no
/// resolver (so nothing is ever fetched), strict decoding, bounded shape; then checks what SOAP asks of the
/// envelope itself: its version, one Body, and no unknown header that must be understood.
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

    public static EnvelopeProblem? Inspect(byte[] body, int length, Encoding encoding, string envelopeNamespace, SoapLimitsOptions limits)
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
            return Walk(reader, envelopeNamespace, limits);
        }
        catch (XmlException e)
        {
            return Malformed($"The request is not well-formed XML, or uses a DTD (never accepted): {e.Message}");
        }
        catch (DecoderFallbackException)
        {
            return Malformed($"The request body is not valid {encoding.WebName}.");
        }
    }

    private static EnvelopeProblem? Walk(XmlReader reader, string envelopeNamespace, SoapLimitsOptions limits)
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
        do
        {
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
                inHeader = reader.LocalName == "Header" && reader.NamespaceURI == envelopeNamespace && bodies == 0;
                if (reader.LocalName == "Body" && reader.NamespaceURI == envelopeNamespace && ++bodies > 1)
                {
                    return Malformed("The envelope has more than one Body.");
                }
            }
            else if (reader.Depth == 2 && inHeader && MustUnderstandUnknown(reader, envelopeNamespace))
            {
                return new EnvelopeProblem(SoapFaultCode.MustUnderstand,
                    $"The header {{{reader.NamespaceURI}}}{reader.LocalName} is marked mustUnderstand, and this service does not process it; the only header it understands is {{{Wsse}}}Security.");
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

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";

    private static EnvelopeProblem Malformed(string reason) => new(SoapFaultCode.Sender, reason);
}
