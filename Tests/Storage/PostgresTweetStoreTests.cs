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
