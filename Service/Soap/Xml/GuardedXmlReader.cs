using System.Xml;
using TweetsSoap.Service.Soap.Pipeline;

namespace TweetsSoap.Service.Soap.Xml;

/// <summary>
/// A reader over the request that refuses, as it reaches each element, a shape beyond <see cref="SoapLimitsOptions"/>:
/// so the limits hold inside the arguments too, where the serializer, not the pipeline, moves the reader. Everything
/// else is the inner reader's, which resolves nothing and accepts no DTD; values are read by it too, so they are
/// converted (and refused) exactly as WCF and SoapCore convert them.
/// </summary>
public sealed class GuardedXmlReader(XmlDictionaryReader inner, SoapLimitsOptions limits) : XmlDictionaryReader
{
    private static readonly XmlDictionaryReaderQuotas Limits = SoapReaderQuotas.Create();

    public override XmlDictionaryReaderQuotas Quotas => Limits;

    /// <summary>
    /// Whether the inner reader threw: the request is not well-formed XML (or breaks a quota), and the inner reader's
    /// state is undefined from there on, so nothing more may be read from it.
    /// </summary>
    public bool Failed { get; private set; }

    public override bool Read()
    {
        try
        {
            if (!inner.Read())
            {
                return false;
            }

            if (inner.NodeType == XmlNodeType.Element)
            {
                Check();
            }

            return true;
        }
        catch (Exception e) when (e is XmlException or ArgumentException or InvalidOperationException or FormatException)
        {
            // The text reader puts the line only into its message; the exception's own LineNumber stays 0.
            Failed = true;
            var at = inner as IXmlLineInfo;
            throw new XmlException(e.Message, e, at?.LineNumber ?? 0, at?.LinePosition ?? 0);
        }
    }

    private void Check()
    {
        if (inner.Depth + 1 > limits.MaxDepth)
        {
            throw EnvelopeProblem.Malformed($"Elements nest deeper than {limits.MaxDepth} levels.");
        }

        if (inner.AttributeCount > limits.MaxAttributesPerElement)
        {
            throw EnvelopeProblem.Malformed($"<{inner.Name}> has more than {limits.MaxAttributesPerElement} attributes.");
        }

        if (NameLength(inner) > limits.MaxNameLength || LongAttributeName())
        {
            var name = inner.Name;
            throw EnvelopeProblem.Malformed($"A name on or in <{(name.Length <= 64 ? name : name[..64] + "…")}> is longer than {limits.MaxNameLength} characters.");
        }
    }

    private static int NameLength(XmlReader reader) => reader.Prefix.Length == 0 ? reader.LocalName.Length : reader.Prefix.Length + 1 + reader.LocalName.Length;

    private bool LongAttributeName()
    {
        var longName = false;
        for (var i = 0; i < inner.AttributeCount && !longName; i++)
        {
            inner.MoveToAttribute(i);
            longName = NameLength(inner) > limits.MaxNameLength;
        }

        inner.MoveToElement();
        return longName;
    }

    public override string ReadContentAsString() => Checked(inner.ReadContentAsString());

    public override string ReadElementContentAsString() => Checked(inner.ReadElementContentAsString());

    public override int ReadContentAsInt() => inner.ReadContentAsInt();

    public override int ReadElementContentAsInt() => inner.ReadElementContentAsInt();

    public override long ReadContentAsLong() => inner.ReadContentAsLong();

    public override long ReadElementContentAsLong() => inner.ReadElementContentAsLong();

    public override bool ReadContentAsBoolean() => inner.ReadContentAsBoolean();

    public override bool ReadElementContentAsBoolean() => inner.ReadElementContentAsBoolean();

    public override DateTime ReadContentAsDateTime() => inner.ReadContentAsDateTime();

    public override DateTime ReadElementContentAsDateTime() => inner.ReadElementContentAsDateTime();

    public override decimal ReadContentAsDecimal() => inner.ReadContentAsDecimal();

    public override decimal ReadElementContentAsDecimal() => inner.ReadElementContentAsDecimal();

    public override double ReadContentAsDouble() => inner.ReadContentAsDouble();

    public override double ReadElementContentAsDouble() => inner.ReadElementContentAsDouble();

    public override float ReadContentAsFloat() => inner.ReadContentAsFloat();

    public override float ReadElementContentAsFloat() => inner.ReadElementContentAsFloat();

    public override Guid ReadContentAsGuid() => inner.ReadContentAsGuid();

    public override Guid ReadElementContentAsGuid() => inner.ReadElementContentAsGuid();

    public override TimeSpan ReadContentAsTimeSpan() => inner.ReadContentAsTimeSpan();

    public override TimeSpan ReadElementContentAsTimeSpan() => inner.ReadElementContentAsTimeSpan();

    public override UniqueId ReadContentAsUniqueId() => inner.ReadContentAsUniqueId();

    public override UniqueId ReadElementContentAsUniqueId() => inner.ReadElementContentAsUniqueId();

    public override string ReadString() => Checked(inner.ReadString());

    /// <summary>
    /// The text reader lets character references through that name characters XML 1.0 forbids (<c>&amp;#0;</c>,
    /// lone surrogates); no value of this service may hold one. The problem is the envelope's, named in the words
    /// <see cref="XmlProblems"/> uses, so no later catch turns it into a vaguer fault.
    /// </summary>
    private static string Checked(string value) =>
        XmlProblems.ForbiddenCharacterIn(value) is { } character
            ? throw EnvelopeProblem.Malformed($"The request contains {character}, which XML 1.0 does not allow, not even as a character reference.")
            : value;

    public override int AttributeCount => inner.AttributeCount;

    public override string BaseURI => inner.BaseURI;

    public override int Depth => inner.Depth;

    public override bool EOF => inner.EOF;

    public override bool HasValue => inner.HasValue;

    public override bool IsEmptyElement => inner.IsEmptyElement;

    public override string LocalName => inner.LocalName;

    public override string Name => inner.Name;

    public override string NamespaceURI => inner.NamespaceURI;

    public override XmlNameTable NameTable => inner.NameTable;

    public override XmlNodeType NodeType => inner.NodeType;

    public override string Prefix => inner.Prefix;

    public override ReadState ReadState => inner.ReadState;

    public override string Value => inner.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Attribute ? Checked(inner.Value) : inner.Value;

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => inner.ResolveEntity();

    public override void Close() => inner.Close();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
