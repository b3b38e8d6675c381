using System.Xml.Linq;

namespace TweetsSoap.ProxyGen;

/// <summary>
/// The XSD of one or more WSDLs (inline or imported), and the C# types they map to. Types are defined only when an operation
/// reaches them, so unused schema content (Nullable wrappers, serialization primitives) never becomes code.
/// </summary>
public sealed class Schemas
{
    public static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    public static readonly XNamespace Ser = "http://schemas.microsoft.com/2003/10/Serialization/";

    private static readonly Dictionary<string, TypeRef> XsdTypes = new()
    {
        ["string"] = new("string", false), ["normalizedString"] = new("string", false), ["token"] = new("string", false),
        ["anyURI"] = new("global::System.Uri", false), ["base64Binary"] = new("byte[]", false),
        ["QName"] = new("global::System.Xml.XmlQualifiedName", false),
        ["boolean"] = new("bool", true), ["byte"] = new("sbyte", true), ["unsignedByte"] = new("byte", true),
        ["short"] = new("short", true), ["unsignedShort"] = new("ushort", true), ["int"] = new("int", true),
        ["unsignedInt"] = new("uint", true), ["long"] = new("long", true), ["unsignedLong"] = new("ulong", true),
        ["decimal"] = new("decimal", true), ["float"] = new("float", true), ["double"] = new("double", true),
        ["dateTime"] = new("global::System.DateTime", true), ["duration"] = new("global::System.TimeSpan", true),
    };

    private static readonly Dictionary<string, TypeRef> SerializationTypes = new()
    {
        ["guid"] = new("global::System.Guid", true), ["char"] = new("char", true), ["duration"] = new("global::System.TimeSpan", true),
    };

    private readonly Dictionary<XName, XElement> _types = [];
    private readonly Dictionary<XName, XElement> _elements = [];
    private readonly Dictionary<XName, TypeDefinition> _definitions = [];
    private readonly HashSet<string> _usedNames = [];

    public IEnumerable<TypeDefinition> Definitions => _definitions.Values.OrderBy(d => d.CsName, StringComparer.Ordinal);

    /// <summary>Adds one <c>xs:schema</c> (inline or imported). The first definition of a name wins, so types shared by several WSDLs are generated once.</summary>
    public void Add(XElement schema)
    {
        XNamespace target = (string?)schema.Attribute("targetNamespace") ?? "";
        foreach (var type in schema.Elements().Where(e => e.Name == Xs + "complexType" || e.Name == Xs + "simpleType"))
        {
            _types.TryAdd(target + (string)type.Attribute("name")!, type);
        }

        foreach (var element in schema.Elements(Xs + "element"))
        {
            _elements.TryAdd(target + (string)element.Attribute("name")!, element);
        }
    }

    public XElement Element(XName name) =>
        _elements.TryGetValue(name, out var element) ? element : throw new InvalidDataException($"The schema declares no element {name}.");

    /// <summary>The elements of an element's (anonymous or named) complex type's sequence, as members.</summary>
    public IReadOnlyList<Member> WrapperMembers(XName elementName)
    {
        var element = Element(elementName);
        var type = element.Element(Xs + "complexType") ?? ComplexTypeOf(element);
        return Sequence(type, elementName.LocalName);
    }

    /// <summary>The C# type for a global element (a fault detail).</summary>
    public TypeRef ElementType(XName elementName) => MemberOf(Element(elementName), elementName.LocalName).Type;

    public TypeRef Resolve(XName type)
    {
        if (type.Namespace == Xs && XsdTypes.TryGetValue(type.LocalName, out var xsd))
        {
            return xsd;
        }

        if (type.Namespace == Ser && SerializationTypes.TryGetValue(type.LocalName, out var ser))
        {
            return ser;
        }

        if (_definitions.TryGetValue(type, out var defined))
        {
            return new TypeRef(defined.CsName, defined is EnumDefinition);
        }

        if (!_types.TryGetValue(type, out var declaration))
        {
            throw new InvalidDataException($"The schema declares no type {type}.");
        }

        return declaration.Name == Xs + "simpleType" ? ResolveSimple(type, declaration) : DefineComplex(type, declaration);
    }

    private TypeRef ResolveSimple(XName name, XElement simpleType)
    {
        var restriction = simpleType.Element(Xs + "restriction")
            ?? throw new NotSupportedException($"Simple type {name}: only xs:restriction is supported (not list or union).");
        var values = restriction.Elements(Xs + "enumeration").Select(e => (string)e.Attribute("value")!).ToList();
        if (values.Count == 0)
        {
            return Resolve(QName(restriction, (string)restriction.Attribute("base")!));
        }

        var definition = new EnumDefinition(name, UniqueName(name.LocalName), values);
        _definitions[name] = definition;
        return new TypeRef(definition.CsName, true);
    }

