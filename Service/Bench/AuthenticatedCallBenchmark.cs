using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace TweetsSoap.Service.Bench;

/// <summary>
/// <c>dotnet run -c Release --project Service -- bench-auth [calls]</c>: the cost of an authenticated call (Login over
/// SOAP 1.1 on loopback) with and without the verification cache, measured side by side on two services in this
/// process, calls interleaved so both see the same machine load; then a wrong password against an unknown user,
/// which must cost the same. Prints medians; not a test.
/// </summary>
public static class AuthenticatedCallBenchmark
{
    private const string Ns = "http://tweetssoap.example/2026/11";

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        await using var cached = await StartAsync("00:05:00");
        await using var uncached = await StartAsync("00:00:00");
        foreach (var service in new[] { cached, uncached })
        {
            await service.PostAsync("UserService", "SignUp", $"<SignUp xmlns=\"{Ns}\"><username>bench</username><email>bench@example.org</email><password>correct horse battery</password><firstName>B</firstName><lastName>M</lastName></SignUp>");
        }

        var samples = new Dictionary<string, List<double>>
        {
            ["Login, verification cache on"] = [],
            ["Login, verification cache off"] = [],
            ["Wrong password (fault)"] = [],
            ["Unknown user (fault)"] = [],
        };
        for (var i = -20; i < calls; i++)
        {
            var round = new (string Name, Func<Task<double>> Call)[]
            {
                ("Login, verification cache on", () => cached.LoginAsync("bench", "correct horse battery")),
                ("Login, verification cache off", () => uncached.LoginAsync("bench", "correct horse battery")),
                ("Wrong password (fault)", () => uncached.LoginAsync("bench", "wrong horse battery")),
                ("Unknown user (fault)", () => uncached.LoginAsync("nobody", "wrong horse battery")),
            };
            foreach (var (name, call) in i % 2 == 0 ? round : round.Reverse())
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
            Console.WriteLine($"  {name,-32} median {Median(values),7:0.000} ms   p90 {values[(int)(values.Count * 0.9)],7:0.000} ms");
        }

        Console.WriteLine($"  cache off / cache on: {Median(samples["Login, verification cache off"]) / Median(samples["Login, verification cache on"]):0.0}x");
        return 0;
    }

    private static double Median(List<double> sorted) => sorted[sorted.Count / 2];

    private static async Task<BenchService> StartAsync(string cacheDuration)
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-bench-").FullName;
        var app = TweetsSoapHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:SqlitePath={Path.Combine(directory, "tweets.db")}",
            "--Logging:LogLevel:Default=None",
            $"--Credentials:VerificationCacheDuration={cacheDuration}",
            "--Credentials:FailedLoginsPerAccount=1000000",
            "--Credentials:FailedLoginsPerAddress=1000000",
            "--Credentials:FailedLoginsPerAccountAndAddress=1000000",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new BenchService(app, directory, new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") });
    }

    private sealed class BenchService(WebApplication app, string directory, HttpClient http) : IAsyncDisposable
    {
        public async Task<double> LoginAsync(string username, string password)
        {
            var header = $"""<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>{username}</wsse:Username><wsse:Password>{password}</wsse:Password></wsse:UsernameToken></wsse:Security>""";
            var started = Stopwatch.GetTimestamp();
            await PostAsync("UserService", "Login", $"<Login xmlns=\"{Ns}\"/>", header);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        public async Task PostAsync(string service, string operation, string body, string header = "")
        {
            var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>""";
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{service}.svc") { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
            request.Headers.Add("SOAPAction", $"\"{Ns}/{service}/{operation}\"");
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
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
