using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;

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
    private static string Copy(ref Message message)
    {
        using var buffer = message.CreateBufferedCopy(int.MaxValue);
        message = buffer.CreateMessage();
        using var copy = buffer.CreateMessage();
        return copy.ToString();
    }
}
