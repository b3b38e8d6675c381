using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>
/// The one connection that writes (group commit). Write units queue here; the writer opens an immediate
/// transaction, runs every unit waiting in a savepoint of its own, commits them together and only then answers each
/// unit. One fsync covers a batch, writers never meet on SQLite's lock, and a unit that fails (a unique violation,
/// a row that is gone) rolls back alone while the rest of its batch commits.
/// </summary>
public sealed partial class SqliteWriter : IAsyncDisposable
{
    // Bounds how long the units at the end of a batch wait for the ones at its start.
    private const int MaxBatch = 256;

    private readonly Channel<WriteUnit> _queue = Channel.CreateUnbounded<WriteUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeSpan _deadline;
    private readonly ILogger<SqliteWriter> _logger;
    private readonly Lazy<Task> _loop;

    public SqliteWriter(SqliteConnectionFactory connections, IOptions<StorageOptions> options, ILogger<SqliteWriter> logger)
    {
        _connections = connections;
        _deadline = TimeSpan.FromMilliseconds(options.Value.WriteDeadlineMilliseconds);
        _logger = logger;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    /// <summary>Runs <paramref name="unit"/> on the writer's connection, atomically, and returns once it is on disk.
    /// Fails as <see cref="StoreUnavailableException"/> when that does not happen within the write deadline.</summary>
    public Task WriteAsync(Func<SqliteConnection, Task> unit, CancellationToken cancellationToken) =>
        WriteAsync(async connection =>
        {
            await unit(connection);
            return true;
        }, cancellationToken);

    /// <inheritdoc cref="WriteAsync(Func{SqliteConnection, Task}, CancellationToken)"/>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> unit, CancellationToken cancellationToken)
    {
        _ = _loop.Value;
        var queued = new WriteUnit<T>(unit, Stopwatch.GetTimestamp() + (long)(_deadline.TotalSeconds * Stopwatch.Frequency));
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new StoreUnavailableException(new ObjectDisposedException(nameof(SqliteWriter)));
        }

        try
        {
            return await queued.Task.WaitAsync(_deadline, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Still queued: it will never run. Already running: it commits or not with its batch, and the caller
            // learns which by retrying (PostTweet's clientRequestId makes that safe).
            queued.Abandon();
            throw e is TimeoutException ? new StoreUnavailableException(e) : e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loop.IsValueCreated)
        {
            await _loop.Value;
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteUnit>(MaxBatch);
        SqliteConnection? connection = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                try
                {
                    connection ??= await OpenAsync();
                    await RunBatchAsync(connection, batch);
                }
                catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
                {
                    // Another connection holds the write lock (SQLITE_BUSY/LOCKED). The waiting units time out by
                    // themselves; drop those so the queue stays as long as one deadline's worth of requests.
                    LogBusy();
                    DropAbandoned();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                    Fail(batch, e);
                    while (_queue.Reader.TryRead(out var unit))
                    {
                        unit.Fail(new StoreUnavailableException(e));
                    }

                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
            while (_queue.Reader.TryRead(out var unit))
            {
                unit.Fail(new StoreUnavailableException(new ObjectDisposedException(nameof(SqliteWriter))));
            }
        }
    }

    private async Task RunBatchAsync(SqliteConnection connection, List<WriteUnit> batch)
    {
        batch.Clear();
        await ExecuteAsync(connection, "BEGIN IMMEDIATE");
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
        {
            if (!unit.TryStart())
            {
                continue;
            }

            batch.Add(unit);
            await ExecuteAsync(connection, "SAVEPOINT unit");
            try
            {
                await unit.RunAsync(connection);
                await ExecuteAsync(connection, "RELEASE unit");
            }
            catch (Exception e)
            {
                unit.Failed(e);
                if (!InTransaction(connection))
                {
                    // SQLite rolled the whole transaction back (I/O error, disk full): the batch is lost.
                    batch.Remove(unit);
                    Fail(batch, e);
                    unit.Complete();
                    return;
                }

                await ExecuteAsync(connection, "ROLLBACK TO unit; RELEASE unit");
            }
        }

        try
        {
            await ExecuteAsync(connection, "COMMIT");
        }
        catch (Exception e)
        {
            if (InTransaction(connection))
            {
                await ExecuteAsync(connection, "ROLLBACK");
            }

            Fail(batch, e);
            return;
        }

        // Failed units answer after the commit too: a unique violation against a unit of the same batch is only
        // visible to the caller's next read once that unit is committed.
        foreach (var unit in batch)
        {
            unit.Complete();
        }

        batch.Clear();
    }

    private static void Fail(List<WriteUnit> batch, Exception cause)
    {
        foreach (var unit in batch)
        {
            unit.Fail(new StoreUnavailableException(cause));
        }

        batch.Clear();
    }

    private void DropAbandoned()
    {
        while (_queue.Reader.TryPeek(out var unit) && !unit.IsWaiting && _queue.Reader.TryRead(out _))
        {
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = _connections.OpenWriter();
        try
        {
            // FULL: a commit returns only once the WAL is synced, so an answered write survives power loss.
            // The busy timeout is short because the deadline, not the driver, decides when a caller gives up.
            await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 50;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static bool InTransaction(SqliteConnection connection) => SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 1;
        await command.ExecuteNonQueryAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SQLite write lock is held by another connection; writes wait")]
    private partial void LogBusy();

    [LoggerMessage(Level = LogLevel.Error, Message = "A SQLite write batch failed; its writes answer Unavailable")]
    private partial void LogFailed(Exception exception);
}
