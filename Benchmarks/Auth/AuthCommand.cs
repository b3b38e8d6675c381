using System.CommandLine;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TweetsSoap.Benchmarks.Harness;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Benchmarks.Auth;

internal sealed record AuthOptions(int Calls, string Backend);

/// <summary>
/// <c>auth</c>: the cost of an authenticated call (Login over SOAP 1.1 on loopback) with the verification cache on
/// and off, on services in this process, calls interleaved (the order reversed every other round) so all see the
/// same machine load; and a wrong password and an unknown user, which must cost the same as a cache miss. With
/// <c>--backend postgres</c>, also Login on a throwaway PostgreSQL cluster with the login ledger shared through the
/// database (as instances run) beside the same service keeping it in the process, each with and without a nonce.
/// </summary>
internal static class AuthCommand
{
    private const string Password = "correct horse battery";
    private const int WarmUp = 20;

    private static readonly Option<int> Calls = CommonOptions.Positive("--calls", "Timed calls per row", 100);
    private static readonly Option<string> Backend = CommonOptions.Backend();

    public static Command Create(TextWriter output)
    {
        var command = new Command("auth", "Login with the verification cache on and off, wrong password, unknown user; PostgreSQL's shared login ledger with --backend postgres")
        {
            Calls, Backend,
        };
        command.SetAction((result, _) => RunAsync(OptionsOf(result), output));
        return command;
    }

    internal static AuthOptions OptionsOf(ParseResult result) => new(result.GetValue(Calls), result.GetValue(Backend)!);

    public static async Task<int> RunAsync(AuthOptions options, TextWriter output)
    {
        RunHeader.Write(output, "auth", $"Login over SOAP 1.1 on loopback, {options.Calls} calls per row after {WarmUp} warm-up calls, rows interleaved");
        string[] unthrottled = ["--Credentials:FailedLoginsPerAccount=1000000", "--Credentials:FailedLoginsPerAddress=1000000", "--Credentials:FailedLoginsPerAccountAndAddress=1000000"];
        var postgres = options.Backend == "postgres";
        await using var cluster = postgres ? await ThrowawayCluster.StartAsync(ThrowawayCluster.SmallMachineSettings) : null;
        var services = new List<InProcessService>
        {
            await InProcessService.StartAsync([.. unthrottled, "--Credentials:VerificationCacheDuration=00:05:00"]),
            await InProcessService.StartAsync([.. unthrottled, "--Credentials:VerificationCacheDuration=00:00:00"]),
        };
        try
        {
            if (cluster is not null)
            {
                services.Add(await InProcessService.StartAsync([.. unthrottled, .. await cluster.ServiceSettingsAsync()]));
                // What every instance had before the ledger moved into the database: the baseline for its cost.
                services.Add(await InProcessService.StartAsync([.. unthrottled, .. await cluster.ServiceSettingsAsync()],
                    s => s.AddSingleton<ILoginLedger, InProcessLoginLedger>()));
            }

            foreach (var service in services)
            {
                await service.PostSoapAsync("UserService", "SignUp",
                    $"<SignUp xmlns=\"{InProcessService.Ns}\"><username>bench</username><email>bench@example.org</email><password>{Password}</password><firstName>B</firstName><lastName>M</lastName></SignUp>");
            }

            var rows = new List<(string Name, Func<Task<double>> Call)>
            {
                ("SQLite, verification cache on", () => LoginAsync(services[0], "bench", Password)),
                ("SQLite, verification cache off", () => LoginAsync(services[1], "bench", Password)),
                ("SQLite, wrong password", () => LoginAsync(services[1], "bench", "wrong horse battery")),
                ("SQLite, unknown user", () => LoginAsync(services[1], "nobody", "wrong horse battery")),
            };
            if (cluster is not null)
            {
                rows.Add(("PostgreSQL, shared ledger, cache on", () => LoginAsync(services[2], "bench", Password)));
                rows.Add(("PostgreSQL, in-process ledger, cache on", () => LoginAsync(services[3], "bench", Password)));
                rows.Add(("PostgreSQL, shared ledger, nonce", () => LoginAsync(services[2], "bench", Password, nonce: true)));
                rows.Add(("PostgreSQL, in-process ledger, nonce", () => LoginAsync(services[3], "bench", Password, nonce: true)));
            }

            var samples = rows.ToDictionary(r => r.Name, _ => new List<double>());
            for (var i = -WarmUp; i < options.Calls; i++)
            {
                foreach (var (name, call) in i % 2 == 0 ? rows : Enumerable.Reverse(rows))
                {
                    var elapsed = await call();
                    if (i >= 0)
                    {
                        samples[name].Add(elapsed);
                    }
                }
            }

            var table = new TextTable("call", "median ms", "p90 ms");
            foreach (var (name, values) in samples)
            {
                table.Add(name, Stats.Median(values).ToString("F3"), Stats.Percentile(values, 0.9).ToString("F3"));
            }

            table.Write(output);
            output.WriteLine();
            output.WriteLine($"SQLite cache off / cache on: {Stats.Median(samples["SQLite, verification cache off"]) / Stats.Median(samples["SQLite, verification cache on"]):F1}x");
            if (cluster is not null)
            {
                output.WriteLine($"PostgreSQL shared / in-process ledger, cache on: {Stats.Median(samples["PostgreSQL, shared ledger, cache on"]) / Stats.Median(samples["PostgreSQL, in-process ledger, cache on"]):F2}x");
            }

            RunHeader.WriteLoadAtEnd(output);
            return 0;
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }

    /// <summary>Milliseconds of one Login; fails when the answer is not the one the row measures.</summary>
    private static async Task<double> LoginAsync(InProcessService service, string username, string password, bool nonce = false)
    {
        var freshness = nonce
            ? $"<wsse:Nonce>{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}</wsse:Nonce><wsu:Created xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}</wsu:Created>"
            : "";
        var header = $"""<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>{username}</wsse:Username><wsse:Password>{password}</wsse:Password>{freshness}</wsse:UsernameToken></wsse:Security>""";
        var started = Stopwatch.GetTimestamp();
        var (status, _) = await service.PostSoapAsync("UserService", "Login", $"<Login xmlns=\"{InProcessService.Ns}\"/>", header);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return status == HttpStatusCode.OK == (password == Password && username == "bench")
            ? elapsed
            : throw new InvalidOperationException($"Login as {username} answered {(int)status}, which is not what this row measures.");
    }
}
