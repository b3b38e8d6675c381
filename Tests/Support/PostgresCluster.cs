using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb and pg_ctl in a temporary folder, listening on a free loopback port,
/// run as the <c>postgres</c> user when the tests run as root (initdb refuses root). <see cref="SharedAsync"/> is
/// the one most tests share, one database each; a test that stops its cluster starts its own. All are stopped
/// when the test run ends. Without the server binaries the tests that need one fail, saying how to install them.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(() => StartNewAsync());
    private static readonly ConcurrentBag<PostgresCluster> Started = [];

    private readonly string _bin;
    private readonly string _directory;

    private PostgresCluster(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    public static Task<PostgresCluster> SharedAsync() => Shared.Value;

    /// <param name="durable">False (for tests) turns fsync off: a crash test kills the service, never PostgreSQL.</param>
    public static async Task<PostgresCluster> StartNewAsync(bool durable = false)
    {
        var bin = FindBinaries();
        var directory = Directory.CreateTempSubdirectory("tweetssoap-pg-").FullName;
        var cluster = new PostgresCluster(bin, directory, FreePort());
        if (Native.IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        await cluster.RunAsPostgresAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await File.AppendAllTextAsync(Path.Combine(cluster.DataDirectory, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {cluster.Port}
            unix_socket_directories = '{directory}'
            max_connections = 300
            fsync = {(durable ? "on" : "off")}
            """);
        Started.Add(cluster);
        await cluster.StartAsync();
        return cluster;
    }

    public static async Task StopAllAsync()
    {
        foreach (var cluster in Started)
        {
            await cluster.StopAsync();
            Directory.Delete(cluster._directory, recursive: true);
        }
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>Command-line settings for a service process on a new database of this cluster. The timeouts are
    /// generous: on a machine shared with busy builds, the default fail-fast ones would fail tests that are about
    /// something else.</summary>
    public async Task<string[]> ServiceSettingsAsync() =>
    [
        "--Storage:Provider=Postgres",
        $"--Storage:ConnectionString={await CreateDatabaseAsync()}",
        "--Storage:ConnectTimeoutSeconds=60",
        "--Storage:CommandTimeoutSeconds=120",
        "--Storage:WriteDeadlineMilliseconds=120000",
    ];

    public Task StartAsync() =>
        RunAsPostgresAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "120"]);

    /// <summary>A fast shutdown: open sessions are ended, as when an operator restarts the database.</summary>
    public async Task StopAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunAsPostgresAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "120"]);
        }
    }

    private Task RunAsPostgresAsync(string tool, string[] arguments) =>
        Native.IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static string FindBinaries()
    {
        var candidates = Environment.GetEnvironmentVariable("TWEETSSOAP_PG_BIN") is { Length: > 0 } configured
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).OrderByDescending(b => b, StringComparer.Ordinal).ToArray()
                : [];
        return candidates.FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "The PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl), found in neither /usr/lib/postgresql/*/bin " +
                "nor TWEETSSOAP_PG_BIN. Run `bash .ci/install` as root (it installs Debian's postgresql), or point TWEETSSOAP_PG_BIN at them.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
