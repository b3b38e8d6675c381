using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TweetsSoap.Service;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// The real service on Kestrel, on a free loopback port, over a fresh SQLite file or PostgreSQL database of its own. Everything the
/// service logs is kept in <see cref="Log"/>, so tests can check what reached the log.
/// </summary>
public sealed class ServiceFixture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private ServiceFixture(WebApplication app, string directory, Uri baseAddress, LogSink log)
    {
        _app = app;
        _directory = directory;
        BaseAddress = baseAddress;
        Log = log;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The running service's container, e.g. for its route table.</summary>
    public IServiceProvider Services => _app.Services;

    public HttpClient Http { get; }

    public LogSink Log { get; }

    public string DatabasePath => Path.Combine(_directory, "tweets.db");

    public Uri UserServiceAddress => new(BaseAddress, "UserService.svc");

    public Uri TweetServiceAddress => new(BaseAddress, "TweetService.svc");

    public Uri SocialServiceAddress => new(BaseAddress, "SocialService.svc");

    /// <summary>Starts the service on SQLite; <paramref name="settings"/> are further command-line settings, e.g. <c>--Metrics:Enabled=true</c>.</summary>
    public static Task<ServiceFixture> StartAsync(params string[] settings) => StartAsync(StorageProvider.Sqlite, null, settings);

    /// <param name="backend">SQLite gets a fresh file; PostgreSQL a fresh database in <paramref name="cluster"/>,
    /// or in the shared cluster when none is given.</param>
    /// <param name="cluster">The PostgreSQL cluster to use instead of the shared one.</param>
    /// <param name="settings">Further command-line settings.</param>
    public static async Task<ServiceFixture> StartAsync(StorageProvider backend, PostgresCluster? cluster = null, params string[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-tests-").FullName;
        string[] storage = backend == StorageProvider.Postgres
            ? await (cluster ?? await PostgresCluster.SharedAsync()).ServiceSettingsAsync()
            : [$"--Storage:SqlitePath={Path.Combine(directory, "tweets.db")}"];
        var app = TweetsSoapHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            .. storage,
            "--Logging:LogLevel:Default=Information",
            .. settings,
        ]);
        var log = new LogSink();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ServiceFixture(app, directory, new Uri(address.TrimEnd('/') + "/"), log);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Keeps every log line of the service in memory.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> _entries = new();
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries => [.. _entries];

    /// <summary>The same entries with their structured fields, as a JSON or OpenTelemetry log sink would see them.</summary>
    public IReadOnlyList<LogEvent> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries, _events);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string, Exception?)> entries, ConcurrentQueue<LogEvent> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            entries.Enqueue((category, logLevel, message, exception));
            var fields = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            events.Enqueue(new LogEvent(category, logLevel, eventId, message, fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value)));
        }
    }
}

public sealed record LogEvent(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields);
