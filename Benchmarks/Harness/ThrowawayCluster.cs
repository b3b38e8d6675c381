using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>
/// A PostgreSQL cluster for one run (initdb and pg_ctl of the newest /usr/lib/postgresql/*/bin, a temporary folder,
/// a free loopback port; run as <c>postgres</c> when we are root, since initdb refuses root), fsync on, stopped and
/// deleted when disposed.
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

    /// <param name="settings">Lines appended to postgresql.conf.</param>
    public static async Task<ThrowawayCluster> StartAsync(string settings)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("--backend postgres needs the PostgreSQL server binaries: `apt-get install postgresql`.");
        }

        var directory = Directory.CreateTempSubdirectory("tweetssoap-bench-pg-").FullName;
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
        await cluster.AsPostgresAsync("pg_ctl", ["start", "-D", cluster.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "120"]);
        return cluster;
    }

    /// <summary>A new empty database and the service settings that use it; <paramref name="extra"/> is appended to the connection string.</summary>
    public async Task<string[]> ServiceSettingsAsync(string extra = "")
    {
        var name = "bench_" + Guid.NewGuid().ToString("N");
        var server = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres" };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        server.Database = name;
        return ["--Storage:Provider=Postgres", $"--Storage:ConnectionString={server.ConnectionString}{(extra.Length > 0 ? ";" + extra : "")}"];
    }

    public async ValueTask DisposeAsync()
    {
        await AsPostgresAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w"]);
        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => GetEffectiveUserId() == 0;

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
