using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Operations;
using TweetsSoap.Service.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace TweetsSoap.Benchmarks.Pages;

/// <summary>One timed case: a store call returning a page, mapped to the contract types as the service would.</summary>
internal sealed class PageCase(string name, Func<Task<int>> run)
{
    private long _rows;
    private long _runs;

    public string Name => name;

    public double AverageRows => _runs == 0 ? 0 : (double)_rows / _runs;

    public async Task Run()
    {
        _rows += await run();
        _runs++;
    }
}

/// <summary>The cases of the page benchmark on one seeded database, with the users, authors and queries they sample.</summary>
internal sealed class PageCases
{
    private const int PageSize = 20;
    private const int Followed = 50;

    private PageCases(List<PageCase> cases, string description)
    {
        Cases = cases;
        Description = description;
    }

    public List<PageCase> Cases { get; }

    public string Description { get; }

    public static async Task<PageCases> PrepareAsync(IServiceProvider services, SampleQueries database)
    {
        var store = services.GetRequiredService<ITweetStore>();
        var users = await SampleUsersAsync(store);
        // Only authors with a full first page: in a small database most users have fewer than 20 tweets, and their
        // short pages would make the small database look faster than it is.
        var authors = await AuthorsWithAFullPageAsync(database);
        var random = new Random(7);
        var queries = new List<SearchQuery>();
        foreach (var text in new[] { "time", "soap", "people", "water", "#music", "from:user3", "service #rest" })
        {
            queries.Add(await QueryAsync(store, text));
        }

        Guid User() => users[random.Next(users.Count)];

        // A home timeline should cost the same whether the followed accounts posted a minute or months ago.
        var quiet = await FollowerOfAsync(store, database, "bench_quiet", newestFirst: false);
        var active = await FollowerOfAsync(store, database, "bench_active", newestFirst: true);
        var tweets = (await store.ListTweetsAsync(null, null, 500, default)).Select(t => t.Id).ToList();

        var cases = new List<PageCase>
        {
            new("get tweet", async () => (await store.GetTweetAsync(tweets[random.Next(tweets.Count)], default)) is { } t ? Map([t]) : 0),
            new("home timeline, first page", async () => Map(await store.ListHomeTimelineAsync(User(), IdRange.All, PageSize + 1, default))),
            new($"home timeline, follows {Followed} quiet accounts", async () => Map(await store.ListHomeTimelineAsync(quiet, IdRange.All, PageSize + 1, default))),
            new($"home timeline, follows {Followed} active accounts", async () => Map(await store.ListHomeTimelineAsync(active, IdRange.All, PageSize + 1, default))),
            new("user timeline, first page", async () => Map(await store.ListUserTimelineAsync(authors[random.Next(authors.Count)], IdRange.All, PageSize + 1, default))),
            new("search, first page", async () => Map(await store.SearchTweetsAsync(queries[random.Next(queries.Count)], IdRange.All, PageSize + 1, default))),
        };
        return new PageCases(cases, $"{await database.CountAsync("users"):N0} users, {await database.CountAsync("tweets"):N0} tweets");
    }

    private static int Map(IReadOnlyList<TweetRecord> rows) => rows.Take(PageSize).Select(Mapping.ToContract).Count();

    private static int Map(IReadOnlyList<TimelineEntry> rows) => rows.Take(PageSize).Select(Mapping.ToContract).Count();

    private static async Task<SearchQuery> QueryAsync(ITweetStore store, string text)
    {
        var terms = SearchTerms.Parse(text);
        var author = terms.From is { } from ? (await store.FindUserByUsernameAsync(from, default))?.Id : null;
        return new SearchQuery(terms.Words, terms.Hashtags, terms.Mentions, author);
    }

    private static async Task<List<Guid>> AuthorsWithAFullPageAsync(SampleQueries database)
    {
        var authors = await database.IdsAsync($"SELECT author_id FROM tweets GROUP BY author_id HAVING count(*) >= {PageSize} LIMIT 500");
        return authors.Count > 0
            ? authors
            : throw new InvalidOperationException($"No author has {PageSize} tweets; seed more tweets before benchmarking.");
    }

    /// <summary>
    /// A user (made on first use) who follows the <see cref="Followed"/> authors whose newest tweet is the newest
    /// of all authors' (<paramref name="newestFirst"/>) or the oldest.
    /// </summary>
    private static async Task<Guid> FollowerOfAsync(ITweetStore store, SampleQueries database, string username, bool newestFirst)
    {
        if (await store.FindUserByUsernameAsync(username, default) is { } existing)
        {
            return existing.Id;
        }

        var follower = new UserRecord(Clock.NewId(), username, $"{username}@example.org", "-", "Bench", "Reader", null, DateTime.UtcNow);
        await store.CreateUserAsync(follower, default);
        // created_at, not id: PostgreSQL has no max(uuid). Both follow the same order, ids being time-ordered.
        var followees = await database.IdsAsync(
            $"SELECT author_id FROM tweets GROUP BY author_id ORDER BY max(created_at) {(newestFirst ? "DESC" : "ASC")} LIMIT {Followed}");
        foreach (var followee in followees)
        {
            await store.AddRelationAsync(Relation.Follow, follower.Id, followee, Clock.NewId(), DateTime.UtcNow, default);
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
