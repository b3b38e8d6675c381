using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>
/// A PostgreSQL cluster for one run or one test class: initdb and pg_ctl (the newest /usr/lib/postgresql/*/bin, or
/// TWEETSSOAP_PG_BIN) in a temporary folder, listening on a free loopback port, run as <c>postgres</c> when we are
/// root (initdb refuses root), fsync on unless the settings turn it off; stopped and deleted when disposed. The tests'
/// <c>PostgresCluster</c> is this cluster with a shared instance and restarts.
/// </summary>
internal sealed class ThrowawayCluster : IAsyncDisposable
{
    /// <summary>Settings for a 2-core machine that also runs the service and wrk (docs/read-path.md explains each).</summary>
    public const string SmallMachineSettings = """
        max_connections = 100
        shared_buffers = 256MB
        effective_cache_size = 1GB
        work_mem = 8MB
        max_worker_processes = 2
        max_parallel_workers = 2
        max_parallel_workers_per_gather = 0
        random_page_cost = 1.1
        synchronous_commit = on
        """;

    private readonly string _bin;
    private readonly string _directory;

    private ThrowawayCluster(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <param name="settings">Lines appended to postgresql.conf (a later line wins over the defaults written before it).</param>
    public static async Task<ThrowawayCluster> StartAsync(string settings)
    {
        var bin = FindBinaries();
        var directory = Directory.CreateTempSubdirectory("tweetssoap-pg-").FullName;
        var cluster = new ThrowawayCluster(bin, directory, ServerProcess.FreePort());
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        await cluster.AsPostgresAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await File.AppendAllTextAsync(Path.Combine(cluster.DataDirectory, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {cluster.Port}
            unix_socket_directories = '{directory}'
            fsync = on
            {settings}

            """);
        await cluster.StartServerAsync();
        return cluster;
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
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>A new empty database and the service settings that use it; <paramref name="extra"/> is appended to the connection string.</summary>
    public async Task<string[]> ServiceSettingsAsync(string extra = "") =>
        ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={await CreateDatabaseAsync()}{(extra.Length > 0 ? ";" + extra : "")}"];

    public Task StartServerAsync() =>
        AsPostgresAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "120"]);

    /// <summary>Stops the server if it runs: <c>fast</c> ends open sessions as an operator's restart does, <c>immediate</c> does not wait for them.</summary>
    public async Task StopServerAsync(string mode = "fast")
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await AsPostgresAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", mode, "-w", "-t", "120"]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync("immediate");
        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => GetEffectiveUserId() == 0;

    private static string FindBinaries()
    {
        var candidates = Environment.GetEnvironmentVariable("TWEETSSOAP_PG_BIN") is { Length: > 0 } configured
            ? [configured]
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).OrderByDescending(b => b, StringComparer.Ordinal).ToArray()
                : [];
        return candidates.FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "A throwaway PostgreSQL cluster needs the PostgreSQL server binaries (initdb, pg_ctl), found in neither /usr/lib/postgresql/*/bin " +
                "nor TWEETSSOAP_PG_BIN. Run `bash .ci/install` as root (it installs Debian's postgresql), or point TWEETSSOAP_PG_BIN at them.");
    }

    private Task AsPostgresAsync(string tool, string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]) : RunAsync(Path.Combine(_bin, tool), arguments);

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

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
