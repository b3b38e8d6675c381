using System.CommandLine;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace TweetsSoap.Benchmarks.Harness;

internal sealed record MicroOptions(int Iterations, int WarmUps, int IterationMilliseconds);

/// <summary>
/// BenchmarkDotNet in this process (no generated project to build, which on a loaded 2-core machine costs more
/// than the measurement), with its memory diagnoser, one launch and short iterations by default.
/// </summary>
internal static class MicroBenchmark
{
    private static readonly Option<int> Iterations = CommonOptions.Positive("--iterations", "Measured iterations", 10);
    private static readonly Option<int> WarmUps = CommonOptions.Positive("--warmups", "Warm-up iterations", 5);
    private static readonly Option<int> IterationTime = CommonOptions.Positive("--iteration-time", "Milliseconds per iteration", 250);

    public static Command Create<T>(string name, string description, TextWriter output)
    {
        var command = new Command(name, description) { Iterations, WarmUps, IterationTime };
        command.SetAction(result => Run<T>(name, OptionsOf(result), output));
        return command;
    }

    internal static MicroOptions OptionsOf(ParseResult result) =>
        new(result.GetValue(Iterations), result.GetValue(WarmUps), result.GetValue(IterationTime));

    internal static int Run<T>(string name, MicroOptions options, TextWriter output)
    {
        RunHeader.Write(output, name, $"BenchmarkDotNet in-process, {options.WarmUps} warm-up and {options.Iterations} measured iterations of {options.IterationMilliseconds} ms");
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(options.WarmUps)
            .WithIterationCount(options.Iterations)
            .WithIterationTime(TimeInterval.FromMilliseconds(options.IterationMilliseconds));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "tweetssoap-benchmarkdotnet"));
        var summary = BenchmarkRunner.Run<T>(config);
        RunHeader.WriteLoadAtEnd(output);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }
}
