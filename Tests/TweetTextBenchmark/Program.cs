using BenchmarkDotNet.Running;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.TweetTextBenchmark;

// dotnet run -c Release --project Tests/TweetTextBenchmark -- [--job short]
// dotnet run -c Release --project Tests/TweetTextBenchmark -- --loop N: parses the typical tweet N times and nothing
// else, for instruction counts on a busy machine (valgrind --tool=callgrind, two N, the difference over N).
if (args is ["--loop", var count])
{
    var parses = 0;
    for (var i = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i > 0; i--)
    {
        parses += TwitterText.Parse(ParseBenchmarks.Typical).Entities.Count;
    }

    Console.WriteLine(parses);
    return;
}

BenchmarkRunner.Run<ParseBenchmarks>(args: args);
