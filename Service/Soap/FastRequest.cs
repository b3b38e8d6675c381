using System.Runtime.Serialization;
using System.ServiceModel;
using System.Xml;
using System.Xml.Linq;

namespace TweetsSoap.Service.Soap;

/// <summary>The arguments and the WS-Security header of a request the fast path can take, read in one pass.</summary>
public sealed class FastRequest
{
    private static readonly XmlDictionaryReaderQuotas Quotas = SoapReaderQuotas.Create();

    private FastRequest(object?[] arguments, XElement? security)
    {
        Arguments = arguments;
        Security = security;
    }

    public object?[] Arguments { get; }

    public XElement? Security { get; }

    /// <summary>The request, or null when anything about it is unusual: SoapCore then handles it, faults included.</summary>
    public static FastRequest? TryRead(BufferedEnvelope envelope, FastOperation operation)
    {
        try
        {
            using var reader = XmlDictionaryReader.CreateTextReader(envelope.Buffer, 0, envelope.Length, envelope.Encoding, Quotas, onClose: null);
            return Read(reader, envelope.Version == EnvelopeVersion.Soap11 ? FaultBodyWriter.Soap11Namespace : FaultBodyWriter.Soap12Namespace, operation);
        }
        catch (Exception e) when (e is XmlException or SerializationException or FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static FastRequest? Read(XmlDictionaryReader reader, string soap, FastOperation operation)
    {
        reader.MoveToContent();
        if (!reader.IsStartElement("Envelope", soap))
        {
            return null;
        }

        reader.ReadStartElement();
        XElement? security = null;
        if (reader.IsStartElement("Header", soap))
        {
            if (!reader.IsEmptyElement)
            {
                reader.ReadStartElement();
                while (reader.MoveToContent() == XmlNodeType.Element)
                {
                    // A wsu:Timestamp asks for one back, which only the SoapCore path adds.
                    if (security is not null || !reader.IsStartElement("Security", UsernameTokenHeader.SecurityNamespace))
                    {
                        return null;
                    }

                    security = (XElement)XNode.ReadFrom(reader);
                    if (security.Element(XName.Get("Timestamp", UsernameTokenHeader.UtilityNamespace)) is not null)
                    {
                        return null;
                    }
                }

                reader.ReadEndElement();
            }
            else
            {
                reader.Read();
            }
        }

        if (reader.MoveToContent() != XmlNodeType.Element || !reader.IsStartElement("Body", soap) || reader.IsEmptyElement)
        {
            return null;
        }

        reader.ReadStartElement();
        if (reader.MoveToContent() != XmlNodeType.Element || !reader.IsStartElement(operation.Name, operation.Namespace))
        {
            return null;
        }

        var arguments = ReadArguments(reader, operation);
        if (arguments is null || reader.MoveToContent() != XmlNodeType.EndElement)
        {
            return null;
        }

        reader.ReadEndElement();
        return reader.MoveToContent() == XmlNodeType.EndElement ? new FastRequest(arguments, security) : null;
    }

    /// <summary>Arguments in declaration order, each at most once, none unknown; absent ones take their default.</summary>
    private static object?[]? ReadArguments(XmlDictionaryReader reader, FastOperation operation)
    {
        var parameters = operation.Parameters;
        var arguments = new object?[parameters.Count];
        var next = 0;
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            reader.ReadStartElement();
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                while (next < parameters.Count && !reader.IsStartElement(parameters[next].Name, operation.Namespace))
                {
                    arguments[next] = parameters[next].Default;
                    next++;
                }

                if (next == parameters.Count)
                {
                    return null;
                }

                arguments[next] = parameters[next].Serializer.ReadObject(reader, verifyObjectName: true) ?? parameters[next].Default;
                next++;
            }

            reader.ReadEndElement();
        }

        for (; next < parameters.Count; next++)
        {
            arguments[next] = parameters[next].Default;
        }

        return arguments;
    }
}
