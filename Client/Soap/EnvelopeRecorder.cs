using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using System.Text;
using System.Xml;

namespace TweetsSoap.Client.Soap;

/// <summary>Keeps the request and response envelopes of each call, as SoapUI shows them, for <c>--xml</c>.</summary>
public sealed class EnvelopeRecorder : IEndpointBehavior, IClientMessageInspector
{
    public string? Request { get; private set; }

    public string? Response { get; private set; }

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) =>
        clientRuntime.ClientMessageInspectors.Add(this);

    public object? BeforeSendRequest(ref Message request, IClientChannel channel)
    {
        Request = Copy(ref request);
        return null;
    }

    public void AfterReceiveReply(ref Message reply, object correlationState) => Response = Copy(ref reply);

    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
    }

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
    {
    }

    public void Validate(ServiceEndpoint endpoint)
    {
    }

    // A message can be read once; reading it through a buffer leaves an identical copy for WCF to go on with.
    // WriteMessage writes the envelope as it goes on the wire (Message.ToString() shows WCF's internal Action header
    // and no streamed body).
    private static string Copy(ref Message message)
    {
        using var buffer = message.CreateBufferedCopy(int.MaxValue);
        message = buffer.CreateMessage();
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            using var copy = buffer.CreateMessage();

            // WCF keeps the action as an in-memory header when there is no WS-Addressing; it travels as SOAPAction instead.
            copy.Headers.RemoveAll("Action", "http://schemas.microsoft.com/ws/2005/05/addressing/none");
            copy.WriteMessage(writer);
        }

        return text.ToString();
    }
}
