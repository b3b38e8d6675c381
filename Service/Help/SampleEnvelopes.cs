using System.Runtime.Serialization;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Xml;
using TweetsSoap.Service.Soap.Pipeline;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Soap.Faults;

namespace TweetsSoap.Service.Help;

/// <summary>
/// Sample messages written by the same serializer the endpoints use (DataContractSerializer, document/literal
/// wrapped), so a sample is what the service reads and writes, not a hand-kept copy that drifts.
/// </summary>
public static class SampleEnvelopes
{
    public const string Soap11Namespace = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Soap12Namespace = "http://www.w3.org/2003/05/soap-envelope";

    public static string Request(EnvelopeVersion version, string ns, OperationModel operation) =>
        Envelope(version, writer =>
        {
            writer.WriteStartElement(operation.Name, ns);
            foreach (var parameter in operation.Parameters.Where(p => !SampleValues.LeaveOut(p)))
            {
                var value = SampleValues.For(parameter.Type, parameter.Name);
                new DataContractSerializer(parameter.Type, parameter.Name, ns).WriteObject(writer, value);
            }

            writer.WriteEndElement();
        });

    public static string Response(EnvelopeVersion version, string ns, OperationModel operation) =>
        Envelope(version, writer =>
        {
            writer.WriteStartElement(operation.Name + "Response", ns);
            if (operation.Result is { } result)
            {
                var value = SampleValues.For(result, result.Name);
                new DataContractSerializer(result, operation.Name + "Result", ns).WriteObject(writer, value);
            }

            writer.WriteEndElement();
        });

    /// <summary>A fault exactly as <see cref="FaultBodyWriter"/> puts it on the wire.</summary>
    public static string Fault(EnvelopeVersion version) =>
        Envelope(version, writer => new FaultBodyWriter(version, new ServiceFault
        {
            Code = ErrorCode.ValidationFailed,
            Message = "The text must be 1 to 280 characters long.",
            Fields = ["text"],
            CorrelationId = "0HNA1B2C3D4E5:00000001",
        }).WriteBodyContents(XmlDictionaryWriter.CreateDictionaryWriter(writer)));

    /// <summary>The HTTP headers that name the SOAP version and the operation.</summary>
    public static string Headers(EnvelopeVersion version, string path, string action) => version == EnvelopeVersion.Soap11
        ? $"POST {path} HTTP/1.1\nContent-Type: {SoapPipeline.Soap11MediaType}; charset=utf-8\nSOAPAction: \"{action}\""
        : $"POST {path} HTTP/1.1\nContent-Type: {SoapPipeline.Soap12MediaType}; charset=utf-8; action=\"{action}\"";

    private static string Envelope(EnvelopeVersion version, Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", OmitXmlDeclaration = true, NamespaceHandling = NamespaceHandling.OmitDuplicates };
        using (var writer = XmlWriter.Create(text, settings))
        {
            var ns = version == EnvelopeVersion.Soap11 ? Soap11Namespace : Soap12Namespace;
            writer.WriteStartElement("s", "Envelope", ns);
            writer.WriteStartElement("s", "Body", ns);
            body(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return text.ToString();
    }
}
