using System.ServiceModel.Channels;
using System.ServiceModel.Description;

namespace TweetsSoap.Client.Soap;

/// <summary>Sends a WS-Security UsernameToken (PasswordText) with every call of an endpoint.</summary>
public static class UsernameToken
{
    /// <summary>
    /// Over a binding with message security (https, see <see cref="SoapBindings.Create"/>) the standard
    /// <c>ClientCredentials.UserName</c> is used; otherwise, for local development over plain http, the
    /// <c>wsse:Security</c> header is added by <see cref="PlainHttpUsernameTokenBehavior"/>. Call before the first call.
    /// </summary>
    public static void Apply(ServiceEndpoint endpoint, string username, string password)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Binding.CreateBindingElements().Find<SecurityBindingElement>() is not null)
        {
            var credentials = endpoint.EndpointBehaviors.OfType<ClientCredentials>().FirstOrDefault();
            if (credentials is null)
            {
                credentials = new ClientCredentials();
                endpoint.EndpointBehaviors.Add(credentials);
            }

            credentials.UserName.UserName = username;
            credentials.UserName.Password = password;
            return;
        }

        endpoint.EndpointBehaviors.Add(new PlainHttpUsernameTokenBehavior(username, password));
    }
}
