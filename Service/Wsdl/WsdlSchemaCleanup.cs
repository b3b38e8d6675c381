using System.Xml.Linq;

namespace TweetsSoap.Service.Wsdl;

/// <summary>
/// Repairs the inline schemas of the WSDL SoapCore generates, so that they compile on their own (WS-I Basic
/// Profile 1.1, R2101/R2102). SoapCore describes nullable parameters as nillable elements, which is right, but also
/// emits <c>NullableOfGuid</c>-style types that nothing uses, in a schema the others import; and its schemas
/// reference the Microsoft serialization types (<c>ser:guid</c>) without importing their namespace, which strict
/// schema compilers (.NET's <c>XmlSchemaSet</c>, Java's wsimport) reject.
/// SoapCore also splits the contract's namespace over two schemas (message wrappers, data types); node-soap keeps
/// only the last schema of a namespace and then cannot find the wrappers.
/// <list type="number">
/// <item>Merges the schemas of one target namespace into the first of them.</item>
/// <item>Keeps every global component of the contract's own namespace, and of the other namespaces only what the
/// messages use, directly or through other components.</item>
/// <item>Drops schemas left empty.</item>
/// <item>Gives each schema exactly the <c>xs:import</c>s of the namespaces it references.</item>
/// </list>
/// </summary>
public static class WsdlSchemaCleanup
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    private static readonly string[] Globals = ["element", "complexType", "simpleType", "attribute", "group", "attributeGroup"];

    public static void Apply(XDocument wsdl)
    {
        var root = wsdl.Root ?? throw new ArgumentException("The WSDL is empty.", nameof(wsdl));
        var types = root.Element(Wsdl + "types");
        if (types is null)
        {
            return;
        }

        MergeSchemasOfOneNamespace(types);
        var ownNamespace = (string?)root.Attribute("targetNamespace") ?? "";
        var schemas = types.Elements(Xs + "schema").ToList();
        var components = schemas
            .SelectMany(schema => schema.Elements().Where(e => Globals.Contains(e.Name.LocalName) && e.Name.Namespace == Xs))
            .ToDictionary(Key);

        var used = Reachable(root, components, ownNamespace);
        foreach (var (key, component) in components)
        {
            if (!used.Contains(key))
            {
                component.Remove();
            }
        }

        foreach (var schema in schemas)
        {
            if (!schema.Elements().Any(e => Globals.Contains(e.Name.LocalName)))
            {
                schema.Remove();
                continue;
            }

            SetImports(schema);
        }
    }

    private static void MergeSchemasOfOneNamespace(XElement types)
    {
        var byNamespace = types.Elements(Xs + "schema").GroupBy(s => (string?)s.Attribute("targetNamespace") ?? "");
        foreach (var group in byNamespace.Where(g => g.Count() > 1))
        {
            var into = group.First();
            foreach (var schema in group.Skip(1).Where(s => SameDefaults(into, s)).ToList())
            {
                foreach (var child in schema.Elements().Where(e => e.Name != Xs + "import").ToList())
                {
                    var moved = new XElement(child);
                    // QNames in attribute values keep meaning what they meant in the schema they come from.
                    foreach (var declaration in InScopeDeclarations(child).Where(d => into.GetNamespaceOfPrefix(d.Name.LocalName)?.NamespaceName != d.Value))
                    {
                        moved.SetAttributeValue(declaration.Name, declaration.Value);
                    }

                    into.Add(moved);
                }

                schema.Remove();
            }
        }
    }

    private static bool SameDefaults(XElement a, XElement b) =>
        (string?)a.Attribute("elementFormDefault") == (string?)b.Attribute("elementFormDefault")
        && (string?)a.Attribute("attributeFormDefault") == (string?)b.Attribute("attributeFormDefault");

    /// <summary>The prefixed namespace declarations visible at <paramref name="element"/>, nearest first.</summary>
    private static IEnumerable<XAttribute> InScopeDeclarations(XElement element) =>
        element.AncestorsAndSelf().SelectMany(e => e.Attributes())
            .Where(a => a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.Xmlns)
            .DistinctBy(a => a.Name.LocalName);

    /// <summary>The components the messages need, plus every component of our own namespace.</summary>
    private static HashSet<(string Space, XName Name)> Reachable(XElement root, Dictionary<(string, XName), XElement> components, string ownNamespace)
    {
        var pending = new Stack<(string, XName)>(components.Keys.Where(k => k.Item2.NamespaceName == ownNamespace));
        foreach (var part in root.Elements(Wsdl + "message").Elements(Wsdl + "part"))
        {
            foreach (var reference in References(part))
            {
                pending.Push(reference);
            }
        }

        var seen = new HashSet<(string, XName)>();
        while (pending.TryPop(out var key))
        {
            if (seen.Add(key) && components.TryGetValue(key, out var component))
            {
                foreach (var reference in component.DescendantsAndSelf().SelectMany(References))
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }

    private static void SetImports(XElement schema)
    {
        var target = (string?)schema.Attribute("targetNamespace") ?? "";
        var needed = schema.Descendants().SelectMany(References)
            .Select(r => r.Name.NamespaceName)
            .Where(ns => ns != target && ns != Xs.NamespaceName)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        schema.Elements(Xs + "import").Remove();
        schema.AddFirst(needed.Select(ns => new XElement(Xs + "import", new XAttribute("namespace", ns))));
    }

    /// <summary>
    /// The global components an element refers to, by symbol space: XSD keeps separate name spaces for types,
    /// elements, attributes, groups and attribute groups.
    /// </summary>
    private static IEnumerable<(string Space, XName Name)> References(XElement element)
    {
        var kind = element.Name.LocalName;
        foreach (var attribute in element.Attributes())
        {
            var space = attribute.Name.LocalName switch
            {
                "type" or "base" or "itemType" when element.Name.Namespace == Xs => "type",
                "ref" when element.Name.Namespace == Xs => kind is "element" or "attribute" or "group" or "attributeGroup" ? kind : null,
                "substitutionGroup" when element.Name.Namespace == Xs => "element",
                "element" when element.Name == Wsdl + "part" => "element",
                "type" when element.Name == Wsdl + "part" => "type",
                _ => null,
            };
            if (space is not null)
            {
                yield return (space, Resolve(element, attribute.Value));
            }
        }

        if (element.Name == Xs + "union" && element.Attribute("memberTypes") is { } members)
        {
            foreach (var member in members.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return ("type", Resolve(element, member));
            }
        }
    }

    private static (string Space, XName Name) Key(XElement component)
    {
        var space = component.Name.LocalName is "complexType" or "simpleType" ? "type" : component.Name.LocalName;
        var target = (string?)component.Parent!.Attribute("targetNamespace") ?? "";
        return (space, XNamespace.Get(target) + (string)component.Attribute("name")!);
    }

    private static XName Resolve(XElement scope, string qualifiedName)
    {
        var colon = qualifiedName.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? scope.GetDefaultNamespace() : scope.GetNamespaceOfPrefix(qualifiedName[..colon]);
        return (ns ?? XNamespace.None) + qualifiedName[(colon + 1)..];
    }
}
