using System.Globalization;
using System.Text;
using ScottPlot;
using Color = ScottPlot.Color;
using Spectre.Console;

namespace TweetsSoap.Client.Compare;

/// <summary>The comparison's figures as console tables, a Markdown table and PNG charts.</summary>
public static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Print(IReadOnlyList<Figures> figures, CompareOptions options)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{options.Url}[/]: {options.Requests} requests per face at concurrency {options.Concurrency}");
        foreach (var operation in figures.GroupBy(f => f.Operation))
        {
            var table = new Table().Title(operation.Key).AddColumns("Face", "Request B", "gzip", "Response B", "gzip", "p50 ms", "p99 ms", "req/s");
            foreach (var f in operation)
            {
                table.AddRow(Cells(f));
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLine("Bytes: the whole HTTP/1.1 message (start line, headers, body); gzip: the same with the body gzip-compressed.");
    }

    public static IEnumerable<string> Write(IReadOnlyList<Figures> figures, CompareOptions options, string folder)
    {
        Directory.CreateDirectory(folder);
        var markdown = Path.Combine(folder, "compare.md");
        File.WriteAllText(markdown, Markdown(figures, options));
        yield return markdown;

        var operations = figures.Select(f => f.Operation).Distinct().ToList();
        yield return Chart(figures, operations, f => f.RequestsPerSecond, "Throughput", "requests per second", Path.Combine(folder, "throughput.png"));
        yield return Chart(figures, operations, f => f.P99Ms, "p99 latency", "milliseconds", Path.Combine(folder, "latency-p99.png"));
        yield return Chart(figures, operations, f => f.ResponseBytes, "Response size on the wire", "bytes", Path.Combine(folder, "response-bytes.png"));
    }

    private static string[] Cells(Figures f) =>
    [
        Faces.Label(f.Face),
        f.RequestBytes.ToString(Invariant), f.RequestGzipBytes.ToString(Invariant),
        f.ResponseBytes.ToString(Invariant), f.ResponseGzipBytes.ToString(Invariant),
        f.MedianMs.ToString("0.00", Invariant), f.P99Ms.ToString("0.00", Invariant), f.RequestsPerSecond.ToString("0", Invariant),
    ];

    private static string Markdown(IReadOnlyList<Figures> figures, CompareOptions options)
    {
        var text = new StringBuilder()
            .AppendLine(Invariant, $"{options.Requests} requests per face at concurrency {options.Concurrency}, against {options.Url}.")
            .AppendLine("Bytes are whole HTTP/1.1 messages (start line, headers, body); gzip: the same with the body gzip-compressed.")
            .AppendLine()
            .AppendLine("| Operation | Face | Request B | gzip | Response B | gzip | p50 ms | p99 ms | req/s |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var f in figures)
        {
            text.AppendLine($"| {f.Operation} | {string.Join(" | ", Cells(f))} |");
        }

        return text.ToString();
    }

    /// <summary>Grouped bars: one group per operation, one bar per face.</summary>
    private static string Chart(IReadOnlyList<Figures> figures, List<string> operations, Func<Figures, double> value, string title, string unit, string path)
    {
        var plot = new Plot();
        Color[] colors = [Colors.SteelBlue, Colors.LightSkyBlue, Colors.DarkOrange];
        var faces = Enum.GetValues<Face>();
        foreach (var face in faces)
        {
            var bars = figures.Where(f => f.Face == face).Select(f => new Bar
            {
                Position = operations.IndexOf(f.Operation) * (faces.Length + 1) + (int)face,
                Value = value(f),
                FillColor = colors[(int)face],
            }).ToList();
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Faces.Label(face), FillColor = colors[(int)face] });
        }

        plot.Axes.Bottom.SetTicks([.. operations.Select((_, i) => i * (faces.Length + 1) + 1.0)], [.. operations]);
        // 28 operation names side by side overlap: slanted, they each get their own line.
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 190;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(unit);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 1400, 650);
        return path;
    }
}
