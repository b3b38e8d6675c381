using System.Diagnostics;
using System.Globalization;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

// Concurrent PostTweet throughput of each backend, measured side by side: every run starts one service process per
// backend, on a fresh database, and drives it with the same load. Prints each run and the medians.
var runs = Option("--runs", 3);
var posts = Option("--posts", 400);
var concurrency = Option("--concurrency", 32);

Console.WriteLine($"{runs} runs of {posts} PostTweet calls, {concurrency} at a time, over SOAP 1.1 on loopback; fsync on for both backends.");
var cluster = await PostgresCluster.StartNewAsync(durable: true);
var results = new Dictionary<string, List<double>> { ["SQLite"] = [], ["PostgreSQL"] = [] };
var directory = Directory.CreateTempSubdirectory("tweetssoap-bench-").FullName;
try
{
    for (var run = 1; run <= runs; run++)
    {
        var sqlite = await MeasureAsync([$"--Storage:SqlitePath={Path.Combine(directory, $"run{run}.db")}"]);
        var postgres = await MeasureAsync(await cluster.ServiceSettingsAsync());
        results["SQLite"].Add(sqlite);
        results["PostgreSQL"].Add(postgres);
        Console.WriteLine($"run {run}: SQLite {sqlite,8:F1} posts/s   PostgreSQL {postgres,8:F1} posts/s");
    }

    var sqliteMedian = Median(results["SQLite"]);
    var postgresMedian = Median(results["PostgreSQL"]);
    Console.WriteLine($"median: SQLite {sqliteMedian:F1} posts/s, PostgreSQL {postgresMedian:F1} posts/s, PostgreSQL/SQLite {postgresMedian / sqliteMedian:F2}");
}
finally
{
    await PostgresCluster.StopAllAsync();
    Directory.Delete(directory, recursive: true);
}

async Task<double> MeasureAsync(string[] settings)
{
    await using var service = await ServiceProcess.StartAsync([.. settings, "--Logging:LogLevel:Default=Warning"]);
    var authors = new List<TweetServiceClient>();
    for (var i = 0; i < 8; i++)
    {
        authors.Add(service.Soap.Tweets(SoapVersion.Soap11, await service.Soap.SignUpAsync()));
    }

    // Warm-up: JIT, connection pools, the first pages of each database.
    await DriveAsync(authors, 2 * concurrency);
    var clock = Stopwatch.StartNew();
    await DriveAsync(authors, posts);
    return posts / clock.Elapsed.TotalSeconds;
}

async Task DriveAsync(List<TweetServiceClient> authors, int count)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await authors[i % authors.Count].PostTweetAsync($"benchmark tweet {i}", null, null, null);
        }
    }));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
