using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using System.Xml;

namespace TweetsSoap.Client.Soap;

/// <summary>
/// Adds a <c>wsse:Security</c> header with a UsernameToken (PasswordText) to every request, as SoapUI and zeep send
/// it. WCF sends message credentials only over https, so this is the plain-http way for local development: the
/// password then crosses the network readable, never use it against a remote service.
/// </summary>
public sealed class PlainHttpUsernameTokenBehavior(string username, string password) : IEndpointBehavior, IClientMessageInspector
{
    public const string WsseNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string PasswordTextType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) =>
        clientRuntime.ClientMessageInspectors.Add(this);

    public object? BeforeSendRequest(ref Message request, IClientChannel channel)
    {
        request.Headers.Add(new SecurityHeader(username, password));
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

    private sealed class SecurityHeader(string username, string password) : MessageHeader
    {
        public override string Name => "Security";

        public override string Namespace => WsseNamespace;

        public override bool MustUnderstand => true;

        protected override void OnWriteStartHeader(XmlDictionaryWriter writer, MessageVersion messageVersion)
        {
            writer.WriteStartElement("wsse", Name, Namespace);
            WriteHeaderAttributes(writer, messageVersion);
        }

        protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
        {
            writer.WriteStartElement("wsse", "UsernameToken", WsseNamespace);
            writer.WriteElementString("wsse", "Username", WsseNamespace, username);
            writer.WriteStartElement("wsse", "Password", WsseNamespace);
            writer.WriteAttributeString("Type", PasswordTextType);
            writer.WriteString(password);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
