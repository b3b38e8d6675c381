using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using System.Xml;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Requests;

namespace TweetsSoap.Service.Soap;

/// <summary>Writes the faults that <see cref="SoapRequestGuard"/> answers before SoapCore has read the message.</summary>
public static class EnvelopeFaults
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(HttpContext context, EnvelopeVersion envelope, EnvelopeProblem problem)
    {
        if (problem.Code is SoapFaultCode.Sender)
        {
            RequestOutcome.Of(context)?.Failed(ErrorCode.MalformedRequest, problem.Reason);
        }

        var body = problem.Code is SoapFaultCode.Sender
            ? new FaultBodyWriter(envelope, new ServiceFault
            {
                Code = ErrorCode.MalformedRequest,
                Message = problem.Reason,
                CorrelationId = context.TraceIdentifier,
            })
            : FaultBodyWriter.EnvelopeFault(envelope, problem.Code, problem.Reason);
        var message = Message.CreateMessage(MessageVersion.CreateVersion(envelope, AddressingVersion.None), action: null, body);

        using var buffer = new MemoryStream();
        using (var writer = XmlDictionaryWriter.CreateTextWriter(buffer, Utf8, ownsStream: false))
        {
            message.WriteMessage(writer);
        }

        // HTTP 500 for every fault, as SoapFaultTransformer explains.
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = envelope == EnvelopeVersion.Soap11
            ? $"{SoapRequestGuard.Soap11MediaType}; charset=utf-8"
            : $"{SoapRequestGuard.Soap12MediaType}; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}
