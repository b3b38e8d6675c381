using System.CommandLine;
using TweetsSoap.Benchmarks.Harness;

namespace TweetsSoap.Benchmarks.Text;

/// <summary><c>text</c>: one parse of tweet text as every write does it (<see cref="ParseBenchmarks"/>).</summary>
internal static class TextCommand
{
    public static Command Create(TextWriter output) =>
        MicroBenchmark.Create<ParseBenchmarks>("text", "BenchmarkDotNet: time and allocation of parsing a typical tweet and a text of weight 280", output);
}
