using System.Runtime.Serialization;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Xml;
using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Soap.Faults;

/// <summary>The fault codes SOAP itself defines, named per version when written.</summary>
public enum SoapFaultCode
{
    /// <summary>SOAP 1.1 <c>Client</c>, SOAP 1.2 <c>Sender</c>.</summary>
    Sender,

    /// <summary>SOAP 1.1 <c>Server</c>, SOAP 1.2 <c>Receiver</c>.</summary>
    Receiver,

    /// <summary>The envelope is not of the SOAP version the request's Content-Type names.</summary>
    VersionMismatch,

    /// <summary>A header marked <c>mustUnderstand</c> is one this service does not process.</summary>
    MustUnderstand,
}

/// <summary>
/// Writes a <c>soap:Fault</c> body by hand, in the shape each SOAP version prescribes. The WCF client library's
/// public surface cannot build a fault with a detail and a subcode, and SoapCore's own writer sends the SOAP 1.2
/// code <c>Sender</c> inside SOAP 1.1 envelopes.
/// </summary>
/// <remarks>
/// Declared faults carry a <see cref="ServiceFault"/> detail. <c>VersionMismatch</c> and <c>MustUnderstand</c>
/// faults are about the envelope and its headers, not the body, so, as SOAP 1.1 §4.4 asks, they have no detail;
/// every SOAP toolkit knows these codes without the WSDL declaring them.
/// </remarks>
public sealed class FaultBodyWriter : BodyWriter
{
    private static readonly DataContractSerializer DetailSerializer = new(typeof(ServiceFault));

    private readonly EnvelopeVersion _envelope;
    private readonly SoapFaultCode _code;
    private readonly string _reason;
    private readonly ServiceFault? _detail;

    /// <summary>A declared fault: everything but the server's own failures is the client's to fix.</summary>
    public FaultBodyWriter(EnvelopeVersion envelope, ServiceFault detail)
        : this(envelope, detail.Code is ErrorCode.InternalError or ErrorCode.Unavailable ? SoapFaultCode.Receiver : SoapFaultCode.Sender, detail.Message, detail)
    {
    }

    private FaultBodyWriter(EnvelopeVersion envelope, SoapFaultCode code, string reason, ServiceFault? detail) : base(isBuffered: true)
    {
        _envelope = envelope;
        _code = code;
        _reason = XmlSafe(reason);
        _detail = detail;
        if (detail is not null)
        {
            detail.Message = XmlSafe(detail.Message);
        }
    }

    /// <summary>Reasons may quote the client's input, which can hold characters that XML 1.0 cannot carry.</summary>
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append('\uFFFD');
            }
        }

        return safe.ToString();
    }

    /// <summary>A fault about the envelope or its headers, with no detail.</summary>
    public static FaultBodyWriter EnvelopeFault(EnvelopeVersion envelope, SoapFaultCode code, string reason) => new(envelope, code, reason, null);

    protected override void OnWriteBodyContents(XmlDictionaryWriter writer)
    {
        var soap11 = _envelope == EnvelopeVersion.Soap11;
        var ns = soap11 ? Soap11Namespace : Soap12Namespace;
        writer.WriteStartElement("Fault", ns);
        var prefix = writer.LookupPrefix(ns);
        var code = _code switch
        {
            SoapFaultCode.Sender => soap11 ? "Client" : "Sender",
            SoapFaultCode.Receiver => soap11 ? "Server" : "Receiver",
            _ => _code.ToString(),
        };
        if (soap11)
        {
            // faultcode and friends are unqualified in SOAP 1.1.
            writer.WriteElementString("faultcode", "", $"{prefix}:{code}");
            writer.WriteStartElement("faultstring", "");
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteString(_reason);
            writer.WriteEndElement();
            if (_detail is not null)
            {
                writer.WriteStartElement("detail", "");
                DetailSerializer.WriteObject(writer, _detail);
                writer.WriteEndElement();
            }
        }
        else
        {
            writer.WriteStartElement("Code", ns);
            writer.WriteElementString("Value", ns, $"{prefix}:{code}");
            if (_detail is not null)
            {
                writer.WriteStartElement("Subcode", ns);
                writer.WriteStartElement("Value", ns);
                writer.WriteXmlnsAttribute("t", Namespaces.V1);
                writer.WriteString($"t:{_detail.Code}");
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteStartElement("Reason", ns);
            writer.WriteStartElement("Text", ns);
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteString(_reason);
            writer.WriteEndElement();
            writer.WriteEndElement();
            if (_detail is not null)
            {
                writer.WriteStartElement("Detail", ns);
                DetailSerializer.WriteObject(writer, _detail);
                writer.WriteEndElement();
            }
        }

        writer.WriteEndElement();
    }

    public const string Soap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12Namespace = "http://www.w3.org/2003/05/soap-envelope";
}
