using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Seeding;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Service.Storage.Sqlite;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Seeding;

[TestClass]
public sealed class SeedCommandTests
{
    [TestMethod]
    // seed draws a Spectre.Console progress bar, which refuses to run beside another one in the process.
    [DoNotParallelize]
    public async Task Seed_SmallDatabase_FillsEveryTableConsistently()
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-seed-").FullName;
        var path = Path.Combine(directory, "seed.db");
        try
        {
            Assert.AreEqual(0, await SeedCommand.RunAsync(["--users", "30", "--tweets", "300", $"--Storage:SqlitePath={path}"]));

            var options = Options.Create(new StorageOptions { SqlitePath = path });
            using var connections = new SqliteConnectionFactory(options);
            await using var writer = new SqliteWriter(connections, options, NullLogger<SqliteWriter>.Instance);
            var store = new SqliteTweetStore(connections, writer);
            var user = await store.FindUserByUsernameAsync("user0", default);
            Assert.IsNotNull(user);
            var latest = await store.ListTweetsAsync(null, null, 100, default);
            Assert.HasCount(100, latest);
            CollectionAssert.AreEqual(latest.OrderByDescending(t => t.Id).Select(t => t.Id).ToList(), latest.Select(t => t.Id).ToList());
            Assert.IsTrue(latest.Any(t => t.InReplyToId is not null), "some tweets are replies");
            Assert.IsTrue(latest.Any(t => t.LikeCount > 0), "some tweets are liked");
            var home = await store.ListHomeTimelineAsync(user.Id, IdRange.All, 5, default);
            Assert.IsNotEmpty(home);
            var found = await store.SearchTweetsAsync(new SearchQuery(["the"], [], [], null), IdRange.All, 10, default);
            Assert.IsTrue(found.All(t => t.Text.Split(' ').Contains("the")), "search finds the word");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static readonly string[] Tables = ["users", "follows", "tweets", "likes", "retweets"];

    [TestMethod]
    [TestCategory(Categories.External)]
    [DoNotParallelize]
    public async Task Seed_SmallPostgresDatabase_HoldsTheSqliteSeedsRowsWithTheirCounts()
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-seed-").FullName;
        var path = Path.Combine(directory, "seed.db");
        var connectionString = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        string[] size = ["--users", "200", "--tweets", "2000"];
        try
        {
            Assert.AreEqual(0, await SeedCommand.RunAsync([.. size, $"--Storage:SqlitePath={path}"]));
            Assert.AreEqual(0, await SeedCommand.RunAsync([.. size, "--Storage:Provider=Postgres", $"--Storage:ConnectionString={connectionString}"]));

            await using var postgres = new NpgsqlConnection(connectionString);
            await postgres.OpenAsync();
            await using var sqlite = new SqliteConnection($"Data Source={path}");
            await sqlite.OpenAsync();
            foreach (var table in Tables)
            {
                Assert.AreEqual(await ScalarAsync(sqlite, $"SELECT count(*) FROM {table}"), await ScalarAsync(postgres, $"SELECT count(*) FROM {table}"), table);
            }

            // The same texts in the same order, replies to the same tweets: one generator for both.
            const string Shape = "SELECT t.text, coalesce(p.text, '') FROM tweets t LEFT JOIN tweets p ON p.id = t.in_reply_to_id ORDER BY t.id";
            CollectionAssert.AreEqual(await RowsAsync(sqlite, Shape), await RowsAsync(postgres, Shape));
            Assert.IsGreaterThan(0L, await ScalarAsync(postgres, "SELECT count(*) FROM tweets WHERE in_reply_to_id IS NOT NULL"), "some replies");

            Assert.AreEqual(0L, await ScalarAsync(postgres, """
                SELECT count(*) FROM tweets t
                WHERE like_count <> (SELECT count(*) FROM likes l WHERE l.tweet_id = t.id)
                   OR retweet_count <> (SELECT count(*) FROM retweets r WHERE r.tweet_id = t.id)
                   OR reply_count <> (SELECT count(*) FROM tweets x WHERE x.in_reply_to_id = t.id)
                   OR quote_count <> 0
                """), "tweet counts");
            Assert.AreEqual(0L, await ScalarAsync(postgres, """
                SELECT count(*) FROM users u
                WHERE followers_count <> (SELECT count(*) FROM follows f WHERE f.followee_id = u.id)
                   OR following_count <> (SELECT count(*) FROM follows f WHERE f.follower_id = u.id)
                """), "user counts");
            const string Counted = "SELECT sum(like_count) + sum(retweet_count) + sum(reply_count) FROM tweets";
            Assert.AreEqual(await ScalarAsync(sqlite, Counted), await ScalarAsync(postgres, Counted), "the counts SQLite's triggers keep");

            // Each search vector as the store writes it, parsed by the server.
            var tweets = (await RowsAsync(postgres, "SELECT id::text, text FROM tweets")).Select(row => row.Split('\t')).ToList();
            await using (var compare = new NpgsqlCommand(
                "SELECT count(*) FROM tweets t JOIN unnest(@ids::uuid[], @vectors) v(id, vector) ON v.id = t.id WHERE t.search = v.vector::tsvector", postgres))
            {
                compare.Parameters.AddWithValue("ids", tweets.Select(t => t[0]).ToArray());
                compare.Parameters.AddWithValue("vectors", tweets.Select(t => PostgresSearch.Vector(t[1])).ToArray());
                Assert.AreEqual(2000L, await compare.ExecuteScalarAsync(), "search vectors");
            }

            var options = Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString });
            await using var database = new PostgresDatabase(options);
            var store = new PostgresTweetStore(database);
            var user = await store.FindUserByUsernameAsync("user17", default);
            Assert.IsNotNull(user);
            Assert.AreEqual(PasswordVerificationResult.Success, new PasswordHasher<UserRecord>().VerifyHashedPassword(user, user.PasswordHash, SeedCommand.Password));
            Assert.IsGreaterThan(0, user.FollowingCount);

            // The count triggers are on again after the seed.
            var bench = new UserRecord(Clock.NewId(), "bench", "bench@example.org", "-", "Bench", "Reader", null, DateTime.UtcNow);
            await store.CreateUserAsync(bench, default);
            var tweet = (await store.ListTweetsAsync(null, null, 1, default))[0];
            Assert.IsTrue(await store.AddRelationAsync(Relation.Like, bench.Id, tweet.Id, Clock.NewId(), DateTime.UtcNow, default));
            Assert.AreEqual(tweet.LikeCount + 1, (await store.GetTweetAsync(tweet.Id, default))!.LikeCount);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Each row's columns, tab-separated.</summary>
    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }

        return rows;
    }
}
