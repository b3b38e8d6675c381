using System.Xml.Linq;

namespace TweetsSoap.ProxyGen;

/// <summary>Reads the port types of a WSDL 1.1 document/literal wrapped description into services and operations.</summary>
public static class WsdlReader
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";

    public static IEnumerable<ServiceDescription> Services(XDocument wsdl, Schemas schemas)
    {
        var definitions = wsdl.Root is { } root && root.Name == Wsdl + "definitions"
            ? root
            : throw new InvalidDataException("Not a WSDL 1.1 document: the root must be wsdl:definitions.");
        XNamespace target = (string?)definitions.Attribute("targetNamespace") ?? "";
        var messages = definitions.Elements(Wsdl + "message").ToDictionary(m => target + (string)m.Attribute("name")!);

        foreach (var portType in definitions.Elements(Wsdl + "portType"))
        {
            var name = (string)portType.Attribute("name")!;
            var bindings = definitions.Elements(Wsdl + "binding")
                .Where(b => Schemas.QName(b, (string)b.Attribute("type")!) == target + name)
                .ToList();
            var operations = portType.Elements(Wsdl + "operation")
                .Select(op => Operation(op, name, target, bindings, messages, schemas))
                .ToList();
            var namespaces = operations.Select(o => o.Wrapper.Namespace).Distinct().ToList();
            if (namespaces.Count > 1)
            {
                throw new NotSupportedException($"{name}: all request wrapper elements must share one namespace, found {string.Join(", ", namespaces)}.");
            }

            yield return new ServiceDescription(name, namespaces.SingleOrDefault()?.NamespaceName ?? target.NamespaceName, [.. operations.Select(o => o.Operation)]);
        }
    }

    private static (OperationDescription Operation, XName Wrapper) Operation(
        XElement operation, string portType, XNamespace target, List<XElement> bindings, Dictionary<XName, XElement> messages, Schemas schemas)
    {
        var name = (string)operation.Attribute("name")!;
        var input = operation.Element(Wsdl + "input") ?? throw new NotSupportedException($"{portType}.{name}: notification operations are not supported.");
        var output = operation.Element(Wsdl + "output") ?? throw new NotSupportedException($"{portType}.{name}: one-way operations are not supported.");

        var request = BodyElement(input, messages, $"{portType}.{name}");
        var response = BodyElement(output, messages, $"{portType}.{name}");
        if (request.LocalName != name || response != request.Namespace + (name + "Response"))
        {
            throw new NotSupportedException(
                $"{portType}.{name}: document/literal wrapped needs the wrapper elements {name} and {name}Response in one namespace, found {request} and {response}.");
        }

        var results = schemas.WrapperMembers(response);
        if (results.Count > 1)
        {
            throw new NotSupportedException($"{portType}.{name}: a response with more than one element (out parameters) is not supported.");
        }

        var faults = operation.Elements(Wsdl + "fault").Select(fault =>
        {
            var element = BodyElement(fault, messages, $"{portType}.{name} fault");
            return new FaultDescription(element, schemas.ElementType(element), AddressingAction(fault));
        }).ToList();

        var defaultAction = $"{target.NamespaceName.TrimEnd('/')}/{portType}/{name}";
        var action = SoapAction(bindings, name) ?? AddressingAction(input) ?? defaultAction;
        var replyAction = AddressingAction(output) ?? action + "Response";
        var description = new OperationDescription(name, action, replyAction, schemas.WrapperMembers(request), results.SingleOrDefault(), faults);
        return (description, request);
    }

    private static XName BodyElement(XElement inputOutputOrFault, Dictionary<XName, XElement> messages, string owner)
    {
        var messageName = Schemas.QName(inputOutputOrFault, (string)inputOutputOrFault.Attribute("message")!);
        var message = messages.TryGetValue(messageName, out var found) ? found : throw new InvalidDataException($"{owner}: no message {messageName}.");
        var parts = message.Elements(Wsdl + "part").ToList();
        if (parts is not [var part] || part.Attribute("element") is not { } element)
        {
            throw new NotSupportedException($"{owner}: message {messageName.LocalName} must have exactly one part with an element (document/literal).");
        }

        return Schemas.QName(part, element.Value);
    }

    private static string? AddressingAction(XElement inputOutputOrFault) =>
        inputOutputOrFault.Attributes().FirstOrDefault(a => a.Name.LocalName == "Action" && a.Name.Namespace != XNamespace.None)?.Value;

    private static string? SoapAction(List<XElement> bindings, string operation) =>
        bindings.SelectMany(b => b.Elements(Wsdl + "operation"))
            .Where(o => (string?)o.Attribute("name") == operation)
            .SelectMany(o => o.Elements(Soap11 + "operation").Concat(o.Elements(Soap12 + "operation")))
            .Select(o => (string?)o.Attribute("soapAction"))
            .FirstOrDefault(a => !string.IsNullOrEmpty(a));
}
