using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Tests.Storage;

[TestClass]
public sealed class SqliteTweetStoreTests
{
    private string _directory = null!;
    private SqliteConnectionFactory _connections = null!;
    private SqliteTweetStore _store = null!;

    [TestInitialize]
    public void CreateDatabase()
    {
        _directory = Directory.CreateTempSubdirectory("tweetssoap-store-").FullName;
        _connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "nested", "tweets.db") }));
        _connections.Migrate();
        _store = new SqliteTweetStore(_connections);
    }

    [TestCleanup]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [TestMethod]
    public async Task Migrate_CreatesTheFileInWalModeAndIsIdempotent()
    {
        _connections.Migrate();

        Assert.IsTrue(File.Exists(_connections.DatabasePath));
        await using var connection = await _connections.OpenAsync(default);
        Assert.AreEqual("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        var scripts = typeof(SqliteTweetStore).Assembly.GetManifestResourceNames().Count(n => n.Contains(".Storage.Sqlite.Migrations.", StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(2, scripts);
        Assert.AreEqual((long)scripts, await ScalarAsync(connection, "SELECT count(*) FROM schemaversions"));
        Assert.AreEqual(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
    }

    [TestMethod]
    [DataRow("ADA", "other@example.org", "username")]
    [DataRow("grace", "ADA@EXAMPLE.ORG", "email")]
    public async Task CreateUser_WithDuplicateIgnoringCase_ThrowsDuplicateNamingTheField(string username, string email, string field)
    {
        await _store.CreateUserAsync(User("ada", "ada@example.org"), default);

        var error = await Assert.ThrowsExactlyAsync<DuplicateValueException>(() => _store.CreateUserAsync(User(username, email), default));

        Assert.AreEqual(field, error.Field);
    }

    [TestMethod]
    public async Task FindUserByUsername_IgnoresCase()
    {
        var user = User("Ada_L", "ada@example.org");
        await _store.CreateUserAsync(user, default);

        Assert.AreEqual(user, await _store.FindUserByUsernameAsync("ada_l", default));
    }

    [TestMethod]
    public async Task DeleteUser_DeletesTheirTweetsToo()
    {
        var ada = User("ada", "ada@example.org");
        var grace = User("grace", "grace@example.org");
        await _store.CreateUserAsync(ada, default);
        await _store.CreateUserAsync(grace, default);
        var adas = await PostAsync(ada, "by ada");
        var graces = await PostAsync(grace, "by grace");

        Assert.IsTrue(await _store.DeleteUserAsync(ada.Id, default));

        Assert.IsNull(await _store.GetTweetAsync(adas, default));
        Assert.IsNotNull(await _store.GetTweetAsync(graces, default));
        Assert.IsFalse(await _store.DeleteUserAsync(ada.Id, default));
    }

    [TestMethod]
    public async Task ListTweets_AfterAnId_ContinuesNewestFirstWithTheOlderOnes()
    {
        var ada = User("ada", "ada@example.org");
        await _store.CreateUserAsync(ada, default);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await PostAsync(ada, $"t{i}"));
        }

        var rest = await _store.ListTweetsAsync(ada.Id, ids[3], 10, default);

        CollectionAssert.AreEqual(new[] { ids[2], ids[1], ids[0] }, rest.Select(t => t.Id).ToList());
    }

    [TestMethod]
    public async Task UpdateTweetText_OfMissingTweet_ReturnsFalse() =>
        Assert.IsFalse(await _store.UpdateTweetTextAsync(Guid.CreateVersion7(), "x", DateTime.UtcNow, default));

    [TestMethod]
    public async Task Tweet_TextWithSqlAndUnicode_IsStoredVerbatim()
    {
        var ada = User("ada", "ada@example.org");
        await _store.CreateUserAsync(ada, default);
        const string text = "'); DROP TABLE tweets; -- \u202e RTL e\u0301 👩‍👩‍👧‍👦";

        var id = await PostAsync(ada, text);

        Assert.AreEqual(text, (await _store.GetTweetAsync(id, default))!.Text);
    }

    private async Task<Guid> PostAsync(UserRecord author, string text)
    {
        var id = Clock.NewId();
        await _store.CreateTweetAsync(new NewTweet(id, author.Id, text, DateTime.UtcNow), default);
        return id;
    }

    private static UserRecord User(string username, string email) =>
        new(Clock.NewId(), username, email, "hash", "First", "Last", null, new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc));

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
