using System.Globalization;
using TweetsSoap.Tests.Support;
using YamlDotNet.Serialization;

namespace TweetsSoap.Tests.Domain.TwitterText;

/// <summary>One case of twitter-text's conformance files: its file, section, description, text and expected answer.</summary>
public sealed record ConformanceCase(string File, string Section, string Description, string Text, object? Expected)
{
    public override string ToString() => $"{File}/{Section}: {Description}";
}

/// <summary>Reads twitter-text's conformance YAML files (Tests/Domain/TwitterText/conformance) as they are.</summary>
public static class ConformanceCases
{
    private static readonly Dictionary<string, List<ConformanceCase>> Files = [];

    public static IEnumerable<object[]> Of(string file, params string[] sections)
    {
        var cases = Load(file);
        var missing = sections.Except(cases.Select(c => c.Section)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{file}.yml has no section {string.Join(", ", missing)}.");
        }

        return cases.Where(c => sections.Contains(c.Section)).Select(c => new object[] { c });
    }

    public static IReadOnlyList<string> SectionsOf(string file) => [.. Load(file).Select(c => c.Section).Distinct()];

    /// <summary>A YAML value (scalars are strings) or one of ours, written the same way for both, keys sorted.</summary>
    public static string Canonical(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        IDictionary<object, object> map => "{" + string.Join(",", map.OrderBy(p => (string)p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Canonical(p.Value)}")) + "}",
        IDictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Canonical(p.Value)}")) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(",", list.Cast<object?>().Select(Canonical)) + "]",
        _ => throw new ArgumentException($"Unexpected value {value.GetType()}", nameof(value)),
    };

    /// <summary>YAML scalars come as strings: numbers and booleans are written unquoted so both sides agree.</summary>
    private static string Quote(string s) =>
        s is "true" or "false" || (s.Length > 0 && s.All(c => char.IsAsciiDigit(c) || c == '-') && int.TryParse(s, CultureInfo.InvariantCulture, out _))
            ? s
            : System.Text.Json.JsonSerializer.Serialize(s);

    private static List<ConformanceCase> Load(string file)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(file, out var cases))
            {
                var yaml = System.IO.File.ReadAllText(Repository.PathOf("Tests", "Domain", "TwitterText", "conformance", file + ".yml"));
                var root = (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(yaml)!;
                cases =
                [
                    .. ((Dictionary<object, object>)root["tests"]).SelectMany(section =>
                        ((List<object>)section.Value).Cast<Dictionary<object, object>>().Select(test => new ConformanceCase(
                            file,
                            (string)section.Key,
                            (string)test["description"],
                            test.TryGetValue("text", out var text) ? text as string ?? "" : "",
                            test.TryGetValue("expected", out var expected) ? expected : null))),
                ];
                Files[file] = cases;
            }

            return cases;
        }
    }
}
