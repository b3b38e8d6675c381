using System.CommandLine;
using TweetsSoap.Benchmarks.Harness;

namespace TweetsSoap.Benchmarks.Read;

internal sealed record ReadOptions(string Backend, int Rounds, int Seconds, int Connections, bool Posts, string PgExtra, string PgConf, string[] Settings);

/// <summary>
/// <c>read</c>: the read path against its ceiling, side by side under wrk. A fixed answer from the same Kestrel
/// (<c>/ping</c>), a default SoapCore service answering GetTweet from a dictionary (the SoapCore peer, the yardstick),
/// and TweetsSoap's GetTweet, ListTweets(20) and first home-timeline page on both faces (PostTweet too with
/// <c>--posts</c>), on a fresh SQLite file or a throwaway PostgreSQL cluster. Every case runs once per round, rounds
/// interleaved, so a busy neighbour slows every case alike; the table quotes medians and shares of the ceiling.
/// </summary>
internal static class ReadCommand
{
    private static readonly Option<string> Backend = CommonOptions.Backend();
    private static readonly Option<int> Rounds = CommonOptions.Rounds(3);
    private static readonly Option<int> Duration = CommonOptions.Duration(3);
    private static readonly Option<int> Connections = CommonOptions.Positive("--connections", "wrk connections per case", 16);
    private static readonly Option<bool> Posts = new("--posts") { Description = "Also PostTweet on both faces (writes, hash-bound on a cold cache)" };
    private static readonly Option<string> PgExtra = new("--pg-extra") { Description = "Appended to the Npgsql connection string, e.g. \"Max Auto Prepare=0\"", DefaultValueFactory = _ => "" };
    private static readonly Option<string> PgConf = new("--pg-conf") { Description = "Lines appended to the cluster's postgresql.conf", DefaultValueFactory = _ => "" };

    private static readonly Option<string[]> Settings = new("--service-setting")
    {
        Description = "A further setting of the service, as KEY=VALUE without the dashes (e.g. Storage:TweetCacheCapacity=0); repeatable",
        DefaultValueFactory = _ => [],
    };

    public static Command Create(TextWriter output)
    {
        var command = new Command("read", "wrk on the read path: /ping ceiling, SoapCore peer, GetTweet, ListTweets and home timeline on SOAP and JSON")
        {
            Backend, Rounds, Duration, Connections, Posts, PgExtra, PgConf, Settings,
        };
        command.SetAction((result, _) => RunAsync(OptionsOf(result), output));
        return command;
    }

    internal static ReadOptions OptionsOf(ParseResult result) => new(
        result.GetValue(Backend)!, result.GetValue(Rounds), result.GetValue(Duration), result.GetValue(Connections),
        result.GetValue(Posts), result.GetValue(PgExtra)!, result.GetValue(PgConf)!, result.GetValue(Settings)!);

    public static async Task<int> RunAsync(ReadOptions options, TextWriter output)
    {
        Wrk.EnsureInstalled();
        RunHeader.Write(output, "read", $"{options.Backend}, wrk -t1 -c{options.Connections}, {options.Rounds} rounds of {options.Seconds}s per case, medians" +
            string.Concat(options.Settings.Select(s => $", --{s}")));
        var work = Directory.CreateTempSubdirectory("tweetssoap-bench-read-");
        await using var cluster = options.Backend == "postgres"
            ? await ThrowawayCluster.StartAsync(ThrowawayCluster.SmallMachineSettings + "\n" + options.PgConf)
            : null;
        try
        {
            string[] storage = cluster is null
                ? [$"--Storage:SqlitePath={Path.Combine(work.FullName, "tweets.db")}"]
                : await cluster.ServiceSettingsAsync(options.PgExtra);
            await using var service = await ServerProcess.StartAsync(ServerProcess.ServiceAssembly, "ping",
                [.. storage, "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:SoapCore=Error", .. options.Settings.Select(s => $"--{s}")]);
            await using var peer = await ServerProcess.StartAsync(ServerProcess.PeerAssembly, "TweetService.svc");

            var cases = await ReadCases.SeedAsync(service.BaseAddress, peer.BaseAddress, options.Posts, work.FullName);
            var results = cases.ToDictionary(c => c.Name, _ => new List<WrkResult>());
            Console.Error.WriteLine("warming up");
            foreach (var @case in cases)
            {
                await RunCaseAsync(@case, options.Connections, 2);
            }

            for (var round = 1; round <= options.Rounds; round++)
            {
                Console.Error.WriteLine($"round {round} of {options.Rounds}");
                foreach (var @case in cases)
                {
                    results[@case.Name].Add(await RunCaseAsync(@case, options.Connections, options.Seconds));
                }
            }

            Report(results, output);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<WrkResult> RunCaseAsync(WrkCase @case, int connections, int seconds)
    {
        var result = await Wrk.RunAsync(@case.Target, @case.Script, connections, seconds);
        return result.Errors > 0 ? throw new InvalidOperationException($"{@case.Name} answered errors:\n{result.Output}")
            : result.Requests == 0 ? throw new InvalidOperationException($"{@case.Name} completed no request in {seconds}s:\n{result.Output}")
            : result;
    }

    private static void Report(Dictionary<string, List<WrkResult>> results, TextWriter output)
    {
        double Rate(string name) => Stats.Median(results[name].Select(r => r.RequestsPerSecond));
        double P50(string name) => Stats.Median(results[name].Select(r => r.P50Ms));
        double P99(string name) => Stats.Median(results[name].Select(r => r.P99Ms));

        var ceiling = Rate("ceiling");
        var table = new TextTable("case", "req/s", "p50 ms", "p99 ms", "p99/p50", "of /ping");
        foreach (var name in results.Keys)
        {
            table.Add(name, Rate(name).ToString("F0"), P50(name).ToString("F2"), P99(name).ToString("F2"),
                (P99(name) / P50(name)).ToString("F1"), $"{100 * Rate(name) / ceiling:F0}%");
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine($"SOAP GetTweet / SoapCore peer {Rate("soap-get") / Rate("peer-get"):F2}x (target >= 1.5); SOAP/JSON GetTweet {Rate("soap-get") / Rate("json-get"):F2}x");
        foreach (var (key, operation, targets) in new[]
        {
            ("get", "GetTweet", true), ("list", "ListTweets", true), ("home", "GetHomeTimeline", false), ("post", "PostTweet", false),
        })
        {
            if (results.ContainsKey($"soap-{key}"))
            {
                var throughput = Rate($"soap-{key}") / Rate($"json-{key}");
                var p99 = P99($"soap-{key}") / P99($"json-{key}");
                output.WriteLine(targets
                    ? $"{operation,-15} SOAP/JSON throughput {throughput:F2}x (target >= 0.95), p99 {p99:F2}x (target <= 1.20)"
                    : $"{operation,-15} SOAP/JSON throughput {throughput:F2}x, p99 {p99:F2}x");
            }
        }

        RunHeader.WriteLoadAtEnd(output);
    }
}
