using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TweetsSoap.Benchmarks.Harness;
using TweetsSoap.Service;
using TweetsSoap.Service.Seeding;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Benchmarks.Pages;

internal sealed record PagesOptions(string[] Databases, int Runs, int Rounds, string[]? PostgresSeeds = null);

/// <summary>
/// <c>pages</c>: a tweet read and first pages (20 entries, mapped to the contract types) of home timelines (a
/// sampled user's, and those of users following 50 quiet or 50 active accounts), a user timeline and a search, on
/// one or more databases filled by the service's <c>seed</c> command (e.g. 10k and 1M tweets), the databases taking
/// turns round by round. Medians and 90th percentiles per database; with two, the ratio of the second to the first,
/// overall and per round. The SOAP layer is left out on purpose: its cost does not depend on the size of the data.
/// A database is a SQLite file, a PostgreSQL connection string, or (<c>--pg-seed USERS:TWEETS</c>) a database of a
/// throwaway cluster that the command starts and seeds itself.
/// </summary>
internal static partial class PagesCommand
{
    private const int WarmUpRuns = 10;

    private static readonly Option<string[]> Databases = new("--db")
    {
        Description = "A database filled by `dotnet run --project Service -- seed`: a SQLite file, or a PostgreSQL connection string (Host=...;Database=...) (repeat for a second one)",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string[]> PostgresSeeds = new("--pg-seed")
    {
        Description = "USERS:TWEETS, e.g. 10000:1000000: a database of a throwaway PostgreSQL cluster (settings for a 2-core machine, fsync on), " +
            "filled by seed, after the --db ones (repeat for a second one)",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<int> Runs = CommonOptions.Positive("--runs", "Runs of each case per round and database", 100);
    private static readonly Option<int> Rounds = CommonOptions.Rounds(3);

    public static Command Create(TextWriter output)
    {
        var command = new Command("pages", "Timeline, user timeline and search pages against seeded SQLite or PostgreSQL databases (e.g. 10k vs 1M tweets)")
        {
            Databases, PostgresSeeds, Runs, Rounds,
        };
        PostgresSeeds.Validators.Add(result =>
        {
            foreach (var seed in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!SeedSize().IsMatch(seed))
                {
                    result.AddError($"--pg-seed takes USERS:TWEETS, two positive whole numbers such as 10000:1000000; got '{seed}'.");
                }
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(Databases) is not { Length: > 0 } && result.GetValue(PostgresSeeds) is not { Length: > 0 })
            {
                result.AddError("pages needs a database: --db (a SQLite file or a PostgreSQL connection string) or --pg-seed USERS:TWEETS.");
            }
        });
        command.SetAction((result, _) => RunAsync(OptionsOf(result), output));
        return command;
    }

    internal static PagesOptions OptionsOf(ParseResult result) =>
        new(result.GetValue(Databases) ?? [], result.GetValue(Runs), result.GetValue(Rounds), result.GetValue(PostgresSeeds));

    public static async Task<int> RunAsync(PagesOptions options, TextWriter output)
    {
        foreach (var missing in options.Databases.Where(d => !IsPostgres(d) && !File.Exists(d)))
        {
            throw new FileNotFoundException($"No database at {missing}; fill one first: dotnet run -c Release --project Service -- seed --tweets 10000 --Storage:SqlitePath={missing}");
        }

        await using var cluster = options.PostgresSeeds is { Length: > 0 } ? await ThrowawayCluster.StartAsync(ThrowawayCluster.SmallMachineSettings) : null;
        var databases = options.Databases.ToList();
        foreach (var seed in options.PostgresSeeds ?? [])
        {
            var size = seed.Split(':');
            var database = await cluster!.CreateDatabaseAsync();
            var seeded = await SeedCommand.RunAsync(
                ["--users", size[0], "--tweets", size[1], "--Storage:Provider=Postgres", $"--Storage:ConnectionString={database}", "--Logging:LogLevel:Default=Warning"]);
            if (seeded != 0)
            {
                return seeded;
            }

            databases.Add(database);
        }

        RunHeader.Write(output, "pages", $"{options.Rounds} rounds of {options.Runs} runs per case and database (after {WarmUpRuns} warm-up runs), databases taking turns: {string.Join(", ", databases.Select(Name))}");
        var apps = new List<WebApplication>();
        try
        {
            var sets = new List<PageCases>();
            foreach (var database in databases)
            {
                var postgres = IsPostgres(database);
                string[] storage = postgres ? ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={database}"] : [$"--Storage:SqlitePath={database}"];
                var builder = WebApplication.CreateBuilder([.. storage, "--Logging:LogLevel:Default=Warning"]);
                builder.Services.AddTweetsSoap(builder.Configuration, builder.Environment);
                var app = builder.Build();
                apps.Add(app);
                app.Services.GetRequiredService<IStoreSchema>().Migrate();
                // The PostgreSQL tweet cache answers only while its listener holds a lease, as in the service.
                foreach (var listener in app.Services.GetServices<IHostedService>().OfType<PostgresTweetCacheListener>())
                {
                    await listener.StartAsync(default);
                }

                var queries = postgres
                    ? SampleQueries.On(app.Services.GetRequiredService<PostgresDatabase>())
                    : SampleQueries.On(app.Services.GetRequiredService<SqliteConnectionFactory>());
                sets.Add(await PageCases.PrepareAsync(app.Services, queries));
            }

            // [database][case][round] -> milliseconds of each run
            var times = sets.Select(s => s.Cases.Select(_ => new List<List<double>>()).ToArray()).ToArray();
            foreach (var set in sets)
            {
                await TimeAsync(set, WarmUpRuns, null);
            }

            for (var round = 0; round < options.Rounds; round++)
            {
                Console.Error.WriteLine($"round {round + 1} of {options.Rounds}");
                foreach (var d in Enumerable.Range(0, sets.Count).Select(i => (i + round) % sets.Count))
                {
                    await TimeAsync(sets[d], options.Runs, times[d]);
                }
            }

            Report(options, databases, sets, times, output);
            return 0;
        }
        finally
        {
            foreach (var app in apps)
            {
                foreach (var listener in app.Services.GetServices<IHostedService>().OfType<PostgresTweetCacheListener>())
                {
                    await listener.StopAsync(default);
                }

                await app.DisposeAsync();
            }
        }
    }

    [GeneratedRegex(@"^[1-9][0-9]*:[1-9][0-9]*$")]
    private static partial Regex SeedSize();

    /// <summary>A PostgreSQL connection string (Host=...;Database=...) rather than a SQLite file.</summary>
    internal static bool IsPostgres(string database) => database.Contains('=', StringComparison.Ordinal);

    /// <summary>The file, or the PostgreSQL database and server (a connection string may hold a password).</summary>
    private static string Name(string database) =>
        IsPostgres(database) && new NpgsqlConnectionStringBuilder(database) is var postgres ? $"PostgreSQL {postgres.Database} on {postgres.Host}:{postgres.Port}" : database;

    /// <summary>Runs every case in turn, <paramref name="runs"/> times, so a busy neighbour slows every case alike.</summary>
    private static async Task TimeAsync(PageCases set, int runs, List<List<double>>[]? times)
    {
        var round = set.Cases.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < runs; i++)
        {
            for (var c = 0; c < set.Cases.Count; c++)
            {
                var started = Stopwatch.GetTimestamp();
                await set.Cases[c].Run();
                round[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        for (var c = 0; c < round.Length && times is not null; c++)
        {
            times[c].Add(round[c]);
        }
    }

    private static void Report(PagesOptions options, List<string> databases, List<PageCases> sets, List<List<double>>[][] times, TextWriter output)
    {
        List<string> headers = ["case"];
        for (var d = 0; d < sets.Count; d++)
        {
            headers.AddRange([$"db{d + 1} median ms", $"db{d + 1} p90 ms", $"db{d + 1} avg rows"]);
        }

        var two = sets.Count == 2;
        if (two)
        {
            headers.AddRange(["db2/db1", "db2/db1 per round"]);
        }

        var table = new TextTable([.. headers]);
        for (var c = 0; c < sets[0].Cases.Count; c++)
        {
            List<object> row = [sets[0].Cases[c].Name];
            for (var d = 0; d < sets.Count; d++)
            {
                var all = times[d][c].SelectMany(r => r).ToList();
                row.AddRange([Stats.Median(all).ToString("F3"), Stats.Percentile(all, 0.9).ToString("F3"), sets[d].Cases[c].AverageRows.ToString("F1")]);
            }

            if (two)
            {
                var perRound = Enumerable.Range(0, options.Rounds).Select(r => Stats.Median(times[1][c][r]) / Stats.Median(times[0][c][r])).ToList();
                row.AddRange([$"{Stats.Median(perRound):F2}x", string.Join(", ", perRound.Select(p => p.ToString("F2")))]);
            }

            table.Add([.. row]);
        }

        for (var d = 0; d < sets.Count; d++)
        {
            output.WriteLine($"db{d + 1}: {Name(databases[d])} ({sets[d].Description})");
        }

        table.Write(output);
        RunHeader.WriteLoadAtEnd(output);
    }
}
