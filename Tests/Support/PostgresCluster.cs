using System.Collections.Concurrent;
using TweetsSoap.Benchmarks.Harness;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// The benchmarks' <see cref="ThrowawayCluster"/> as the tests use it: <see cref="SharedAsync"/> is the one most tests
/// share, one database each; a test that stops its cluster starts its own. All are stopped when the test run ends.
/// Without the server binaries the tests that need one fail, saying how to install them.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(() => StartNewAsync());
    private static readonly ConcurrentBag<ThrowawayCluster> Started = [];

    private readonly ThrowawayCluster _cluster;

    private PostgresCluster(ThrowawayCluster cluster) => _cluster = cluster;

    public int Port => _cluster.Port;

    public static Task<PostgresCluster> SharedAsync() => Shared.Value;

    /// <param name="durable">False (for tests) turns fsync off: a crash test kills the service, never PostgreSQL.</param>
    public static async Task<PostgresCluster> StartNewAsync(bool durable = false)
    {
        var cluster = await ThrowawayCluster.StartAsync($"""
            max_connections = 300
            fsync = {(durable ? "on" : "off")}
            """);
        Started.Add(cluster);
        return new PostgresCluster(cluster);
    }

    public static async Task StopAllAsync()
    {
        foreach (var cluster in Started)
        {
            await cluster.DisposeAsync();
        }
    }

    public string ConnectionString(string database) => _cluster.ConnectionString(database);

    /// <summary>A new empty database; its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => _cluster.CreateDatabaseAsync();

    /// <summary>Command-line settings for a service process on a new database of this cluster. The timeouts are
    /// generous: on a machine shared with busy builds, the default fail-fast ones would fail tests that are about
    /// something else.</summary>
    public async Task<string[]> ServiceSettingsAsync() =>
    [
        .. await _cluster.ServiceSettingsAsync(),
        "--Storage:ConnectTimeoutSeconds=60",
        "--Storage:CommandTimeoutSeconds=120",
        "--Storage:WriteDeadlineMilliseconds=120000",
    ];

    public Task StartAsync() => _cluster.StartServerAsync();

    /// <summary>A fast shutdown: open sessions are ended, as when an operator restarts the database.</summary>
    public Task StopAsync() => _cluster.StopServerAsync();
}
