using BenchmarkDotNet.Running;
using TweetsSoap.TweetTextBenchmark;

// dotnet run -c Release --project Tests/TweetTextBenchmark -- [--job short]
BenchmarkRunner.Run<ParseBenchmarks>(args: args);
