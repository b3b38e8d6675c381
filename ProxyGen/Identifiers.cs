using System.Text;

namespace TweetsSoap.ProxyGen;

/// <summary>Turns XML names into C# identifiers; the XML name itself always stays on the attribute.</summary>
public static class Identifiers
{
    public static string Type(string xmlName) => Pascal(Clean(xmlName));

    public static string Member(string xmlName) => Escape(Pascal(Clean(xmlName)));

    public static string Parameter(string xmlName)
    {
        var clean = Clean(xmlName);
        return Escape(char.ToLowerInvariant(clean[0]) + clean[1..]);
    }

    private static string Clean(string xmlName)
    {
        var builder = new StringBuilder();
        foreach (var c in xmlName)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    ];

    private static string Escape(string name) => Keywords.Contains(name) ? "@" + name : name;
}
