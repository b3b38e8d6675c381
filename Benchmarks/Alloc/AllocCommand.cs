using System.CommandLine;
using TweetsSoap.Benchmarks.Harness;

namespace TweetsSoap.Benchmarks.Alloc;

/// <summary><c>alloc</c>: bytes allocated per GetTweet over SOAP 1.1 and over JSON (<see cref="GetTweetAllocations"/>).</summary>
internal static class AllocCommand
{
    public static Command Create(TextWriter output) =>
        MicroBenchmark.Create<GetTweetAllocations>("alloc", "BenchmarkDotNet: time and bytes allocated per GetTweet, SOAP 1.1 vs JSON, service in this process", output);
}
