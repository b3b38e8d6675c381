using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace TweetsSoap.Tests.Support;

/// <summary>Reads a WSDL 1.1 document the way a schema-aware client does.</summary>
/// <param name="location">Where the document was read from: imports with a <c>schemaLocation</c> are fetched
/// relative to it (over HTTP from the service, or from disk); without it they are never fetched.</param>
public sealed class WsdlDocument(XDocument document, Uri? location = null)
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    public static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    public static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    public XElement Root { get; } = document.Root!;

    public IEnumerable<XElement> Schemas => Root.Elements(Wsdl + "types").Elements(Xs + "schema");

    /// <summary>The served WSDL of the endpoint at <paramref name="path"/>, in the form <paramref name="query"/> asks for.</summary>
    public static async Task<WsdlDocument> LoadAsync(HttpClient http, string path, string query = "wsdl")
    {
        var address = new Uri(http.BaseAddress!, path.TrimStart('/') + "?" + query);
        return new(XDocument.Parse(await http.GetStringAsync(address)), address);
    }

    public static WsdlDocument Load(string file) => new(XDocument.Load(file), new Uri(Path.GetFullPath(file)));

    /// <summary>
    /// The inline schemas in one compiled set, with what they import by <c>schemaLocation</c>. Each schema is read on
    /// its own, as a client does, so it has to carry the namespace declarations it inherits from <c>wsdl:definitions</c>.
    /// </summary>
    public XmlSchemaSet CompileSchemas(ICollection<string> errors)
    {
        var set = new XmlSchemaSet { XmlResolver = location is null ? null : new XmlUrlResolver() };
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

            using var reader = XmlReader.Create(new StringReader(standalone.ToString()), null, location?.ToString());
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
