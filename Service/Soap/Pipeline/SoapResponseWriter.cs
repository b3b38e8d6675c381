using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Xml;
using TweetsSoap.Service.Http;
using TweetsSoap.Service.Soap.Faults;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// Writes every SOAP answer, results and faults alike: UTF-8 without an XML declaration, the version's Content-Type
/// and a Content-Length, into a pooled buffer that is handed to the response in one write, with an XML writer reused
/// from one answer to the next.
/// </summary>
public static class SoapResponseWriter
{
    private const string Xsd = "http://www.w3.org/2001/XMLSchema";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly MessageVersion Soap12 = MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None);

    private static readonly string Soap11ContentType = $"{SoapPipeline.Soap11MediaType}; charset=utf-8";
    private static readonly string Soap12ContentType = $"{SoapPipeline.Soap12MediaType}; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Task WriteResultAsync(HttpContext context, EnvelopeVersion version, SoapOperation operation, object? result, MessageHeader? header) =>
        WriteAsync(context, version, StatusCodes.Status200OK, header, (operation, result), static (writer, answer) =>
        {
            writer.WriteStartElement(answer.operation.ResponseName, answer.operation.Namespace);
            if (answer.result is not null && !TweetXml.TryWriteResult(writer, answer.operation, answer.result))
            {
                answer.operation.Result!.WriteObject(writer, answer.result);
            }

            writer.WriteEndElement();
        });

    /// <summary>
    /// Every fault goes with HTTP 500: WS-I Basic Profile R1126 asks it for SOAP 1.1, and for SOAP 1.2 the WCF client
    /// rejects a fault that comes with the 400 that SOAP 1.2 part 2 suggests for env:Sender.
    /// </summary>
    public static Task WriteFaultAsync(HttpContext context, EnvelopeVersion version, FaultBodyWriter fault, MessageHeader? header) =>
        WriteAsync(context, version, StatusCodes.Status500InternalServerError, header, fault, static (writer, fault) => fault.WriteBodyContents(writer));

    private static async Task WriteAsync<TState>(
        HttpContext context, EnvelopeVersion version, int status, MessageHeader? header, TState state, Action<XmlDictionaryWriter, TState> body)
    {
        var buffer = new PooledBuffer();
        try
        {
            WriteEnvelope(buffer, version, header, state, body);
            var response = context.Response;
            response.StatusCode = status;
            response.ContentType = version == EnvelopeVersion.Soap11 ? Soap11ContentType : Soap12ContentType;
            response.ContentLength = buffer.Length;
            await response.Body.WriteAsync(buffer.Written, context.RequestAborted);
        }
        finally
        {
            buffer.Return();
        }
    }

    private static void WriteEnvelope<TState>(PooledBuffer buffer, EnvelopeVersion version, MessageHeader? header, TState state, Action<XmlDictionaryWriter, TState> body)
    {
        var writer = ReusableXmlWriter.Take(buffer);
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
        body(writer, state);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Flush();
        // Only a writer that finished its envelope is reused; one that threw is dropped.
        ReusableXmlWriter.Release(writer);
    }

    /// <summary>
    /// The text writer WCF's and SoapCore's text encoders write messages with (<see cref="XmlDictionaryWriter.CreateTextWriter(Stream)"/>),
    /// kept per thread and pointed at each answer's buffer in turn as those encoders reuse theirs
    /// (<see cref="IXmlTextWriterInitializer"/>): creating one costs its buffers and scope stacks each time. Writing is
    /// synchronous from <see cref="Take"/> to <see cref="Release"/>, so no other answer can use the writer in between.
    /// </summary>
    private static class ReusableXmlWriter
    {
        [ThreadStatic]
        private static XmlDictionaryWriter? t_cached;

        public static XmlDictionaryWriter Take(Stream target)
        {
            var writer = t_cached;
            t_cached = null;
            if (writer is null)
            {
                return XmlDictionaryWriter.CreateTextWriter(target, Utf8, ownsStream: false);
            }

            ((IXmlTextWriterInitializer)writer).SetOutput(target, Utf8, ownsStream: false);
            return writer;
        }

        public static void Release(XmlDictionaryWriter writer) => t_cached = writer;
    }
}
