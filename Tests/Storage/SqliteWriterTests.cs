using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Tests.Storage;

/// <summary>Group commit: many writes share a transaction, yet each succeeds or fails on its own, and none waits
/// past its deadline.</summary>
[TestClass]
public sealed class SqliteWriterTests
{
    private const int DeadlineMs = 400;
    private static readonly DateTime At = new(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);

    private string _directory = null!;
    private IOptions<StorageOptions> _options = null!;
    private SqliteConnectionFactory _connections = null!;
    private SqliteWriter _writer = null!;
    private SqliteTweetStore _store = null!;

    [TestInitialize]
    public void CreateDatabase()
    {
        _directory = Directory.CreateTempSubdirectory("tweetssoap-writer-").FullName;
        // A deadline no loaded test machine reaches, except in the test that holds the lock.
        _options = Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "tweets.db"), WriteDeadlineMilliseconds = 60_000, SqliteInlineWrites = true, SqliteBackgroundCheckpoints = true });
        _connections = new SqliteConnectionFactory(_options);
        _connections.Migrate();
        _writer = new SqliteWriter(_connections, _options, NullLogger<SqliteWriter>.Instance);
        _store = new SqliteTweetStore(_connections, _writer);
    }

    [TestCleanup]
    public async Task DeleteDatabaseAsync()
    {
        await _writer.DisposeAsync();
        _connections.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [TestMethod]
    public async Task ConcurrentWrites_WithDuplicatesAmongThem_CommitEveryOtherWriteAndRejectOnlyTheDuplicates()
    {
        var ada = await CreateUserAsync("ada");
        var grace = await CreateUserAsync("grace");
        var tweets = Enumerable.Range(0, 40).Select(i => new NewTweet(Clock.NewId(), ada.Id, $"tweet {i}", At) { ClientRequestId = $"request-{i / 2}" }).ToList();

        // Pairs of posts with one request id, likes and repeated follows, all at once: they land in shared batches.
        var posts = tweets.Select(async t =>
        {
            try
            {
                await _store.CreateTweetAsync(t, default);
                return (t, Error: (DuplicateValueException?)null);
            }
            catch (DuplicateValueException e)
            {
                return (t, Error: e);
            }
        }).ToList();
        var follows = Enumerable.Range(0, 10).Select(_ => _store.AddRelationAsync(Relation.Follow, grace.Id, ada.Id, Clock.NewId(), At, default)).ToList();
        var outcomes = await Task.WhenAll(posts);
        var followed = await Task.WhenAll(follows);

        Assert.AreEqual(20, outcomes.Count(o => o.Error is null), "one post of each request id is stored");
        foreach (var (tweet, error) in outcomes.Where(o => o.Error is not null))
        {
            Assert.AreEqual("clientRequestId", error!.Field);
            // Answered only after the batch holding its twin committed, so a new connection finds the twin.
            var twin = await _store.FindTweetByClientRequestIdAsync(ada.Id, tweet.ClientRequestId!, default);
            Assert.IsNotNull(twin);
            Assert.AreNotEqual(tweet.Id, twin.Id);
        }

        Assert.HasCount(20, await _store.ListTweetsAsync(ada.Id, null, 100, default));
        Assert.AreEqual(1, followed.Count(f => f), "exactly one follow inserts, the others see it");
        Assert.AreEqual(1, (await _store.GetUserAsync(ada.Id, default))!.FollowersCount);
    }

    [TestMethod]
    public async Task Unit_ThatFailsAfterItsFirstStatement_RollsBackAloneWhileItsBatchCommits()
    {
        var users = Enumerable.Range(0, 20).Select(i => new UserRecord(Clock.NewId(), $"user{i}", $"user{i}@example.org", "hash", "First", "Last", null, At)).ToList();

        // Every third unit writes its user and then fails: a unit of several statements must vanish whole.
        var units = users.Select((user, i) => _writer.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO users (id, username, username_key, email, email_key, password_hash, first_name, last_name, created_at) VALUES ($id, $name, $name, $email, $email, 'hash', 'F', 'L', 0)";
            command.Parameters.AddWithValue("$id", user.Id.ToString("D"));
            command.Parameters.AddWithValue("$name", user.Username);
            command.Parameters.AddWithValue("$email", user.Email);
            await command.ExecuteNonQueryAsync();
            if (i % 3 == 0)
            {
                throw new InvalidOperationException($"unit {i} fails after writing");
            }

            return i;
        }, default)).ToList();
        foreach (var (unit, i) in units.Select((u, i) => (u, i)))
        {
            if (i % 3 == 0)
            {
                await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => unit);
            }
            else
            {
                Assert.AreEqual(i, await unit);
            }
        }

        var stored = (await _store.ListUsersAsync(null, 100, default)).Select(u => u.Username).Order().ToList();
        CollectionAssert.AreEqual(users.Where((_, i) => i % 3 != 0).Select(u => u.Username).Order().ToList(), stored);
    }

    [TestMethod]
    public async Task Write_WhileAnotherConnectionHoldsTheWriteLock_FailsAsUnavailableWithinTheDeadline()
    {
        var ada = await CreateUserAsync("ada");
        _options.Value.WriteDeadlineMilliseconds = DeadlineMs;
        await using var hurried = new SqliteWriter(_connections, _options, NullLogger<SqliteWriter>.Instance);
        var store = new SqliteTweetStore(_connections, hurried);
        await using (var holder = await _connections.OpenAsync(default))
        {
            await using var begin = new SqliteCommand("BEGIN IMMEDIATE", holder);
            await begin.ExecuteNonQueryAsync();

            var clock = Stopwatch.StartNew();
            var blocked = new NewTweet(Clock.NewId(), ada.Id, "blocked", At);
            await Assert.ThrowsExactlyAsync<StoreUnavailableException>(() => store.CreateTweetAsync(blocked, default));
            Assert.IsLessThan(DeadlineMs + 5000, clock.ElapsedMilliseconds, "the call gave up near its deadline, not after the driver's 30 s");
            Assert.IsGreaterThanOrEqualTo(DeadlineMs - 50, clock.ElapsedMilliseconds, "the call waited for its deadline");

            await using var rollback = new SqliteCommand("ROLLBACK", holder);
            await rollback.ExecuteNonQueryAsync();
        }

        var after = new NewTweet(Clock.NewId(), ada.Id, "after", At);
        await store.CreateTweetAsync(after, default);
        var stored = await _store.ListTweetsAsync(ada.Id, null, 10, default);
        CollectionAssert.AreEqual(new[] { after.Id }, stored.Select(t => t.Id).ToList(), "the abandoned write never ran");
    }

    [TestMethod]
    public async Task Write_WithNothingElseQueued_RunsOnTheCallersThreadWithoutWaitingForTheWriterLoop()
    {
        // Flat combining: a lone write takes the writer's turn itself. Microsoft.Data.Sqlite runs synchronously, so
        // a unit started on the caller's thread stays on it; one handed to the writer loop runs on the loop's.
        var caller = Environment.CurrentManagedThreadId;
        var ran = await _writer.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync();
            return Environment.CurrentManagedThreadId;
        }, default);

        Assert.AreEqual(caller, ran);
        var ada = await CreateUserAsync("ada");
        Assert.IsNotNull(await _store.GetUserAsync(ada.Id, default), "committed before the call returned");
    }

    [TestMethod]
    public async Task Commits_WithAutomaticCheckpointsOff_ReachTheDatabaseFileThroughTheBackgroundCheckpoint()
    {
        var autocheckpoint = await _writer.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint";
            return (long)(await command.ExecuteScalarAsync())!;
        }, default);
        Assert.AreEqual(0L, autocheckpoint, "no checkpoint runs inside a commit on the writer's connection");

        var ada = await CreateUserAsync("ada");
        var tweets = Enumerable.Range(0, 30).Select(i => new NewTweet(Clock.NewId(), ada.Id, $"tweet {i}", At)).ToList();
        await Task.WhenAll(tweets.Select(t => _store.CreateTweetAsync(t, default)));

        // The WAL holds far fewer than SQLite's 1,000-page automatic threshold; only the timed checkpoint on the
        // writer's other connection copies these commits into the database file itself. Read the file alone (a
        // copy without its WAL) until they show up.
        var copy = Path.Combine(_directory, "copy.db");
        long inFile = 0;
        var clock = Stopwatch.StartNew();
        while (inFile < tweets.Count && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
            File.Copy(_connections.DatabasePath, copy, overwrite: true);
            await using var reader = new SqliteConnection($"Data Source={copy};Pooling=False");
            await reader.OpenAsync();
            await using var count = new SqliteCommand("SELECT count(*) FROM tweets", reader);
            try
            {
                inFile = (long)(await count.ExecuteScalarAsync())!;
            }
            catch (SqliteException)
            {
                // Copied while a checkpoint was writing the file: copy again.
            }
        }

        Assert.AreEqual(tweets.Count, inFile, "every committed tweet was checkpointed into the database file");
    }

    private async Task<UserRecord> CreateUserAsync(string username)
    {
        var user = new UserRecord(Clock.NewId(), username, $"{username}@example.org", "hash", "First", "Last", null, At);
        await _store.CreateUserAsync(user, default);
        return user;
    }
}
