using System.Xml.Linq;

namespace TweetsSoap.Service.Wsdl;

/// <summary>The WS-SecurityPolicy 1.2 the bindings publish.</summary>
public static class SecurityPolicy
{
    public static readonly XNamespace Policy = "http://www.w3.org/ns/ws-policy";
    public static readonly XNamespace SecurityPolicy12 = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    public static readonly XNamespace Utility = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
}
