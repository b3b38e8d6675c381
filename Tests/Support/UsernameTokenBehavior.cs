using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using System.Xml;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// Adds a WS-Security UsernameToken (PasswordText) header to every request, as SoapUI and zeep send it. The WCF
/// client sends message credentials only over HTTPS, so plain-HTTP tests add the header themselves.
/// </summary>
public sealed class UsernameTokenBehavior(string username, string password) : IEndpointBehavior, IClientMessageInspector
{
    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) => clientRuntime.ClientMessageInspectors.Add(this);

    public object? BeforeSendRequest(ref Message request, System.ServiceModel.IClientChannel channel)
    {
        request.Headers.Add(new UsernameTokenHeader(username, password));
        return null;
    }

    public void AfterReceiveReply(ref Message reply, object correlationState)
    {
    }

    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
    }

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
    {
    }

    public void Validate(ServiceEndpoint endpoint)
    {
    }

    private sealed class UsernameTokenHeader(string username, string password) : MessageHeader
    {
        private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

        public override string Name => "Security";

        public override string Namespace => Wsse;

        public override bool MustUnderstand => true;

        protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
        {
            writer.WriteStartElement("wsse", "UsernameToken", Wsse);
            writer.WriteElementString("wsse", "Username", Wsse, username);
            writer.WriteStartElement("wsse", "Password", Wsse);
            writer.WriteAttributeString("Type", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText");
            writer.WriteString(password);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
