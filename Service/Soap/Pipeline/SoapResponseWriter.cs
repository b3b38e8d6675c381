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

    // Fragment: the writer is reused, one envelope after another (ReusableXmlWriter); each is a whole document.
    private static readonly XmlWriterSettings Settings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        Indent = false,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
        CheckCharacters = true,
        NewLineHandling = NewLineHandling.Replace,
    };

    public static Task WriteResultAsync(HttpContext context, EnvelopeVersion version, SoapOperation operation, object? result, MessageHeader? header) =>
        WriteAsync(context, version, StatusCodes.Status200OK, header, (operation, result), static (writer, answer) =>
        {
            writer.WriteStartElement(answer.operation.ResponseName, answer.operation.Namespace);
            if (answer.result is not null)
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
        var xml = ReusableXmlWriter.Take(buffer);
        // A wrapper of its own for every answer: it numbers the prefixes it makes up by depth, from 0.
        var writer = XmlDictionaryWriter.CreateDictionaryWriter(xml.Writer);
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
        // Only a writer that finished its document is reused; one that threw is in its error state and is dropped.
        xml.Release();
    }

    /// <summary>
    /// An <see cref="XmlWriter"/> kept per thread and reused for every answer written on it, since creating one costs a
    /// 6 KB buffer and its scope stacks each time. It writes fragments (one envelope after another, each closed before
    /// the next starts), so the bytes are those the document writer wrote; each answer's are flushed to that answer's
    /// own buffer. Writing is synchronous from <see cref="Take"/> to <see cref="Release"/>, so no other answer can use
    /// the writer in between.
    /// </summary>
    private sealed class ReusableXmlWriter : Stream
    {
        [ThreadStatic]
        private static ReusableXmlWriter? t_cached;

        private Stream? _target;

        private ReusableXmlWriter()
        {
            Writer = XmlWriter.Create(this, Settings);
        }

        public XmlWriter Writer { get; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public static ReusableXmlWriter Take(Stream target)
        {
            var writer = t_cached ?? new ReusableXmlWriter();
            t_cached = null;
            writer._target = target;
            return writer;
        }

        /// <summary>Detaches the answer's buffer and keeps the writer for the next answer on this thread, if it is between documents.</summary>
        public void Release()
        {
            _target = null;
            if (Writer.WriteState is WriteState.Start or WriteState.Prolog)
            {
                t_cached = this;
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) =>
            (_target ?? throw new InvalidOperationException("The reusable XML writer wrote outside an answer.")).Write(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
