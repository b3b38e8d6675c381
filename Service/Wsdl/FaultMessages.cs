using System.Xml.Linq;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Wsdl;

/// <summary>
/// Gives every operation's fault one shared message per detail element, <c>TweetServiceFault</c>, instead of
/// SoapCore's message per operation (<c>TweetService_PostTweet_ServiceFaultFault_FaultMessage</c>). Generators make
/// a class of each fault message: JAX-WS made 37 exception classes that all carry the same <c>ServiceFault</c>;
/// now each service has one. The wire does not change: the detail element and each fault's action stay.
/// </summary>
public static class FaultMessages
{
    private static readonly XNamespace Wsdl = WsdlSchemaCleanup.Wsdl;

    public static void Share(XDocument wsdl, SoapEndpoint endpoint)
    {
        var root = wsdl.Root!;
        var target = (string?)root.Attribute("targetNamespace") ?? "";
        var prefix = root.GetPrefixOfNamespace(target) ?? throw new InvalidOperationException($"The WSDL declares no prefix for {target}.");
        var messages = root.Elements(Wsdl + "message").ToDictionary(m => (string)m.Attribute("name")!);
        var faults = root.Elements(Wsdl + "portType").Elements(Wsdl + "operation").Elements(Wsdl + "fault")
            .Select(fault => (Fault: fault, Message: messages[LocalName((string)fault.Attribute("message")!)]))
            .ToList();
        var byDetail = faults.GroupBy(f => Resolve(f.Message.Elements(Wsdl + "part").Single(), "element")).ToList();
        foreach (var group in byDetail)
        {
            var name = byDetail.Count == 1 ? $"{endpoint.Name}Fault" : $"{endpoint.Name}{group.Key.LocalName}";
            var first = group.First().Message;
            first.AddBeforeSelf(new XElement(Wsdl + "message", new XAttribute("name", name), first.Elements()));
            foreach (var (fault, message) in group)
            {
                fault.SetAttributeValue("message", $"{prefix}:{name}");
                if (message.Parent is not null)
                {
                    message.Remove();
                }
            }
        }
    }

    private static string LocalName(string qname) => qname[(qname.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static XName Resolve(XElement scope, string attribute)
    {
        var qname = (string)scope.Attribute(attribute)!;
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? scope.GetDefaultNamespace() : scope.GetNamespaceOfPrefix(qname[..colon])!) + qname[(colon + 1)..];
    }
}
