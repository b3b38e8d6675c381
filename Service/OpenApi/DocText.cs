using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TweetsSoap.Service.OpenApi;

/// <summary>
/// The prose of an XML doc element as CommonMark, which OpenAPI descriptions are: the counterpart of
/// <c>Html.Doc</c> for the help pages, so both faces show one text.
/// </summary>
public static partial class DocText
{
    public static string Markdown(XElement? doc)
    {
        if (doc is null)
        {
            return "";
        }

        var text = new StringBuilder();
        Append(text, doc);
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    /// <summary>Joins the non-empty parts as paragraphs.</summary>
    public static string Paragraphs(params string?[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static void Append(StringBuilder text, XElement doc)
    {
        foreach (var node in doc.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var target = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? "";
                    Code(text, target[(target.LastIndexOfAny([':', '.']) + 1)..]);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    Code(text, reference.Attribute("name")?.Value ?? "");
                    break;
                case XElement { Name.LocalName: "c" or "code" } code:
                    Code(text, code.Value);
                    break;
                case XElement other:
                    Append(text, other);
                    break;
            }
        }
    }

    private static void Code(StringBuilder text, string code) => text.Append('`').Append(code).Append('`');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
