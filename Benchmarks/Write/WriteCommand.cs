using System.CommandLine;
using System.Diagnostics;
using System.Text;
using TweetsSoap.Benchmarks.Harness;

namespace TweetsSoap.Benchmarks.Write;

internal sealed record WriteOptions(string Baseline, int Rounds, int Seconds, int[] Clients, string[] Faces, string[] Workloads, bool Postgres, string[] Variants);

/// <summary>
/// <c>write</c>: writes under concurrency, before and after. PostTweet alone (<c>post</c>) and a mix of every write
/// (<c>mix</c>: posts, likes, follows, retweets, edits, deletes; see write-mix.lua) at 1, 4, 16 and 32 clients, over
/// SOAP 1.1 and JSON, with wrk -t1 and the verification cache on. Runs this tree and a baseline (a git ref, built
/// in Release) side by side on fresh SQLite files, plus this tree on a throwaway PostgreSQL cluster (fsync on).
/// Rounds are interleaved, the order of the targets rotating; beside latency and throughput the table quotes the
/// service's CPU time per request, which a busy neighbour disturbs far less than wall-clock figures: cores needed
/// for a target rate = rate x CPU ms / 1000.
/// </summary>
internal static class WriteCommand
{
    private static readonly Option<string> Baseline = new("--baseline") { Description = "Git ref to compare with (built in Release), or 'none'", DefaultValueFactory = _ => "main" };
    private static readonly Option<int> Rounds = CommonOptions.Rounds(3);
    private static readonly Option<int> Duration = CommonOptions.Duration(3);
    private static readonly Option<int[]> Clients = new("--clients") { Description = "Concurrent clients (wrk connections)", DefaultValueFactory = _ => [1, 4, 16, 32], AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string[]> Faces = new Option<string[]>("--faces") { Description = "soap, json or both", DefaultValueFactory = _ => ["soap", "json"], AllowMultipleArgumentsPerToken = true }.AcceptOnlyFromAmong("soap", "json");
    private static readonly Option<string[]> Workloads = new Option<string[]>("--workloads") { Description = "post, mix or both", DefaultValueFactory = _ => ["post", "mix"], AllowMultipleArgumentsPerToken = true }.AcceptOnlyFromAmong("post", "mix");
    private static readonly Option<bool> NoPostgres = new("--no-postgres") { Description = "Leave out this tree on PostgreSQL" };
    private static readonly Option<string[]> Variants = new("--variant")
    {
        Description = "One more target: this tree on SQLite with further settings, as NAME=SETTINGS (e.g. inline=--Storage:SqliteInlineWrites=true); repeatable",
        DefaultValueFactory = _ => [],
    };

    public static Command Create(TextWriter output)
    {
        Clients.Validators.Clear();
        Clients.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int[]>().Any(c => c < 1))
            {
                result.AddError("--clients must be positive whole numbers.");
            }
        });
        var command = new Command("write", "wrk on the write path: PostTweet and a mix of every write at 1-32 clients, this tree vs a baseline, SQLite and PostgreSQL")
        {
            Baseline, Rounds, Duration, Clients, Faces, Workloads, NoPostgres, Variants,
        };
        Variants.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>().Any(v => v.IndexOf('=') is < 1))
            {
                result.AddError("--variant takes NAME=SETTINGS.");
            }
        });
        command.SetAction((result, _) => RunAsync(OptionsOf(result), output));
        return command;
    }

    internal static WriteOptions OptionsOf(ParseResult result) => new(
        result.GetValue(Baseline)!, result.GetValue(Rounds), result.GetValue(Duration), result.GetValue(Clients)!,
        result.GetValue(Faces)!, result.GetValue(Workloads)!, !result.GetValue(NoPostgres), result.GetValue(Variants)!);

    public static async Task<int> RunAsync(WriteOptions options, TextWriter output)
    {
        Wrk.EnsureInstalled();
        var withBase = options.Baseline != "none";
        RunHeader.Write(output, "write", $"wrk -t1, {options.Rounds} interleaved rounds of {options.Seconds}s per case, medians; " +
            (withBase ? $"base = {options.Baseline} ({RunHeader.Git($"rev-parse --short {options.Baseline}") ?? "?"}), " : "") + "new = this tree");
        var work = Directory.CreateTempSubdirectory("tweetssoap-bench-write-");
        var targets = new List<Target>();
        ThrowawayCluster? cluster = null;
        try
        {
            string[] settings = ["--Credentials:VerificationCacheDuration=01:00:00", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:SoapCore=Error"];
            if (withBase)
            {
                var baseService = await BuildBaselineAsync(options.Baseline, work.FullName);
                targets.Add(await Target.StartAsync("base", baseService, [$"--Storage:SqlitePath={Path.Combine(work.FullName, "base.db")}", .. settings], work.FullName));
            }

            targets.Add(await Target.StartAsync("new", ServerProcess.ServiceAssembly, [$"--Storage:SqlitePath={Path.Combine(work.FullName, "new.db")}", .. settings], work.FullName));
            foreach (var variant in options.Variants)
            {
                var name = variant[..variant.IndexOf('=')];
                var extra = variant[(name.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                targets.Add(await Target.StartAsync(name, ServerProcess.ServiceAssembly, [$"--Storage:SqlitePath={Path.Combine(work.FullName, $"{name}.db")}", .. settings, .. extra], work.FullName));
            }

            if (options.Postgres)
            {
                cluster = await ThrowawayCluster.StartAsync("max_connections = 300");
                targets.Add(await Target.StartAsync("pg", ServerProcess.ServiceAssembly, [.. await cluster.ServiceSettingsAsync(), .. settings], work.FullName));
            }

            var script = Path.Combine(AppContext.BaseDirectory, "Write", "write-mix.lua");
            var results = new Dictionary<(string Target, string Workload, string Face, int Clients), List<(WrkResult Wrk, double CpuMs)>>();
            Console.Error.WriteLine("warming up");
            foreach (var target in targets)
            {
                foreach (var face in options.Faces)
                {
                    foreach (var workload in options.Workloads)
                    {
                        await target.RunAsync(script, face, workload, 16, 2);
                    }
                }
            }

            for (var round = 1; round <= options.Rounds; round++)
            {
                Console.Error.WriteLine($"round {round} of {options.Rounds}");
                foreach (var workload in options.Workloads)
                {
                    foreach (var face in options.Faces)
                    {
                        foreach (var clients in options.Clients)
                        {
                            // Rotate which target goes first, so none is always measured right after the heaviest.
                            foreach (var target in targets.Skip(round % targets.Count).Concat(targets.Take(round % targets.Count)))
                            {
                                var key = (target.Name, workload, face, clients);
                                if (!results.TryGetValue(key, out var list))
                                {
                                    results[key] = list = [];
                                }

                                list.Add(await target.RunAsync(script, face, workload, clients, options.Seconds));
                            }
                        }
                    }
                }
            }

            Report(options, targets, results, output);
            return 0;
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.Server.DisposeAsync();
            }

            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            work.Delete(recursive: true);
        }
    }

    private static void Report(WriteOptions options, List<Target> targets, Dictionary<(string, string, string, int), List<(WrkResult Wrk, double CpuMs)>> results, TextWriter output)
    {
        var names = targets.Select(t => t.Name).ToList();
        var compare = names.Contains("base") && names.Contains("new");
        List<string> headers = ["workload", "face", "clients"];
        foreach (var name in names)
        {
            headers.AddRange([$"{name} req/s", $"{name} p50", $"{name} p99", $"{name} CPU ms/req"]);
        }

        if (compare)
        {
            headers.AddRange(["new/base req/s", "new/base p99"]);
        }

        var table = new TextTable([.. headers]);
        foreach (var workload in options.Workloads)
        {
            foreach (var face in options.Faces)
            {
                foreach (var clients in options.Clients)
                {
                    double Median(string target, Func<(WrkResult Wrk, double CpuMs), double> figure) => Stats.Median(results[(target, workload, face, clients)].Select(figure));
                    List<object> row = [workload, face, clients];
                    foreach (var name in names)
                    {
                        row.AddRange([Median(name, r => r.Wrk.RequestsPerSecond).ToString("F0"), Median(name, r => r.Wrk.P50Ms).ToString("F2"),
                            Median(name, r => r.Wrk.P99Ms).ToString("F2"), Median(name, r => r.CpuMs).ToString("F3")]);
                    }

                    if (compare)
                    {
                        row.AddRange([(Median("new", r => r.Wrk.RequestsPerSecond) / Median("base", r => r.Wrk.RequestsPerSecond)).ToString("F2"),
                            (Median("new", r => r.Wrk.P99Ms) / Median("base", r => r.Wrk.P99Ms)).ToString("F3")]);
                    }

                    table.Add([.. row]);
                }
            }
        }

        table.Write(output);
        var failed = results.Where(r => r.Value.Any(v => v.Wrk.Errors > 0)).Select(r => $"{r.Key.Item1} {r.Key.Item2} {r.Key.Item3} {r.Key.Item4}: {r.Value.Sum(v => v.Wrk.Errors)}").ToList();
        if (failed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("runs with non-2xx answers or socket errors:");
            failed.ForEach(output.WriteLine);
        }

        RunHeader.WriteLoadAtEnd(output);
    }

    /// <summary>The baseline's service, built in Release from <c>git archive</c> of the ref.</summary>
    private static async Task<string> BuildBaselineAsync(string reference, string work)
    {
        Console.Error.WriteLine($"building {reference} in Release");
        var source = Directory.CreateDirectory(Path.Combine(work, "base-src")).FullName;
        var archive = Path.Combine(work, "base.tar");
        await RunAsync("git", ["-C", RepositoryRoot.Path, "archive", "--output", archive, reference]);
        await RunAsync("tar", ["-xf", archive, "-C", source]);
        var bin = Path.Combine(work, "base-bin");
        await RunAsync("dotnet", ["build", Path.Combine(source, "Service"), "-c", "Release", "-o", bin, "-v", "quiet", "-nologo"]);
        return Path.Combine(bin, "TweetsSoap.Service.dll");
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await text}{await error}");
        }
    }

    /// <summary>A service under test with its seeded users (a Lua table for write-mix.lua).</summary>
    private sealed record Target(string Name, ServerProcess Server, string UsersFile)
    {
        /// <summary>Starts the service and seeds 32 users with 5 tweets each: targets for likes, retweets, follows and edits.</summary>
        public static async Task<Target> StartAsync(string name, string assembly, string[] settings, string work)
        {
            var server = await ServerProcess.StartAsync(assembly, "ping", settings);
            Console.Error.WriteLine($"seeding {name}");
            using var seeder = new JsonSeeder(server.BaseAddress);
            var lua = new StringBuilder("return {\n");
            var prefix = $"w{Random.Shared.Next(100_000)}u";
            for (var u = 0; u < 32; u++)
            {
                var user = await seeder.SignUpAsync(prefix + u);
                var tweets = new List<Guid>();
                for (var i = 1; i <= 5; i++)
                {
                    tweets.Add(await seeder.PostAsync(user, $"seed {i}"));
                }

                lua.Append($"{{name=\"{user.Name}\", password=\"{user.Password}\", basic=\"{user.Basic}\", id=\"{user.Id}\", tweets={{{string.Concat(tweets.Select(t => $"\"{t}\","))}}}}},\n");
            }

            var file = Path.Combine(work, $"{name}.users.lua");
            await File.WriteAllTextAsync(file, lua.Append("}\n").ToString());
            return new Target(name, server, file);
        }

        public async Task<(WrkResult Wrk, double CpuMs)> RunAsync(string script, string face, string workload, int clients, int seconds)
        {
            var before = Server.CpuTime;
            var result = await Wrk.RunAsync(Server.BaseAddress, script, clients, seconds, UsersFile, face, workload);
            var cpu = Server.CpuTime - before;
            return (result, result.Requests > 0 ? cpu.TotalMilliseconds / result.Requests : double.NaN);
        }
    }
}
