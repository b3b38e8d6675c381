using System.CommandLine;
using TweetsSoap.Benchmarks.Harness;
using TweetsSoap.Service.Domain.TweetText;

namespace TweetsSoap.Benchmarks.Text;

/// <summary><c>text</c>: one parse of tweet text as every write does it (<see cref="ParseBenchmarks"/>).</summary>
internal static class TextCommand
{
    private static readonly Option<int> Loop = new("--loop")
    {
        Description = "Instead of BenchmarkDotNet, parse the typical tweet N times and nothing else: run it under valgrind --tool=callgrind " +
            "for two N and divide the difference, an instruction count that a busy machine does not change",
    };

    public static Command Create(TextWriter output)
    {
        var command = MicroBenchmark.Create<ParseBenchmarks>("text", "BenchmarkDotNet: time and allocation of parsing a typical tweet and a text of weight 280", output);
        command.Options.Add(Loop);
        command.SetAction(result => result.GetValue(Loop) is > 0 and var count
            ? ParseRepeatedly(count, output)
            : MicroBenchmark.Run<ParseBenchmarks>("text", MicroBenchmark.OptionsOf(result), output));
        return command;
    }

    private static int ParseRepeatedly(int count, TextWriter output)
    {
        var entities = 0;
        for (var i = 0; i < count; i++)
        {
            entities += TwitterText.Parse(ParseBenchmarks.Typical).Entities.Count;
        }

        output.WriteLine(entities);
        return 0;
    }
}
