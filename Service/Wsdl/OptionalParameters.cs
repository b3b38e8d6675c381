using System.Xml.Linq;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Wsdl;

/// <summary>
/// Marks the contract's optional parameters <c>minOccurs="0"</c> in the request wrappers. SoapCore writes every
/// parameter as <c>minOccurs="1"</c> (nillable when nullable), which typed stacks (JAX-WS, gSOAP, SOAP::WSDL) turn
/// into required arguments; nil stays allowed for clients that send the element empty.
/// </summary>
public static class OptionalParameters
{
    public static void Apply(XDocument wsdl, SoapEndpoint endpoint)
    {
        var schemas = wsdl.Root!.Elements(WsdlSchemaCleanup.Wsdl + "types").Elements(WsdlSchemaCleanup.Xs + "schema")
            .Where(s => (string?)s.Attribute("targetNamespace") == endpoint.Namespace);
        foreach (var wrapper in schemas.Elements(WsdlSchemaCleanup.Xs + "element"))
        {
            if (!endpoint.OptionalParameters.TryGetValue((string)wrapper.Attribute("name")!, out var optional))
            {
                continue;
            }

            var members = wrapper.Elements(WsdlSchemaCleanup.Xs + "complexType").Elements(WsdlSchemaCleanup.Xs + "sequence").Elements(WsdlSchemaCleanup.Xs + "element");
            foreach (var member in members.Where(m => optional.Contains((string)m.Attribute("name")!)))
            {
                member.SetAttributeValue("minOccurs", "0");
            }
        }
    }
}
