using System.Xml.Linq;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Wsdl;

/// <summary>
/// Publishes in WS-SecurityPolicy 1.2 that calls carry a WS-Security UsernameToken (PasswordText), so that
/// policy-aware tools (WCF's svcutil, CXF, Metro) add it themselves. Over https the policy has the shape WCF gives a
/// <c>TransportWithMessageCredential</c> binding: a transport binding with an https token, a timestamp, and the
/// UsernameToken as a signed supporting token. Over plain http (development) it names only the UsernameToken as a
/// supporting token, since a transport binding would make those tools refuse the address. Tools that ignore policy
/// skip the optional extension elements. The one policy applies to every operation: anonymous operations ignore a
/// token they are sent.
/// </summary>
public static class SecurityPolicy
{
    public static readonly XNamespace Policy = "http://www.w3.org/ns/ws-policy";
    public static readonly XNamespace SecurityPolicy12 = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    public static readonly XNamespace Utility = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private static readonly XNamespace Sp = SecurityPolicy12;

    /// <summary>The policy's <c>wsu:Id</c> in the WSDL of <paramref name="endpoint"/>; bindings refer to it as <c>#Id</c>.</summary>
    public static string Id(SoapEndpoint endpoint) => $"{endpoint.Name}UsernameTokenPolicy";

    public static void Apply(XDocument wsdl, SoapEndpoint endpoint, bool https)
    {
        var root = wsdl.Root!;
        root.AddFirst(Document(Id(endpoint), https));
        foreach (var binding in root.Elements(WsdlSchemaCleanup.Wsdl + "binding"))
        {
            binding.AddFirst(new XElement(Policy + "PolicyReference", new XAttribute("URI", "#" + Id(endpoint))));
        }
    }

    private static XElement Document(string id, bool https) =>
        new(Policy + "Policy", new XAttribute(Utility + "Id", id),
            new XElement(Policy + "ExactlyOne",
                new XElement(Policy + "All", https
                    ? [TransportBinding(), Nested(Sp + "SignedSupportingTokens", UsernameToken())]
                    : [Nested(Sp + "SupportingTokens", UsernameToken())])));

    private static XElement TransportBinding() =>
        Nested(Sp + "TransportBinding",
            Nested(Sp + "TransportToken", Nested(Sp + "HttpsToken")),
            Nested(Sp + "AlgorithmSuite", new XElement(Sp + "Basic256")),
            Nested(Sp + "Layout", new XElement(Sp + "Lax")),
            new XElement(Sp + "IncludeTimestamp"));

    private static XElement UsernameToken() =>
        new(Sp + "UsernameToken",
            new XAttribute(Sp + "IncludeToken", SecurityPolicy12.NamespaceName + "/IncludeToken/AlwaysToRecipient"),
            new XElement(Policy + "Policy", new XElement(Sp + "WssUsernameToken10")));

    /// <summary>An assertion with its nested policy, as WS-SecurityPolicy 1.2 writes them.</summary>
    private static XElement Nested(XName assertion, params XElement[] nested) =>
        new(assertion, new XElement(Policy + "Policy", nested));
}
