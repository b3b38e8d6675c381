using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Xml;
using TweetsSoap.Service.Http;
using TweetsSoap.Service.Soap.Faults;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// Writes every SOAP answer, results and faults alike: UTF-8 without an XML declaration, the version's Content-Type
/// and a Content-Length, into a pooled buffer that is handed to the response in one write.
/// </summary>
public static class SoapResponseWriter
{
    private const string Xsd = "http://www.w3.org/2001/XMLSchema";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly MessageVersion Soap12 = MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None);

    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = false,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
        CheckCharacters = true,
        NewLineHandling = NewLineHandling.Replace,
    };

    public static Task WriteResultAsync(HttpContext context, EnvelopeVersion version, SoapOperation operation, object? result, MessageHeader? header) =>
        WriteAsync(context, version, StatusCodes.Status200OK, header, writer =>
        {
            writer.WriteStartElement(operation.ResponseName, operation.Namespace);
            if (result is not null)
            {
                operation.Result!.WriteObject(writer, result);
            }

            writer.WriteEndElement();
        });

    /// <summary>
    /// Every fault goes with HTTP 500: WS-I Basic Profile R1126 asks it for SOAP 1.1, and for SOAP 1.2 the WCF client
    /// rejects a fault that comes with the 400 that SOAP 1.2 part 2 suggests for env:Sender.
    /// </summary>
    public static Task WriteFaultAsync(HttpContext context, EnvelopeVersion version, FaultBodyWriter fault, MessageHeader? header) =>
        WriteAsync(context, version, StatusCodes.Status500InternalServerError, header, fault.WriteBodyContents);

    private static async Task WriteAsync(HttpContext context, EnvelopeVersion version, int status, MessageHeader? header, Action<XmlDictionaryWriter> body)
    {
        var buffer = new PooledBuffer();
        try
        {
            using (var xml = XmlWriter.Create(buffer, Settings))
            using (var writer = XmlDictionaryWriter.CreateDictionaryWriter(xml))
            {
                var soap = version == EnvelopeVersion.Soap11 ? FaultBodyWriter.Soap11Namespace : FaultBodyWriter.Soap12Namespace;
                writer.WriteStartElement("s", "Envelope", soap);
                writer.WriteXmlnsAttribute("s", soap);
                writer.WriteXmlnsAttribute("xsd", Xsd);
                writer.WriteXmlnsAttribute("xsi", Xsi);
                if (header is not null)
                {
                    writer.WriteStartElement("s", "Header", soap);
                    header.WriteHeader(writer, version == EnvelopeVersion.Soap11 ? MessageVersion.Soap11 : Soap12);
                    writer.WriteEndElement();
                }

                writer.WriteStartElement("s", "Body", soap);
                body(writer);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndDocument();
            }

            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = version == EnvelopeVersion.Soap11
                ? $"{SoapPipeline.Soap11MediaType}; charset=utf-8"
                : $"{SoapPipeline.Soap12MediaType}; charset=utf-8";
            response.ContentLength = buffer.Length;
            await response.Body.WriteAsync(buffer.Written, context.RequestAborted);
        }
        finally
        {
            buffer.Return();
        }
    }
}
