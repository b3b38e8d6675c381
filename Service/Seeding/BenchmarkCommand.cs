using System.Diagnostics;
using Spectre.Console;
using TweetsSoap.Service.Operations;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Service.Seeding;

/// <summary>
/// <c>benchmark [--runs N]</c>: times first pages (20 tweets, mapped to the contract types) of the home timeline, a
/// user timeline and a search against the configured database, and prints the median and 90th percentile of each.
/// The SOAP layer is left out on purpose: its cost does not depend on the size of the data.
/// </summary>
public static class BenchmarkCommand
{
    private const int PageSize = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = SeedCommand.IntOption(args, "--runs", 200);
        var builder = WebApplication.CreateBuilder(SeedCommand.HostArgs(args, "--runs"));
        builder.Services.AddTweetsSoap(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        var connections = SeedCommand.SqliteOnly(app, "benchmark");
        connections.Migrate();
        var store = app.Services.GetRequiredService<ITweetStore>();

        var users = await SampleUsersAsync(store);
        // Only authors with a full first page: in a small database most users have fewer than 20 tweets, and their
        // short pages would make the small database look faster than it is.
        var authors = await AuthorsWithAFullPageAsync(connections);
        var random = new Random(7);
        var queries = new List<SearchQuery>();
        foreach (var text in new[] { "time", "soap", "people", "water", "#music", "from:user3", "service #rest" })
        {
            queries.Add(await QueryAsync(store, text));
        }

        Guid User() => users[random.Next(users.Count)];

        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("home timeline, first page", async () => Map(await store.ListHomeTimelineAsync(User(), IdRange.All, PageSize + 1, default))),
            ("user timeline, first page", async () => Map(await store.ListUserTimelineAsync(authors[random.Next(authors.Count)], IdRange.All, PageSize + 1, default))),
            ("search, first page", async () => Map(await store.SearchTweetsAsync(queries[random.Next(queries.Count)], IdRange.All, PageSize + 1, default))),
        };

        var table = new Table().AddColumns("page", "median ms", "p90 ms", "avg rows");
        foreach (var (name, run) in cases)
        {
            var times = new List<double>();
            var rows = 0L;
            for (var i = 0; i < runs + 10; i++)
            {
                var watch = Stopwatch.StartNew();
                var count = await run();
                watch.Stop();
                if (i >= 10)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    rows += count;
                }
            }

            times.Sort();
            table.AddRow(name, $"{times[times.Count / 2]:F3}", $"{times[times.Count * 9 / 10]:F3}", $"{(double)rows / runs:F1}");
        }

        AnsiConsole.MarkupLine($"{runs} runs each (after 10 warm-up runs) on {Markup.Escape(app.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath)}");
        AnsiConsole.Write(table);
        return 0;
    }

    private static int Map(IReadOnlyList<TweetRecord> rows) => rows.Take(PageSize).Select(Mapping.ToContract).Count();

    private static int Map(IReadOnlyList<TimelineEntry> rows) => rows.Take(PageSize).Select(Mapping.ToContract).Count();

    private static async Task<SearchQuery> QueryAsync(ITweetStore store, string text)
    {
        var terms = Domain.SearchTerms.Parse(text);
        var author = terms.From is { } from ? (await store.FindUserByUsernameAsync(from, default))?.Id : null;
        return new SearchQuery(terms.Words, terms.Hashtags, terms.Mentions, author);
    }

    private static async Task<List<Guid>> AuthorsWithAFullPageAsync(SqliteConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT author_id FROM tweets GROUP BY author_id HAVING count(*) >= {PageSize} LIMIT 500";
        var authors = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            authors.Add(Guid.Parse(reader.GetString(0)));
        }

        return authors.Count > 0
            ? authors
            : throw new InvalidOperationException($"No author has {PageSize} tweets; seed more tweets before benchmarking.");
    }

    private static async Task<List<Guid>> SampleUsersAsync(ITweetStore store)
    {
        var users = new List<Guid>();
        Guid? before = null;
        while (users.Count < 2_000)
        {
            var page = await store.ListUsersAsync(before, 500, default);
            if (page.Count == 0)
            {
                break;
            }

            users.AddRange(page.Select(u => u.Id));
            before = page[^1].Id;
        }

        return users;
    }
}
