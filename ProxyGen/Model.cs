using System.Xml.Linq;

namespace TweetsSoap.ProxyGen;

/// <summary>A C# type a schema type maps to; <see cref="IsValueType"/> decides how "absent" is spelled (T? or null).</summary>
public sealed record TypeRef(string CsName, bool IsValueType);

/// <summary>One element of a sequence: a data member, an operation parameter or an operation result.</summary>
public sealed record Member(string XmlName, TypeRef Type, bool Optional, bool Nillable)
{
    /// <summary>Value types get <c>T?</c> when the element may be absent or nil, reference types get the nullable annotation.</summary>
    public string CsType => Optional || Nillable ? Type.CsName + "?" : Type.CsName;
}

public sealed record FaultDescription(XName Element, TypeRef Detail, string? Action);

public sealed record OperationDescription(
    string Name,
    string Action,
    string ReplyAction,
    IReadOnlyList<Member> Parameters,
    Member? Result,
    IReadOnlyList<FaultDescription> Faults);

public sealed record ServiceDescription(string Name, string Namespace, IReadOnlyList<OperationDescription> Operations);

public abstract record TypeDefinition(XName XmlName, string CsName);

public sealed record DataClassDefinition(XName XmlName, string CsName, string? BaseCsName, IReadOnlyList<Member> Members)
    : TypeDefinition(XmlName, CsName);

public sealed record EnumDefinition(XName XmlName, string CsName, IReadOnlyList<string> Values) : TypeDefinition(XmlName, CsName);

public sealed record CollectionDefinition(XName XmlName, string CsName, string ItemName, Member Item) : TypeDefinition(XmlName, CsName);
