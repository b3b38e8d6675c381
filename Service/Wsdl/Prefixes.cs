using System.Xml.Linq;
using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Wsdl;

/// <summary>
/// Rewrites a contract document (WSDL or XSD) so that every namespace is declared once, on the root, under the
/// prefix of one table shared by all the documents we publish. SoapCore binds <c>tns</c> to a different namespace
/// in each inline schema and numbers <c>qN</c> per message, and tools that keep one prefix table per document
/// (Perl's SOAP::WSDL) then resolve <c>tns:TweetAuthor</c> in the wrong namespace.
/// </summary>
public static class Prefixes
{
    public static readonly XNamespace Serialization = "http://schemas.microsoft.com/2003/10/Serialization/";
    public static readonly XNamespace Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    /// <summary>The one prefix of each namespace, in the order they are declared.</summary>
    public static IReadOnlyList<(string Prefix, XNamespace Namespace)> Table { get; } =
    [
        ("wsdl", WsdlSchemaCleanup.Wsdl),
        ("soap", "http://schemas.xmlsoap.org/wsdl/soap/"),
        ("soap12", "http://schemas.xmlsoap.org/wsdl/soap12/"),
        ("xs", WsdlSchemaCleanup.Xs),
        ("tns", Namespaces.V1),
        ("ser", Serialization),
        ("arr", Arrays),
        ("wsam", "http://www.w3.org/2007/05/addressing/metadata"),
        ("wsp", SecurityPolicy.Policy),
        ("sp", SecurityPolicy.SecurityPolicy12),
        ("wsu", SecurityPolicy.Utility),
    ];

    private static readonly string[] XsdQNames = ["type", "base", "ref", "itemType", "substitutionGroup", "refer"];

    /// <summary>A copy of <paramref name="document"/> in which every prefix names one namespace of <see cref="Table"/>.</summary>
    public static XDocument Canonical(XDocument document)
    {
        var used = new HashSet<XNamespace>();
        var root = Copy(document.Root ?? throw new ArgumentException("The document is empty.", nameof(document)), used);
        var unknown = used.Where(ns => ns != XNamespace.None && ns != XNamespace.Xml && Table.All(t => t.Namespace != ns)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"No prefix for {string.Join(", ", unknown)}: add it to {nameof(Prefixes)}.{nameof(Table)}.");
        }

        var declarations = Table.Where(t => used.Contains(t.Namespace)).Select(t => new XAttribute(XNamespace.Xmlns + t.Prefix, t.Namespace.NamespaceName));
        root.ReplaceAttributes([.. declarations, .. root.Attributes()]);
        return new XDocument(document.Declaration, root);
    }

    /// <summary>Writes <paramref name="name"/> as a QName in a document that <see cref="Canonical"/> wrote.</summary>
    public static string QName(XName name)
    {
        if (name.Namespace == XNamespace.None)
        {
            return name.LocalName;
        }

        var prefix = Table.FirstOrDefault(t => t.Namespace == name.Namespace).Prefix
                     ?? throw new InvalidOperationException($"No prefix for {name.Namespace}.");
        return $"{prefix}:{name.LocalName}";
    }

    private static XElement Copy(XElement source, HashSet<XNamespace> used)
    {
        used.Add(source.Name.Namespace);
        var copy = new XElement(source.Name);
        foreach (var attribute in source.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            used.Add(attribute.Name.Namespace);
            copy.Add(new XAttribute(attribute.Name, IsQName(source, attribute) ? Rewrite(source, attribute.Value, used) : attribute.Value));
        }

        foreach (var node in source.Nodes())
        {
            copy.Add(node is XElement child ? Copy(child, used) : node);
        }

        return copy;
    }

    private static bool IsQName(XElement element, XAttribute attribute)
    {
        if (attribute.Name.Namespace != XNamespace.None)
        {
            return false;
        }

        var name = attribute.Name.LocalName;
        if (element.Name.Namespace == WsdlSchemaCleanup.Xs)
        {
            return XsdQNames.Contains(name) || name == "memberTypes";
        }

        return element.Name.Namespace == WsdlSchemaCleanup.Wsdl && (element.Name.LocalName, name) switch
        {
            ("input" or "output" or "fault", "message") => true,
            ("part", "element" or "type") => true,
            ("binding", "type") => true,
            ("port", "binding") => true,
            _ => false,
        };
    }

    /// <summary>A QName (or a list of them, for <c>memberTypes</c>) resolved where it was written, in the table's prefixes.</summary>
    private static string Rewrite(XElement scope, string value, HashSet<XNamespace> used) =>
        string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(qname =>
        {
            var colon = qname.IndexOf(':', StringComparison.Ordinal);
            var ns = colon < 0 ? scope.GetDefaultNamespace() : scope.GetNamespaceOfPrefix(qname[..colon])
                     ?? throw new InvalidOperationException($"Undeclared prefix in '{qname}'.");
            used.Add(ns);
            return QName(ns + qname[(colon + 1)..]);
        }));
}
