using System.Xml.Linq;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Wsdl;

/// <summary>
/// The published contract in the two forms WCF serves. <c>?wsdl</c> imports the types from one XSD per namespace,
/// shared by the three services, so that a generator given all three WSDLs (wsimport, gSOAP) defines each type once;
/// <c>?singleWsdl</c> is one self-contained document for tools that read a single file. Both are built from
/// SoapCore's WSDLs after <see cref="WsdlSchemaCleanup"/>, <see cref="OptionalParameters"/> and
/// <see cref="FaultMessages"/>, with the prefixes
/// of <see cref="Prefixes"/>.
/// </summary>
public sealed class ContractDocuments
{
    /// <summary>Where the shared schemas are served, relative to the service's base address (and so to every WSDL).</summary>
    public const string SchemaFolder = "xsd";

    /// <summary>The file of each namespace's schema, in <see cref="SchemaFolder"/>.</summary>
    public static IReadOnlyDictionary<XNamespace, string> SchemaFiles { get; } = new Dictionary<XNamespace, string>
    {
        [Namespaces.V1] = "TweetsSoap.xsd",
        [Prefixes.Serialization] = "Serialization.xsd",
        [Prefixes.Arrays] = "Arrays.xsd",
    };

    /// <summary>Every document served, as (path relative to the base address, file under <c>wsdl/</c>).</summary>
    public static IReadOnlyList<(string Served, string File)> Published { get; } =
    [
        .. SoapEndpoint.All.Select(e => (e.Path.TrimStart('/') + "?wsdl", e.Name + ".wsdl")),
        .. SoapEndpoint.All.Select(e => (e.Path.TrimStart('/') + "?singleWsdl", $"single/{e.Name}.wsdl")),
        .. SchemaFiles.Values.Select(f => ($"{SchemaFolder}/{f}", $"{SchemaFolder}/{f}")),
    ];

    private readonly Dictionary<SoapEndpoint, XDocument> _single = [];
    private readonly Dictionary<SoapEndpoint, XDocument> _wsdl = [];
    private readonly Dictionary<string, XDocument> _schemas = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="generated">Each endpoint's WSDL as SoapCore generates it; the documents are changed.</param>
    public ContractDocuments(IEnumerable<(SoapEndpoint Endpoint, XDocument Wsdl)> generated)
    {
        var components = new Dictionary<XNamespace, SharedSchema>();
        foreach (var (endpoint, wsdl) in generated)
        {
            WsdlSchemaCleanup.Apply(wsdl);
            OptionalParameters.Apply(wsdl, endpoint);
            FaultMessages.Share(wsdl, endpoint);
            var single = Prefixes.Canonical(wsdl);
            _single[endpoint] = single;
            var types = single.Root!.Element(WsdlSchemaCleanup.Wsdl + "types")!;
            foreach (var schema in types.Elements(WsdlSchemaCleanup.Xs + "schema"))
            {
                XNamespace target = (string)schema.Attribute("targetNamespace")!;
                (components.TryGetValue(target, out var shared) ? shared : components[target] = new SharedSchema(schema)).Add(schema);
            }

            _wsdl[endpoint] = ImportingTypes(single);
        }

        foreach (var (target, schema) in components)
        {
            _schemas[FileOf(target)] = schema.ToDocument();
        }
    }

    public XDocument SingleWsdl(SoapEndpoint endpoint) => new(_single[endpoint]);

    public XDocument Wsdl(SoapEndpoint endpoint) => new(_wsdl[endpoint]);

    /// <summary>The shared schema in <paramref name="file"/> (e.g. <c>TweetsSoap.xsd</c>), or null.</summary>
    public XDocument? Schema(string file) => _schemas.TryGetValue(file, out var schema) ? new XDocument(schema) : null;

    private static string FileOf(XNamespace target) =>
        SchemaFiles.TryGetValue(target, out var file) ? file : throw new InvalidOperationException($"No schema file for {target}: add it to {nameof(SchemaFiles)}.");

    /// <summary>The WSDL with its inline schemas replaced by imports of the shared schemas its messages use.</summary>
    private static XDocument ImportingTypes(XDocument single)
    {
        var wsdl = new XDocument(single);
        var root = wsdl.Root!;
        var used = root.Elements(WsdlSchemaCleanup.Wsdl + "message").Elements(WsdlSchemaCleanup.Wsdl + "part")
            .Select(part => Resolve(part, (string)part.Attribute("element")!).Namespace)
            .Distinct();
        root.Element(WsdlSchemaCleanup.Wsdl + "types")!.ReplaceNodes(new XElement(WsdlSchemaCleanup.Xs + "schema",
            used.Select(ns => Import(ns, $"{SchemaFolder}/{FileOf(ns)}"))));
        return Prefixes.Canonical(wsdl);
    }

    private static XElement Import(XNamespace ns, string location) =>
        new(WsdlSchemaCleanup.Xs + "import", new XAttribute("namespace", ns.NamespaceName), new XAttribute("schemaLocation", location));

    private static XName Resolve(XElement scope, string qname)
    {
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? scope.GetDefaultNamespace() : scope.GetNamespaceOfPrefix(qname[..colon])!) + qname[(colon + 1)..];
    }

    /// <summary>The union of one namespace's components over the services; a name defined twice must be defined alike.</summary>
    private sealed class SharedSchema(XElement first)
    {
        private readonly List<XAttribute> _attributes = [.. first.Attributes().Where(a => !a.IsNamespaceDeclaration)];
        private readonly SortedSet<string> _imports = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), XElement> _byName = [];
        private readonly List<XElement> _components = [];

        public void Add(XElement schema)
        {
            _imports.UnionWith(schema.Elements(WsdlSchemaCleanup.Xs + "import").Select(i => (string)i.Attribute("namespace")!));
            foreach (var component in schema.Elements().Where(e => e.Name != WsdlSchemaCleanup.Xs + "import"))
            {
                var key = (component.Name.LocalName is "simpleType" or "complexType" ? "type" : component.Name.LocalName, (string)component.Attribute("name")!);
                if (!_byName.TryGetValue(key, out var existing))
                {
                    _byName[key] = component;
                    _components.Add(component);
                }
                else if (!XNode.DeepEquals(existing, component))
                {
                    throw new InvalidOperationException($"Two services define {key.Item1} {key.Item2} in {_attributes.Single(a => a.Name == "targetNamespace").Value} differently.");
                }
            }
        }

        /// <summary>A standalone schema document; its imports name the other shared schemas by their file, beside it.</summary>
        public XDocument ToDocument()
        {
            var schema = new XElement(WsdlSchemaCleanup.Xs + "schema",
                Prefixes.Table.Select(t => new XAttribute(XNamespace.Xmlns + t.Prefix, t.Namespace.NamespaceName)),
                _attributes,
                _imports.Select(ns => Import(ns, FileOf(ns))),
                _components);
            return Prefixes.Canonical(new XDocument(schema));
        }
    }
}
