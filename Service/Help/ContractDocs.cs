using System.Reflection;
using System.Xml.Linq;

namespace TweetsSoap.Service.Help;

/// <summary>
/// The XML doc comments of the contract assembly, read from the <c>.xml</c> file the compiler writes beside it
/// (Contracts has GenerateDocumentationFile). Without that file the pages still render, only without prose.
/// </summary>
public sealed class ContractDocs
{
    private readonly Dictionary<string, XElement> _members;

    private static readonly Lazy<ContractDocs> OfContractAssembly = new(() => For(typeof(Contracts.IUserService).Assembly));

    private ContractDocs(Dictionary<string, XElement> members) => _members = members;

    /// <summary>The docs of the contract assembly, read once: what the help pages and the OpenAPI document both show.</summary>
    public static ContractDocs Shared => OfContractAssembly.Value;

    public static ContractDocs For(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            path = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
        }

        var members = File.Exists(path)
            ? XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
            : [];
        return new ContractDocs(members);
    }

    public XElement? OfType(Type type) => Member("T:" + DocName(type));

    public XElement? OfProperty(PropertyInfo property) => Member($"P:{DocName(property.DeclaringType!)}.{property.Name}");

    public XElement? OfEnumValue(Type type, string name) => Member($"F:{DocName(type)}.{name}");

    /// <summary>The doc of a method; operations are never overloaded, so the name alone finds it.</summary>
    public XElement? OfMethod(MethodInfo method)
    {
        var prefix = $"M:{DocName(method.DeclaringType!)}.{method.Name}";
        return Member(prefix) ?? _members.FirstOrDefault(m => m.Key.StartsWith(prefix + "(", StringComparison.Ordinal)).Value;
    }

    public static XElement? Part(XElement? member, string part) => member?.Element(part);

    public static XElement? Param(XElement? member, string name) =>
        member?.Elements("param").FirstOrDefault(p => p.Attribute("name")?.Value == name);

    private XElement? Member(string id) => _members.GetValueOrDefault(id);

    private static string DocName(Type type) => type.FullName!.Replace('+', '.');
}
