using Microsoft.Extensions.Options;
using Npgsql;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Storage;

[TestClass]
[TestCategory(Categories.External)]
public sealed class PostgresTweetStoreTests : TweetStoreTests
{
    private readonly List<PostgresDatabase> _databases = [];
    private string _connectionString = "";

    protected override async Task<(ITweetStore Store, IStoreSchema Schema)> CreateStoreAsync()
    {
        var connectionString = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
        if (_connectionString.Length == 0)
        {
            _connectionString = connectionString;
        }

        var database = Open(connectionString);
        return (new PostgresTweetStore(database), database);
    }

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

    private PostgresDatabase Open(string connectionString)
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
