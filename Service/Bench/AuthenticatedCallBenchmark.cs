using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Bench;

/// <summary>
/// <c>dotnet run -c Release --project Service -- bench-auth [calls] [postgres-connection-string]</c>: the cost of an
/// authenticated call (Login over SOAP 1.1 on loopback) with and without the verification cache, measured side by
/// side on services in this process, calls interleaved so all see the same machine load; a wrong password and an
/// unknown user, which must cost the same. Given a PostgreSQL server, also Login on PostgreSQL with the login
/// ledger shared through the database (as instances run) beside the same service keeping it in the process, each
/// with and without a nonce. Prints medians and 90th percentiles; not a test.
/// </summary>
public static class AuthenticatedCallBenchmark
{
    private const string Ns = "http://tweetssoap.example/2026/11";
    private const string Password = "correct horse battery";

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        var postgres = args.Length > 2 ? args[2] : null;
        var services = new List<BenchService>
        {
            await StartAsync(["--Credentials:VerificationCacheDuration=00:05:00"]),
            await StartAsync(["--Credentials:VerificationCacheDuration=00:00:00"]),
        };
        if (postgres is not null)
        {
            services.Add(await StartAsync(["--Storage:Provider=Postgres", $"--Storage:ConnectionString={await CreateDatabaseAsync(postgres)}"]));
            services.Add(await StartAsync(["--Storage:Provider=Postgres", $"--Storage:ConnectionString={await CreateDatabaseAsync(postgres)}"], inProcessLedger: true));
        }

        foreach (var service in services)
        {
            await service.PostAsync("UserService", "SignUp", $"<SignUp xmlns=\"{Ns}\"><username>bench</username><email>bench@example.org</email><password>{Password}</password><firstName>B</firstName><lastName>M</lastName></SignUp>");
        }

        var round = new List<(string Name, Func<Task<double>> Call)>
        {
            ("SQLite, cache on", () => services[0].LoginAsync("bench", Password)),
            ("SQLite, cache off", () => services[1].LoginAsync("bench", Password)),
            ("SQLite, wrong password", () => services[1].LoginAsync("bench", "wrong horse battery")),
            ("SQLite, unknown user", () => services[1].LoginAsync("nobody", "wrong horse battery")),
        };
        if (postgres is not null)
        {
            round.Add(("PostgreSQL, shared ledger, cache on", () => services[2].LoginAsync("bench", Password)));
            round.Add(("PostgreSQL, in-process ledger, cache on", () => services[3].LoginAsync("bench", Password)));
            round.Add(("PostgreSQL, shared ledger, nonce", () => services[2].LoginAsync("bench", Password, nonce: true)));
            round.Add(("PostgreSQL, in-process ledger, nonce", () => services[3].LoginAsync("bench", Password, nonce: true)));
        }

        var samples = round.ToDictionary(r => r.Name, _ => new List<double>());
        for (var i = -20; i < calls; i++)
        {
            foreach (var (name, call) in i % 2 == 0 ? round : Enumerable.Reverse(round))
            {
                var elapsed = await call();
                if (i >= 0)
                {
                    samples[name].Add(elapsed);
                }
            }
        }

        Console.WriteLine($"{calls} calls each, interleaved, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var (name, values) in samples)
        {
            values.Sort();
            Console.WriteLine($"  {name,-42} median {Median(values),7:0.000} ms   p90 {values[(int)(values.Count * 0.9)],7:0.000} ms");
        }

        Console.WriteLine($"  SQLite cache off / cache on: {Median(samples["SQLite, cache off"]) / Median(samples["SQLite, cache on"]):0.0}x");
        if (postgres is not null)
        {
            Console.WriteLine($"  PostgreSQL shared / in-process ledger, cache on: {Median(samples["PostgreSQL, shared ledger, cache on"]) / Median(samples["PostgreSQL, in-process ledger, cache on"]):0.00}x");
        }

        foreach (var service in services)
        {
            await service.DisposeAsync();
        }

        return 0;
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    private static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<BenchService> StartAsync(string[] settings, bool inProcessLedger = false)
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-bench-").FullName;
        var builder = WebApplication.CreateBuilder(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:SqlitePath={Path.Combine(directory, "tweets.db")}",
            "--Logging:LogLevel:Default=None",
            "--Credentials:FailedLoginsPerAccount=1000000",
            "--Credentials:FailedLoginsPerAddress=1000000",
            "--Credentials:FailedLoginsPerAccountAndAddress=1000000",
            .. settings,
        ]);
        builder.Services.AddTweetsSoap(builder.Configuration, builder.Environment);
        if (inProcessLedger)
        {
            // What every instance had before the ledger moved into the database: the baseline for its cost.
            builder.Services.AddSingleton<ILoginLedger, InProcessLoginLedger>();
        }

        var app = builder.Build();
        app.UseTweetsSoap();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new BenchService(app, directory, new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") });
    }

    private sealed class BenchService(WebApplication app, string directory, HttpClient http) : IAsyncDisposable
    {
        public async Task<double> LoginAsync(string username, string password, bool nonce = false)
        {
            var freshness = nonce
                ? $"<wsse:Nonce>{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}</wsse:Nonce><wsu:Created xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}</wsu:Created>"
                : "";
            var header = $"""<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>{username}</wsse:Username><wsse:Password>{password}</wsse:Password>{freshness}</wsse:UsernameToken></wsse:Security>""";
            var started = Stopwatch.GetTimestamp();
            var status = await PostAsync("UserService", "Login", $"<Login xmlns=\"{Ns}\"/>", header);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return status == HttpStatusCode.OK == (password == Password && username == "bench")
                ? elapsed
                : throw new InvalidOperationException($"Login as {username} answered {(int)status}, which is not what this row measures.");
        }

        public async Task<HttpStatusCode> PostAsync(string service, string operation, string body, string header = "")
        {
            var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>""";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{service}.svc") { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
            request.Headers.Add("SOAPAction", $"\"{Ns}/{service}/{operation}\"");
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
