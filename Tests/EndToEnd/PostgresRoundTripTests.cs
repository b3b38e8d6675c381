using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TweetsSoap.Client;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>
/// Statements per request on PostgreSQL with the tweet cache warm, counted with Npgsql's own tracing: every command
/// Npgsql runs while the service answers a request is one round trip to the server (docs/read-path.md#postgresql).
/// </summary>
[TestClass]
[Backend(StorageProvider.Postgres)]
[TestCategory(Categories.External)]
public sealed class PostgresRoundTripTests : ServiceTests<PostgresRoundTripTests>
{
    private const int Requests = 10;

    [TestMethod]
    public async Task ListTweetsAndTheHomeTimeline_WithTheCacheWarm_TakeOneAndTwoStatements()
    {
        var author = await Soap.SignUpAsync();
        var reader = await Soap.SignUpAsync();
        for (var i = 0; i < 25; i++)
        {
            await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync($"tweet {i}", null, null, null);
        }

        await Soap.Social(SoapVersion.Soap11, reader).FollowAsync(author.User.Id);
        var anonymous = Soap.Tweets(SoapVersion.Soap11);
        var signedIn = Soap.Tweets(SoapVersion.Soap11, reader);

        var list = await StatementsPerRequestAsync(() => anonymous.ListTweetsAsync(null, 20, null));
        var home = await StatementsPerRequestAsync(() => signedIn.GetHomeTimelineAsync(20, null, null, null));

        // The list's ids; the caller's user row with the login history, and the timeline's keys. The tweets come from
        // the cache. A lease that lapsed on the loaded machine costs a request one more statement (the misses), never
        // the common case.
        Assert.AreEqual(1, Median(list), Show(list));
        Assert.IsTrue(list.All(r => r.Count <= 2 && r[0].StartsWith("SELECT t.id FROM tweets t", StringComparison.Ordinal)), Show(list));
        Assert.AreEqual(2, Median(home), Show(home));
        Assert.IsTrue(home.All(r => r.Count <= 3), Show(home));
    }

    private static string Show(List<List<string>> requests) => string.Join("\n", requests.Select(r => string.Join(" | ", r)));

    private static int Median(List<List<string>> requests) => requests.Select(r => r.Count).Order().ElementAt(requests.Count / 2);

    /// <summary>The statements of each of <see cref="Requests"/> calls of <paramref name="call"/>, after a few to warm the cache.</summary>
    private static async Task<List<List<string>>> StatementsPerRequestAsync(Func<Task> call)
    {
        var database = new NpgsqlConnectionStringBuilder(Service.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString).Database;
        var byRequest = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        for (var i = 0; i < 3; i++)
        {
            await call();
        }

        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var request = activity;
                while (request.Parent is { } parent)
                {
                    request = parent;
                }

                // Commands of this service's requests: not the tweet cache listener's heartbeats, nor other classes' services.
                if (activity.Source.Name == "Npgsql" && request.Source.Name == "Microsoft.AspNetCore"
                    && Tag(activity, "db.namespace", "db.name") == database && !activity.DisplayName.StartsWith("CONNECT", StringComparison.Ordinal))
                {
                    byRequest.GetOrAdd(request.Id!, _ => new()).Enqueue(Tag(activity, "db.query.text", "db.statement") ?? activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        for (var i = 0; i < Requests; i++)
        {
            await call();
        }

        Assert.HasCount(Requests, byRequest, "every request runs a statement");
        return [.. byRequest.Values.Select(q => q.ToList())];
    }

    private static string? Tag(Activity activity, params string[] names) =>
        names.Select(activity.GetTagItem).OfType<string>().FirstOrDefault();
}
