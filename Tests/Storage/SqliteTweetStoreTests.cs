using DbUp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SQLitePCL;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Tests.Storage;

[TestClass]
public class SqliteTweetStoreTests : TweetStoreTests
{
    private readonly List<string> _directories = [];
    private readonly List<SqliteWriter> _writers = [];
    private readonly List<SqliteConnectionFactory> _factories = [];
    private SqliteConnectionFactory _connections = null!;

    protected override Task<(ITweetStore Store, IStoreSchema Schema)> CreateStoreAsync()
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-store-").FullName;
        _directories.Add(directory);
        var options = Options.Create(new StorageOptions { SqlitePath = Path.Combine(directory, "nested", "tweets.db") });
        var connections = new SqliteConnectionFactory(options);
        var writer = new SqliteWriter(connections, options, NullLogger<SqliteWriter>.Instance);
        _writers.Add(writer);
        _factories.Add(connections);
        _connections ??= connections;
        return Task.FromResult<(ITweetStore, IStoreSchema)>((Wrap(new SqliteTweetStore(connections, writer)), connections));
    }

    /// <summary>What the service puts in front of the SQLite store, if anything.</summary>
    protected virtual ITweetStore Wrap(SqliteTweetStore store) => store;

    protected override async Task DeleteStoreAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync();
        }

        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        SqliteConnection.ClearAllPools();
        foreach (var directory in _directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public async Task Migrate_CreatesTheFileInWalModeWithForeignKeys()
    {
        Assert.IsTrue(File.Exists(_connections.DatabasePath));
        await using var connection = await _connections.OpenAsync(default);
        Assert.AreEqual("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        var scripts = typeof(SqliteTweetStore).Assembly.GetManifestResourceNames().Count(n => n.Contains(".Storage.Sqlite.Migrations.", StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(3, scripts);
        Assert.AreEqual((long)scripts, await ScalarAsync(connection, "SELECT count(*) FROM schemaversions"));
        Assert.AreEqual(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
    }

    [TestMethod]
    public async Task ReadConnections_AreLentAgainWithTheirStatements_AndSeeEveryLaterCommit()
    {
        var author = User("reuse", "reuse@example.org");
        await Store.CreateUserAsync(author, default);
        var tweet = await PostAsync(author, "read twice");
        SqliteCommand first;
        await using (var connection = await _connections.ReadAsync(default))
        {
            first = connection.Command("SELECT like_count FROM tweets WHERE id = $id");
            first.Parameters.AddWithValue("$id", tweet.ToString("D"));
            Assert.AreEqual(0L, await first.ExecuteScalarAsync());
        }

        await Store.AddRelationAsync(Relation.Like, author.Id, tweet, Clock.NewId(), DateTime.UtcNow, default);

        // The same connection comes back with the statement it compiled, unbound, and its next run reads past the commit:
        // a statement kept between calls must not keep the snapshot of its first run.
        await using (var connection = await _connections.ReadAsync(default))
        {
            var again = connection.Command("SELECT like_count FROM tweets WHERE id = $id");
            Assert.AreSame(first, again);
            Assert.IsEmpty(again.Parameters);
            again.Parameters.AddWithValue("$id", tweet.ToString("D"));
            Assert.AreEqual(1L, await again.ExecuteScalarAsync());
        }

        Assert.AreEqual(1, (await Store.GetTweetAsync(tweet, default))!.LikeCount);
    }

    // SQLITE_STMTSTATUS_REPREPARE, which SQLitePCLRaw does not name.
    private const int StatementReprepared = 5;

    [TestMethod]
    public async Task ReadConnections_RunAKeptStatementAgainWithNewValues_WithoutCompilingItAgain()
    {
        var author = User("planner", "planner@example.org");
        await Store.CreateUserAsync(author, default);
        await PostAsync(author, "one");

        await using var connection = await _connections.ReadAsync(default);
        Assert.AreEqual(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, SqliteTweetStore.HomeTimeline, out var statement));
        try
        {
            // Bound twice with different values, as two requests would: SQLite counts each time it compiles the statement again.
            foreach (var before in new[] { "~", "0" })
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "$key"), author.Id.ToString("D"));
                raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "$before"), before);
                raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "$after"), "");
                raw.sqlite3_bind_int(statement, raw.sqlite3_bind_parameter_index(statement, "$limit"), 21);
                while (raw.sqlite3_step(statement) == raw.SQLITE_ROW)
                {
                }
            }

            Assert.AreEqual(0, raw.sqlite3_stmt_status(statement, StatementReprepared, 0));
        }
        finally
        {
            raw.sqlite3_finalize(statement);
        }
    }

    [TestMethod]
    public async Task Migrate_ADatabaseThatLacksOnlyTheParsedTextScript_AddsItLastAndItsOldRowsRead()
    {
        var (store, schema) = await CreateStoreAsync();
        var connections = (SqliteConnectionFactory)schema;
        var earlier = DeployChanges.To.SqliteDatabase($"Data Source={connections.DatabasePath}")
            .WithScriptsEmbeddedInAssembly(typeof(SqliteTweetStore).Assembly, name =>
                name.Contains(".Storage.Sqlite.Migrations.", StringComparison.Ordinal) && !name.Contains("0004_ParsedText", StringComparison.Ordinal))
            .LogToNowhere().Build().PerformUpgrade();
        Assert.IsTrue(earlier.Successful);
        var ada = User("ada", "ada@example.org");
        await store.CreateUserAsync(ada, default);
        var id = Guid.CreateVersion7();
        await using (var connection = await connections.OpenAsync(default))
        {
            await ExecuteAsync(connection, $"""
                INSERT INTO tweets (id, author_id, text, created_at, conversation_id, seq)
                VALUES ('{id}', '{ada.Id}', '#old @tweet https://example.com', 0, '{id}', 1)
                """);
        }

        schema.Migrate();

        Assert.IsNull(await schema.CheckReadyAsync(default));
        await using var check = await connections.OpenAsync(default);
        StringAssert.Contains((string?)await ScalarAsync(check, "SELECT scriptname FROM schemaversions ORDER BY rowid DESC LIMIT 1"), "0004_ParsedText");
        var old = (await store.GetTweetAsync(id, default))!;
        Assert.IsNull(old.Parsed);
        Assert.HasCount(3, ParsedText.Of(old.Text).Entities);
    }

    protected override async Task ForgetStoredParsesAsync()
    {
        await using var connection = await _connections.OpenAsync(default);
        await ExecuteAsync(connection, "UPDATE tweets SET weighted_length = NULL, entities = NULL");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [TestMethod]
    [DataRow(true, false)]
    [DataRow(false, false)]
    [DataRow(true, true)]
    [DataRow(false, true)]
    public async Task TimelineQuery_ReadsTweetsOnlyThroughTheMembersIndexes(bool home, bool analyzed)
    {
        if (analyzed)
        {
            // Statistics as PRAGMA optimize leaves them on a big database (the seeder runs it): with them SQLite 3.53
            // chose to build Bloom filters by scanning retweets, once per page or once per probe.
            await using var writer = await _connections.OpenAsync(default);
            await ExecuteAsync(writer, """
                ANALYZE;
                DELETE FROM sqlite_stat1;
                INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
                    ('tweets', 'tweets', '1000000 1'), ('tweets', 'ix_tweets_author_id', '1000000 100 1'),
                    ('retweets', 'retweets', '200000 1'), ('retweets', 'ix_retweets_user', '200000 20 1'),
                    ('retweets', 'ix_retweets_tweet', '200000 2 1'), ('retweets', 'sqlite_autoindex_retweets_2', '200000 20 1'),
                    ('follows', 'follows', '300000 1'), ('follows', 'sqlite_autoindex_follows_2', '300000 30 1'),
                    ('follows', 'ix_follows_follower', '300000 30 1'), ('users', 'users', '10000 1');
                """);
            SqliteConnection.ClearAllPools();
        }

        await using var connection = await _connections.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + (home ? SqliteTweetStore.HomeTimeline : SqliteTweetStore.UserTimeline);
        foreach (var (name, value) in new (string, object)[] { ("$key", ""), ("$before", "~"), ("$after", ""), ("$limit", 21) })
        {
            command.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // A page must cost the same in a database of a thousand tweets or a million: no step may walk a whole table,
        // and only the page's rows are read in full.
        var text = string.Join("\n", plan);
        Assert.IsFalse(plan.Any(step => step.StartsWith("SCAN t", StringComparison.Ordinal) || step.StartsWith("SCAN r", StringComparison.Ordinal)
            || step.Contains("AUTOMATIC", StringComparison.Ordinal) || step.Contains("BLOOM", StringComparison.Ordinal)), text);
        // Nor may it build a table per execution: a materialized members list took SQLite's page-cache allocations and
        // the kernel's page faults with it on every call (a home page cost 1.7x the CPU it costs without).
        Assert.IsFalse(plan.Any(step => step.Contains("MATERIALIZE", StringComparison.Ordinal)), text);
        Assert.IsTrue(plan.Any(step => step.Contains("ix_tweets_author_id (author_id=? AND id>? AND id<?)", StringComparison.Ordinal)), text);
        Assert.AreEqual(1, plan.Count(step => step.Contains("SEARCH t USING PRIMARY KEY (id=?)", StringComparison.Ordinal)), text);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
