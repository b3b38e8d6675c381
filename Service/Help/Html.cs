using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using System.Xml.Linq;

namespace TweetsSoap.Service.Help;

/// <summary>
/// Builds a page from markup the code writes and text that is always encoded. Anything that did not come from a
/// literal in this assembly goes through <see cref="Text"/> or <see cref="Attr"/>, never <see cref="Raw"/>.
/// </summary>
public sealed partial class Html
{
    // All of Unicode stays readable; only what is markup in HTML (<, >, &, quotes) and invisible controls are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _builder = new();

    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _builder.Append(Encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary>An attribute, name="value", with a leading space.</summary>
    public Html Attr(string name, string? value)
    {
        _builder.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value ?? "")).Append('"');
        return this;
    }

    /// <summary><c>&lt;tag class="..."&gt;text&lt;/tag&gt;</c></summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _builder.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        _builder.Append('>');
        Text(text);
        _builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>
    /// Renders the prose of an XML doc element: text is encoded, <c>&lt;c&gt;</c>, <c>&lt;see cref&gt;</c> and
    /// <c>&lt;paramref&gt;</c> become <c>&lt;code&gt;</c>.
    /// </summary>
    public Html Doc(XElement? doc)
    {
        if (doc is null)
        {
            return this;
        }

        foreach (var node in doc.Nodes())
        {
            switch (node)
            {
                case XText text:
                    var prose = Whitespace().Replace(text.Value, " ");
                    Text(node == doc.FirstNode ? prose.TrimStart() : node == doc.LastNode ? prose.TrimEnd() : prose);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var target = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? "";
                    Element("code", target[(target.LastIndexOfAny([':', '.']) + 1)..]);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    Element("code", reference.Attribute("name")?.Value);
                    break;
                case XElement { Name.LocalName: "c" or "code" } code:
                    Element("code", code.Value);
                    break;
                case XElement other:
                    Doc(other);
                    break;
            }
        }

        return this;
    }

    public override string ToString() => _builder.ToString();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
