using System.Xml.Linq;
using System.Xml.Schema;

namespace TweetsSoap.Tests.Support;

/// <summary>Reads a WSDL 1.1 document the way a schema-aware client does.</summary>
public sealed class WsdlDocument(XDocument document)
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    public static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    public static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    public XElement Root { get; } = document.Root!;

    public IEnumerable<XElement> Schemas => Root.Elements(Wsdl + "types").Elements(Xs + "schema");

    public static async Task<WsdlDocument> LoadAsync(HttpClient http, string path) =>
        new(XDocument.Parse(await http.GetStringAsync(path.TrimStart('/') + "?wsdl")));

    public static WsdlDocument Load(string file) => new(XDocument.Load(file));

    /// <summary>
    /// The inline schemas in one compiled set. Each schema is read on its own, as a client does, so it has to carry
    /// the namespace declarations it inherits from <c>wsdl:definitions</c>; imports are never fetched.
    /// </summary>
    public XmlSchemaSet CompileSchemas(ICollection<string> errors)
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        set.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        foreach (var schema in Schemas)
        {
            var standalone = new XElement(schema);
            foreach (var inherited in schema.Ancestors().SelectMany(a => a.Attributes()).Where(a => a.IsNamespaceDeclaration))
            {
                if (standalone.Attribute(inherited.Name) is null)
                {
                    standalone.Add(new XAttribute(inherited));
                }
            }

            using var reader = standalone.CreateReader();
            set.Add(XmlSchema.Read(reader, (_, e) => errors.Add($"{e.Severity}: {e.Message}"))!);
        }

        set.Compile();
        return set;
    }

    /// <summary>Resolves a prefixed attribute value such as <c>tns:Tweet</c> in the scope of <paramref name="scope"/>.</summary>
    public static XName QName(XElement scope, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? scope.GetDefaultNamespace() : scope.GetNamespaceOfPrefix(value[..colon]) ?? throw new FormatException($"Undeclared prefix in '{value}'.");
        return ns + value[(colon + 1)..];
    }
}
