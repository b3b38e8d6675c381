using System.Text.Json;
using DbUp;
using Microsoft.Extensions.Options;
using Npgsql;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Storage;

[TestClass]
[TestCategory(Categories.External)]
public class PostgresTweetStoreTests : TweetStoreTests
{
    private readonly List<PostgresDatabase> _databases = [];
    private string _connectionString = "";

    /// <summary>The connection string of the test's first database.</summary>
    protected string ConnectionString => _connectionString;

    protected override async Task<(ITweetStore Store, IStoreSchema Schema)> CreateStoreAsync()
    {
        var connectionString = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        if (_connectionString.Length == 0)
        {
            _connectionString = connectionString;
        }

        var database = Open(connectionString);
        return (await WrapAsync(new PostgresTweetStore(database), database), database);
    }

    /// <summary>What the service puts in front of the PostgreSQL store, if anything.</summary>
    protected virtual Task<ITweetStore> WrapAsync(PostgresTweetStore store, PostgresDatabase database) => Task.FromResult<ITweetStore>(store);

    protected override async Task DeleteStoreAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task Migrate_FromSeveralInstancesAtOnce_AppliesEachScriptOnce()
    {
        var connectionString = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        var instances = Enumerable.Range(0, 4).Select(_ => Open(connectionString)).ToList();

        await Task.WhenAll(instances.Select(instance => Task.Run(instance.Migrate)));

        Assert.IsNull(await instances[0].CheckReadyAsync(default));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM schemaversions", connection);
        var scripts = typeof(PostgresDatabase).Assembly.GetManifestResourceNames().Count(n => n.Contains(".Storage.Postgres.Migrations.", StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(2, scripts);
        Assert.AreEqual((long)scripts, await command.ExecuteScalarAsync());
    }

    [TestMethod]
    public async Task Migrate_WithMultiplexingInTheConnectionString_MigratesAndServesReads()
    {
        // Multiplexing needs pooling, and the migration connection is unpooled: it must leave multiplexing off.
        var connectionString = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        var database = Open(new NpgsqlConnectionStringBuilder(connectionString) { Multiplexing = true }.ConnectionString);
        var store = new PostgresTweetStore(database);

        database.Migrate();
        var ada = User("ada", "ada@example.org");
        await store.CreateUserAsync(ada, default);

        Assert.IsNull(await database.CheckReadyAsync(default));
        Assert.AreEqual(ada.Id, (await store.GetUserAsync(ada.Id, default))!.Id);
    }

    [TestMethod]
    public async Task EveryCall_WhenTheServerRefusesConnections_ThrowsStoreUnavailable()
    {
        var closed = new NpgsqlConnectionStringBuilder(_connectionString) { Port = 1 }.ConnectionString;
        var database = Open(closed);
        var store = new PostgresTweetStore(database);

        await Assert.ThrowsExactlyAsync<StoreUnavailableException>(() => store.GetUserAsync(Guid.NewGuid(), default));
        await Assert.ThrowsExactlyAsync<StoreUnavailableException>(() => store.CreateTweetAsync(new NewTweet(Guid.NewGuid(), Guid.NewGuid(), "x", DateTime.UtcNow), default));
        await Assert.ThrowsExactlyAsync<StoreUnavailableException>(() => database.CheckReadyAsync(default));
    }

    [TestMethod]
    public async Task Migrate_ADatabaseThatLacksOnlyTheParsedTextScript_AddsItLastAndItsOldRowsRead()
    {
        var connectionString = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        var earlier = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(PostgresDatabase).Assembly, name =>
                name.Contains(".Storage.Postgres.Migrations.", StringComparison.Ordinal) && !name.Contains("0003_ParsedText", StringComparison.Ordinal))
            .LogToNowhere().Build().PerformUpgrade();
        Assert.IsTrue(earlier.Successful);
        var database = Open(connectionString);
        var store = new PostgresTweetStore(database);
        var ada = User("ada", "ada@example.org");
        await store.CreateUserAsync(ada, default);
        var id = Guid.CreateVersion7();
        await ExecuteAsync(connectionString, $"""
            INSERT INTO tweets (id, author_id, text, created_at, conversation_id, search)
            VALUES ('{id}', '{ada.Id}', '#old @tweet https://example.com', now(), '{id}', ''::tsvector)
            """);

        database.Migrate();

        Assert.IsNull(await database.CheckReadyAsync(default));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var last = new NpgsqlCommand("SELECT scriptname FROM schemaversions ORDER BY schemaversionsid DESC LIMIT 1", connection);
        StringAssert.Contains((string?)await last.ExecuteScalarAsync(), "0003_ParsedText");
        var old = (await store.GetTweetAsync(id, default))!;
        Assert.IsNull(old.Parsed);
        Assert.HasCount(3, ParsedText.Of(old.Text).Entities);
    }

    [TestMethod]
    [DataRow(false, false)]
    [DataRow(true, false)]
    [DataRow(false, true)]
    [DataRow(true, true)]
    public async Task HomeTimelineQuery_ReadsThroughTheMembersIndexes_AndJoinsOnlyThePage(bool laterPage, bool keysOnly)
    {
        // 60 users, the first following 50; 6,000 tweets, and one in five retweeted by a followee ten tweets later.
        await ExecuteAsync(_connectionString, """
            INSERT INTO users (id, username, username_key, email, email_key, password_hash, first_name, last_name, created_at)
            SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'p' || g, 'p' || g, 'p' || g || '@example.org',
                'p' || g || '@example.org', 'hash', 'First', 'Last', now()
            FROM generate_series(0, 59) g;
            INSERT INTO follows (id, follower_id, followee_id, created_at)
            SELECT gen_random_uuid(), '00000000-0000-7000-8000-000000000000', ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, now()
            FROM generate_series(1, 50) g;
            INSERT INTO tweets (id, author_id, text, created_at, conversation_id, search)
            SELECT id, ('00000000-0000-7000-8000-' || lpad(to_hex(g % 60), 12, '0'))::uuid, 't', now(), id, ''::tsvector
            FROM (SELECT g, ('01000000-0000-7000-8000-' || lpad(to_hex(2 * g), 12, '0'))::uuid AS id FROM generate_series(1, 6000) g) s;
            INSERT INTO retweets (id, user_id, tweet_id, created_at)
            SELECT ('01000000-0000-7000-8000-' || lpad(to_hex(2 * (g + 10) + 1), 12, '0'))::uuid,
                ('00000000-0000-7000-8000-' || lpad(to_hex(1 + g % 50), 12, '0'))::uuid, ('01000000-0000-7000-8000-' || lpad(to_hex(2 * g), 12, '0'))::uuid, now()
            FROM generate_series(5, 6000, 5) g;
            ANALYZE;
            """);
        var range = laterPage ? new IdRange(Guid.Parse("01000000-0000-7000-8000-000000002d50"), null) : IdRange.All;
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + PostgresTweetStore.TimelineSql(PostgresTweetStore.HomeMembers, range, keysOnly), connection);
        command.Parameters.AddWithValue("key", Guid.Parse("00000000-0000-7000-8000-000000000000"));
        command.Parameters.AddWithValue("limit", 21);
        if (range.Before is { } before)
        {
            command.Parameters.AddWithValue("before", before);
        }

        using var explained = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        var nodes = new List<JsonElement>();
        Collect(explained.RootElement[0].GetProperty("Plan"), nodes);
        string Text(JsonElement node, string name) => node.TryGetProperty(name, out var value) ? value.GetString()! : "";
        long Loops(string index) => nodes.Where(n => Text(n, "Index Name") == index).Sum(n => n.GetProperty("Actual Loops").GetInt64());

        // A page must cost the same in a database of a thousand tweets or a million: no step may walk a whole table,
        // and rows are fetched and "retweeted later" probed for the page's entries (and the few hidden among them) only,
        // not for every member's candidates (51 × 2 × 21).
        var plan = explained.RootElement.GetRawText();
        Assert.IsFalse(nodes.Any(n => Text(n, "Node Type") == "Seq Scan" && Text(n, "Relation Name") is "tweets" or "retweets"), plan);
        Assert.IsGreaterThan(0L, Loops("ix_tweets_author_id"), plan);
        Assert.IsGreaterThan(0L, Loops("ix_retweets_user_covering"), plan);
        // The keys alone (ITweetKeyLists) read no tweet row at all.
        Assert.IsLessThanOrEqualTo(keysOnly ? 0L : 21L, Loops("tweets_pkey"), plan);
        if (!laterPage)
        {
            Assert.IsLessThanOrEqualTo(42L, Loops("ix_retweets_tweet"), plan);
        }

        static void Collect(JsonElement node, List<JsonElement> nodes)
        {
            nodes.Add(node);
            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Collect(child, nodes);
                }
            }
        }
    }

    [TestMethod]
    public async Task LoginLedger_ReadWithUser_AnswersWhatTheTwoReadsAnswerApart()
    {
        var ada = User("Ada_L", "ada@example.org");
        await Store.CreateUserAsync(ada, default);
        var ledger = new PostgresLoginLedger(Open(_connectionString));
        var now = DateTimeOffset.UtcNow;
        var window = new LoginWindow(now, now.AddMinutes(-10), now.AddDays(-30));
        Assert.IsNotNull((await ledger.BeginAttemptAsync("ada_l", "192.0.2.1", window, _ => true, default)).Attempt);
        Assert.IsNotNull((await ledger.BeginAttemptAsync("nobody", "192.0.2.1", window, _ => true, default)).Attempt);

        var (user, history) = await ledger.ReadWithUserAsync("ada_l", "192.0.2.1", window, default);
        Assert.AreEqual(ada, user);
        Assert.AreEqual((1, 1, 2), (history.PairFailures, history.AccountFailures, history.AddressFailures));
        Assert.AreEqual(await ledger.ReadAsync("ada_l", "192.0.2.1", window, default), history);

        var (nobody, theirs) = await ledger.ReadWithUserAsync("nobody", "192.0.2.1", window, default);
        Assert.IsNull(nobody);
        Assert.AreEqual(await ledger.ReadAsync("nobody", "192.0.2.1", window, default), theirs);

        // A new password is read by the next call: nothing is remembered between reads.
        Assert.IsTrue(await Store.UpdateUserAsync(ada with { PasswordHash = "new hash" }, default));
        Assert.AreEqual("new hash", (await ledger.ReadWithUserAsync("ada_l", "192.0.2.1", window, default)).User!.PasswordHash);
    }

    protected override Task ForgetStoredParsesAsync() =>
        ExecuteAsync(_connectionString, "UPDATE tweets SET weighted_length = NULL, entities = NULL");

    protected static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected PostgresDatabase Open(string connectionString)
    {
        var database = new PostgresDatabase(Options.Create(new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = connectionString,
        }));
        _databases.Add(database);
        return database;
    }
}