    private TypeRef DefineComplex(XName name, XElement complexType)
    {
        if (complexType.Descendants(Xs + "attribute").Any() || complexType.Descendants(Xs + "attributeGroup").Any())
        {
            throw new NotSupportedException($"Complex type {name} has attributes; the DataContractSerializer proxy supports element-only types.");
        }

        var csName = UniqueName(name.LocalName);
        var extension = complexType.Element(Xs + "complexContent")?.Element(Xs + "extension");
        var body = extension ?? complexType;
        var elements = body.Element(Xs + "sequence")?.Elements(Xs + "element").ToList() ?? [];

        // WCF, CoreWCF and SoapCore describe every collection as a type whose only element repeats (ArrayOfX).
        if (extension is null && elements is [var only] && IsRepeated(only))
        {
            var item = MemberOf(only, name.LocalName);
            var collection = new CollectionDefinition(name, csName, item.XmlName, item);
            _definitions[name] = collection;
            return new TypeRef(csName, false);
        }

        // Registered before its members are resolved, so types that refer to each other terminate.
        var placeholder = new DataClassDefinition(name, csName, null, []);
        _definitions[name] = placeholder;
        var baseName = extension is null ? null : Resolve(QName(extension, (string)extension.Attribute("base")!)).CsName;
        _definitions[name] = placeholder with { BaseCsName = baseName, Members = Sequence(body, name.LocalName) };
        return new TypeRef(csName, false);
    }

    private List<Member> Sequence(XElement typeOrExtension, string owner)
    {
        if (typeOrExtension.Element(Xs + "all") is not null || typeOrExtension.Element(Xs + "choice") is not null)
        {
            throw new NotSupportedException($"{owner}: only xs:sequence is supported (not xs:all or xs:choice).");
        }

        var elements = typeOrExtension.Element(Xs + "sequence")?.Elements().ToList() ?? [];
        if (elements.FirstOrDefault(e => e.Name != Xs + "element") is { } other)
        {
            throw new NotSupportedException($"{owner}: {other.Name.LocalName} inside a sequence is not supported.");
        }

        if (elements.FirstOrDefault(IsRepeated) is { } repeated)
        {
            throw new NotSupportedException($"{owner}: the repeated element {(string?)repeated.Attribute("name")} must be wrapped in its own ArrayOf type.");
        }

        return [.. elements.Select(e => MemberOf(e, owner))];
    }

    private Member MemberOf(XElement element, string owner)
    {
        if (element.Attribute("ref") is { } reference)
        {
            var target = QName(element, reference.Value);
            var declared = Element(target);
            var referenced = MemberOf(declared, owner);
            return referenced with { Optional = IsOptional(element) };
        }

        var name = (string)element.Attribute("name")!;
        if (element.Parent?.Name == Xs + "sequence" && !QualifiedForm(element))
        {
            throw new NotSupportedException($"{owner}.{name}: unqualified local elements (elementFormDefault=\"unqualified\") are not supported.");
        }

        var typeName = element.Attribute("type")
            ?? throw new NotSupportedException($"{owner}.{name}: anonymous types are not supported; give the type a name.");
        var type = Resolve(QName(element, typeName.Value));
        return new Member(name, type, IsOptional(element), (bool?)element.Attribute("nillable") ?? false);
    }

    private static bool QualifiedForm(XElement element) =>
        ((string?)element.Attribute("form") ?? (string?)element.Ancestors(Xs + "schema").First().Attribute("elementFormDefault")) == "qualified";

    private XElement ComplexTypeOf(XElement element)
    {
        var typeName = QName(element, (string?)element.Attribute("type") ?? throw new NotSupportedException($"Element {element.Attribute("name")} has no type."));
        return _types.TryGetValue(typeName, out var type) && type.Name == Xs + "complexType"
            ? type
            : throw new NotSupportedException($"Wrapper element {element.Attribute("name")} must have a complex type.");
    }

    private static bool IsOptional(XElement element) => (string?)element.Attribute("minOccurs") == "0";

    private static bool IsRepeated(XElement element) => (string?)element.Attribute("maxOccurs") is { } max && max != "1" && max != "0";

    internal static XName QName(XElement context, string qname)
    {
        var colon = qname.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(qname[..colon])
            ?? throw new InvalidDataException($"The prefix of {qname} is not declared.");
        return ns + qname[(colon + 1)..];
    }

    private string UniqueName(string xmlName)
    {
        var name = Identifiers.Type(xmlName);
        var unique = name;
        for (var i = 2; !_usedNames.Add(unique); i++)
        {
            unique = name + i;
        }

        return unique;
    }
}
