using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;

namespace TweetsSoap.Client.Soap;

/// <summary>The bindings the service speaks, picked by the address's scheme and the SOAP version.</summary>
public static class SoapBindings
{
    /// <summary>
    /// A binding for <paramref name="address"/>. With <paramref name="usernameToken"/> over https the binding carries
    /// the UsernameToken as WCF message credentials (TransportWithMessageCredential); over plain http WCF refuses
    /// message credentials, so <see cref="UsernameToken.Apply"/> adds the header itself.
    /// </summary>
    public static Binding Create(Uri address, SoapProtocol protocol, bool usernameToken = false)
    {
        var https = address.Scheme == Uri.UriSchemeHttps;
        if (!https && address.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"Only http and https addresses are supported, not {address.Scheme}.", nameof(address));
        }

        var secured = https && usernameToken;
        if (protocol == SoapProtocol.Soap11)
        {
            return https switch
            {
                true when secured => new BasicHttpsBinding(BasicHttpsSecurityMode.TransportWithMessageCredential)
                {
                    Security = { Message = { ClientCredentialType = BasicHttpMessageCredentialType.UserName } },
                },
                true => new BasicHttpsBinding(),
                false => new BasicHttpBinding(),
            };
        }

        var elements = new List<BindingElement>();
        if (secured)
        {
            elements.Add(SecurityBindingElement.CreateUserNameOverTransportBindingElement());
        }

        elements.Add(new TextMessageEncodingBindingElement(MessageVersion.Soap12, Encoding.UTF8));
        elements.Add(https ? new HttpsTransportBindingElement() : new HttpTransportBindingElement());
        return new CustomBinding(elements);
    }
}
