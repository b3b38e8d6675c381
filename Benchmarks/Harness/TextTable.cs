using System.Globalization;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>
/// A Markdown table padded to line up in a terminal, so a run's output can be read there and pasted into docs/
/// as it is. The first column is left-aligned, the others (figures) right-aligned.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string[]> Rows => _rows;

    public void Add(params object[] cells) =>
        _rows.Add([.. cells.Select(c => c switch
        {
            double d when double.IsNaN(d) => "-",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? "",
        })]);

    public void Write(TextWriter output)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        output.WriteLine(Line(headers, widths));
        output.WriteLine("|" + string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |";
}
