using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Xml;

namespace TweetsSoap.Service.Soap;

/// <summary>
/// Writes the fast path's answers byte for byte as SoapCore would (same envelope namespaces, no XML declaration,
/// same Content-Type and Content-Length), into a pooled buffer that is handed to the response in one write.
/// </summary>
public static class FastResponse
{
    private const string Xsd = "http://www.w3.org/2001/XMLSchema";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    // As SoapCore's encoder writes (OmitXmlDeclaration, CheckXmlCharacters and NormalizeNewLines at their defaults).
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = false,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
        CheckCharacters = true,
        NewLineHandling = NewLineHandling.Replace,
    };

    public static Task WriteResultAsync(HttpContext context, EnvelopeVersion version, FastOperation operation, object? result) =>
        WriteAsync(context, version, StatusCodes.Status200OK, writer =>
        {
            var soap = version == EnvelopeVersion.Soap11 ? FaultBodyWriter.Soap11Namespace : FaultBodyWriter.Soap12Namespace;
            writer.WriteStartElement("s", "Envelope", soap);
            writer.WriteXmlnsAttribute("s", soap);
            writer.WriteXmlnsAttribute("xsd", Xsd);
            writer.WriteXmlnsAttribute("xsi", Xsi);
            writer.WriteStartElement("s", "Body", soap);
            writer.WriteStartElement(operation.ResponseName, operation.Namespace);
            if (result is not null)
            {
                operation.Result!.WriteObject(writer, result);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

    public static Task WriteFaultAsync(HttpContext context, MessageVersion version, int status, Message fault) =>
        WriteAsync(context, version.Envelope, status, fault.WriteMessage);

    private static async Task WriteAsync(HttpContext context, EnvelopeVersion version, int status, Action<XmlDictionaryWriter> write)
    {
        var buffer = new PooledBuffer();
        try
        {
            using (var xml = XmlWriter.Create(buffer, Settings))
            using (var writer = XmlDictionaryWriter.CreateDictionaryWriter(xml))
            {
                write(writer);
                writer.WriteEndDocument();
            }

            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = version == EnvelopeVersion.Soap11
                ? $"{SoapRequestGuard.Soap11MediaType}; charset=utf-8"
                : $"{SoapRequestGuard.Soap12MediaType}; charset=utf-8";
            response.ContentLength = buffer.Length;
            await response.Body.WriteAsync(buffer.Written, context.RequestAborted);
        }
        finally
        {
            buffer.Return();
        }
    }
}
