using System.Diagnostics;
using Spectre.Console;
using TweetsSoap.Service.Operations;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Service.Seeding;

/// <summary>
/// <c>benchmark [--runs N]</c>: times a tweet read and first pages (20 tweets, mapped to the contract types) of home
/// timelines (a sampled user's, and those of users following 50 quiet or 50 active accounts), a user timeline and a
/// search against the configured database, in interleaved rounds, and prints the median and 90th percentile of each.
/// The SOAP layer is left out on purpose: its cost does not depend on the size of the data.
/// </summary>
public static class BenchmarkCommand
{
    private const int PageSize = 20;
    private const int Followed = 50;

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

        // A home timeline should cost the same whether the followed accounts posted a minute or months ago.
        var quiet = await FollowerOfAsync(store, connections, "bench_quiet", newestFirst: false);
        var active = await FollowerOfAsync(store, connections, "bench_active", newestFirst: true);
        var tweets = (await store.ListTweetsAsync(null, null, 500, default)).Select(t => t.Id).ToList();

        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("get tweet", async () => (await store.GetTweetAsync(tweets[random.Next(tweets.Count)], default)) is { } t ? Map([t]) : 0),
            ("home timeline, first page", async () => Map(await store.ListHomeTimelineAsync(User(), IdRange.All, PageSize + 1, default))),
            ($"home timeline, follows {Followed} quiet accounts", async () => Map(await store.ListHomeTimelineAsync(quiet, IdRange.All, PageSize + 1, default))),
            ($"home timeline, follows {Followed} active accounts", async () => Map(await store.ListHomeTimelineAsync(active, IdRange.All, PageSize + 1, default))),
            ("user timeline, first page", async () => Map(await store.ListUserTimelineAsync(authors[random.Next(authors.Count)], IdRange.All, PageSize + 1, default))),
            ("search, first page", async () => Map(await store.SearchTweetsAsync(queries[random.Next(queries.Count)], IdRange.All, PageSize + 1, default))),
        };

        // Rounds interleave the cases, so a busy neighbour slows every case alike and the ratios stay meaningful.
        var times = cases.Select(_ => new List<double>()).ToArray();
        var rows = new long[cases.Length];
        for (var i = 0; i < runs + 10; i++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var watch = Stopwatch.StartNew();
                var count = await cases[c].Run();
                watch.Stop();
                if (i >= 10)
                {
                    times[c].Add(watch.Elapsed.TotalMilliseconds);
                    rows[c] += count;
                }
            }
        }

        var table = new Table().AddColumns("page", "median ms", "p90 ms", "avg rows");
        for (var c = 0; c < cases.Length; c++)
        {
            times[c].Sort();
            table.AddRow(cases[c].Name, $"{times[c][times[c].Count / 2]:F3}", $"{times[c][times[c].Count * 9 / 10]:F3}", $"{(double)rows[c] / runs:F1}");
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

    /// <summary>
    /// A user (made on first use) who follows the <see cref="Followed"/> authors whose newest tweet is the newest
    /// of all authors' (<paramref name="newestFirst"/>) or the oldest.
    /// </summary>
    private static async Task<Guid> FollowerOfAsync(ITweetStore store, SqliteConnectionFactory connections, string username, bool newestFirst)
    {
        if (await store.FindUserByUsernameAsync(username, default) is { } existing)
        {
            return existing.Id;
        }

        var follower = new UserRecord(Domain.Clock.NewId(), username, $"{username}@example.org", "-", "Bench", "Reader", null, DateTime.UtcNow);
        await store.CreateUserAsync(follower, default);
        await using var connection = await connections.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT author_id FROM tweets GROUP BY author_id ORDER BY max(id) {(newestFirst ? "DESC" : "ASC")} LIMIT {Followed}";
        var followees = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                followees.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        foreach (var followee in followees)
        {
            await store.AddRelationAsync(Relation.Follow, follower.Id, followee, Domain.Clock.NewId(), DateTime.UtcNow, default);
        }

        return follower.Id;
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
