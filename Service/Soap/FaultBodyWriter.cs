using System.Runtime.Serialization;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;
using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// Writes a <c>soap:Fault</c> body by hand, in the shape each SOAP version prescribes. The WCF client library's
/// public surface cannot build a fault with a detail and a subcode, and SoapCore's own writer sends the SOAP 1.2
/// code <c>Sender</c> inside SOAP 1.1 envelopes.
/// </summary>
public sealed class FaultBodyWriter(EnvelopeVersion envelope, ServiceFault detail) : BodyWriter(isBuffered: true)
{
    private static readonly DataContractSerializer DetailSerializer = new(typeof(ServiceFault));

    /// <summary>Everything but the server's own failures is the client's to fix.</summary>
    public bool IsSenderFault => detail.Code is not (ErrorCode.InternalError or ErrorCode.Unavailable);

    protected override void OnWriteBodyContents(XmlDictionaryWriter writer)
    {
        var ns = envelope == EnvelopeVersion.Soap11 ? Soap11Namespace : Soap12Namespace;
        writer.WriteStartElement("Fault", ns);
        var prefix = writer.LookupPrefix(ns);
        if (envelope == EnvelopeVersion.Soap11)
        {
            // SOAP 1.1 knows only Client and Server here; faultcode and friends are unqualified.
            writer.WriteElementString("faultcode", "", $"{prefix}:{(IsSenderFault ? "Client" : "Server")}");
            writer.WriteStartElement("faultstring", "");
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteString(detail.Message);
            writer.WriteEndElement();
            writer.WriteStartElement("detail", "");
        }
        else
        {
            writer.WriteStartElement("Code", ns);
            writer.WriteElementString("Value", ns, $"{prefix}:{(IsSenderFault ? "Sender" : "Receiver")}");
            writer.WriteStartElement("Subcode", ns);
            writer.WriteStartElement("Value", ns);
            writer.WriteXmlnsAttribute("t", Namespaces.V1);
            writer.WriteString($"t:{detail.Code}");
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement("Reason", ns);
            writer.WriteStartElement("Text", ns);
            writer.WriteAttributeString("xml", "lang", null, "en");
            writer.WriteString(detail.Message);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement("Detail", ns);
        }

        DetailSerializer.WriteObject(writer, detail);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private const string Soap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Soap12Namespace = "http://www.w3.org/2003/05/soap-envelope";
}
