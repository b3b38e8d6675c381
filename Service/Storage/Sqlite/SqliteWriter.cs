using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>
/// The one connection that writes (group commit). A store write is a unit: whoever holds the writer's turn opens an
/// immediate transaction, runs every unit waiting in a savepoint of its own, commits them together and only then
/// answers each unit. One fsync covers a batch, writers never meet on SQLite's lock, and a unit that fails (a unique
/// violation, a row that is gone) rolls back alone while the rest of its batch commits.
/// </summary>
/// <remarks>
/// Flat combining: while writes come one at a time, a caller that finds the turn free takes it and commits its own unit, with whatever else is
/// queued, on its own thread, so a lone write waits for no hand-off; if more writes queued meanwhile, it commits
/// them as one more batch before it lets go. A caller that finds the turn taken queues its unit, and the background
/// loop commits the queue as the next batch when the turn is free again. WAL checkpoints
/// run on a connection of their own (<see cref="CheckpointAsync"/>), never inside a commit.
/// </remarks>
public sealed partial class SqliteWriter : IAsyncDisposable
{
    // Bounds how long the units at the end of a batch wait for the ones at its start.
    private const int MaxBatch = 256;

    // A PASSIVE checkpoint runs this long after the last one when anything was committed since, or sooner after
    // this many commits. SQLite's own automatic checkpoint (1,000 WAL pages) is off on the writer's connection.
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);
    private const int CheckpointEveryCommits = 200;

    private readonly Channel<WriteUnit> _queue = Channel.CreateUnbounded<WriteUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly SemaphoreSlim _checkpointDue = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<WriteUnit> _batch = new(MaxBatch);
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeSpan _deadline;
    private readonly bool _inline;
    private readonly bool _backgroundCheckpoints;
    private readonly ILogger<SqliteWriter> _logger;
    private readonly Lazy<Task> _loop;
    private readonly Lazy<Task> _checkpoints;
    private SqliteConnection? _connection;
    private bool _disposed;
    private int _commitsSinceCheckpoint;
    private int _lastBatchSize;

    public SqliteWriter(SqliteConnectionFactory connections, IOptions<StorageOptions> options, ILogger<SqliteWriter> logger)
    {
        _connections = connections;
        _deadline = TimeSpan.FromMilliseconds(options.Value.WriteDeadlineMilliseconds);
        _inline = options.Value.SqliteInlineWrites;
        _backgroundCheckpoints = options.Value.SqliteBackgroundCheckpoints;
        _logger = logger;
        _loop = new Lazy<Task>(() => Task.Run(RunAsync));
        _checkpoints = new Lazy<Task>(() => Task.Run(CheckpointAsync));
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
        if (_backgroundCheckpoints)
        {
            _ = _checkpoints.Value;
        }

        var queued = new WriteUnit<T>(unit, Stopwatch.GetTimestamp() + (long)(_deadline.TotalSeconds * Stopwatch.Frequency));
        // Inline only while writes come one at a time (the last batch held at most one): under contention the
        // loop's batches are larger, so fewer commits serve the same writes.
        if (_inline && Volatile.Read(ref _lastBatchSize) <= 1 && _turn.Wait(0))
        {
            // Nobody is committing: commit this unit (and anything queued) now, on this thread.
            bool done;
            try
            {
                done = await TakeTurnAsync(queued);
                if (done && _queue.Reader.TryPeek(out _))
                {
                    // Writes queued during this commit: commit them too before giving the turn back, rather than
                    // leave the disk idle until the loop is scheduled. One batch more at most, so this caller's
                    // own answer waits for at most one more commit.
                    await TakeTurnAsync(null);
                }
            }
            finally
            {
                _turn.Release();
            }

            if (done)
            {
                return await queued.Task;
            }
        }

        _ = _loop.Value;
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

        if (_checkpoints.IsValueCreated)
        {
            await _checkpoints.Value;
        }

        await _turn.WaitAsync();
        _disposed = true;
        _connection?.Dispose();
        _connection = null;
        while (_queue.Reader.TryRead(out var unit))
        {
            unit.Fail(new StoreUnavailableException(new ObjectDisposedException(nameof(SqliteWriter))));
        }

        _turn.Release();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                await _turn.WaitAsync(_stopping.Token);
                try
                {
                    // A caller that had the turn may have committed the queue already.
                    if (_queue.Reader.TryPeek(out _) && !await TakeTurnAsync(null))
                    {
                        // Another connection holds the write lock (SQLITE_BUSY/LOCKED). The waiting units time
                        // out by themselves; drop those so the queue stays as long as one deadline's worth.
                        DropAbandoned();
                    }
                }
                finally
                {
                    _turn.Release();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Commits <paramref name="first"/> (if any) and the queue as one batch; the caller holds the turn.
    /// False when another connection holds SQLite's write lock and nothing was started.</summary>
    private async Task<bool> TakeTurnAsync(WriteUnit? first)
    {
        if (_disposed)
        {
            first?.Fail(new StoreUnavailableException(new ObjectDisposedException(nameof(SqliteWriter))));
            return true;
        }

        try
        {
            _connection ??= await OpenAsync();
            await RunBatchAsync(_connection, _batch, first);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            LogBusy();
            return false;
        }
        catch (Exception e)
        {
            LogFailed(e);
            Fail(_batch, e);
            first?.Fail(new StoreUnavailableException(e));
            while (_queue.Reader.TryRead(out var unit))
            {
                unit.Fail(new StoreUnavailableException(e));
            }

            _connection?.Dispose();
            _connection = null;
            return true;
        }
    }

    private async Task RunBatchAsync(SqliteConnection connection, List<WriteUnit> batch, WriteUnit? first)
    {
        batch.Clear();
        await ExecuteAsync(connection, "BEGIN IMMEDIATE");
        if (first is not null)
        {
            if (!first.TryStart())
            {
                first.Fail(new StoreUnavailableException(new TimeoutException("The write's deadline passed before its turn.")));
            }
            else if (!await RunUnitAsync(connection, batch, first))
            {
                return;
            }
        }

        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var unit))
        {
            if (unit.TryStart() && !await RunUnitAsync(connection, batch, unit))
            {
                return;
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

        if (Interlocked.Increment(ref _commitsSinceCheckpoint) % CheckpointEveryCommits == 0 && _checkpointDue.CurrentCount == 0)
        {
            try
            {
                _checkpointDue.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }

        Volatile.Write(ref _lastBatchSize, batch.Count);

        // Failed units answer after the commit too: a unique violation against a unit of the same batch is only
        // visible to the caller's next read once that unit is committed.
        foreach (var unit in batch)
        {
            unit.Complete();
        }

        batch.Clear();
    }

    /// <summary>Runs one unit in a savepoint of the batch's transaction; false when the whole batch was lost.</summary>
    private static async Task<bool> RunUnitAsync(SqliteConnection connection, List<WriteUnit> batch, WriteUnit unit)
    {
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
                return false;
            }

            await ExecuteAsync(connection, "ROLLBACK TO unit; RELEASE unit");
        }

        return true;
    }

    /// <summary>
    /// Copies committed pages from the WAL into the database file, off the commit path: a PASSIVE checkpoint on a
    /// connection of its own, which waits for no reader or writer. Writes commit meanwhile; the writer restarts the
    /// WAL from its start once a checkpoint has copied all of it. Durability does not depend on it: a commit is on
    /// disk once the WAL is synced, and the checkpoint syncs the database file before SQLite reuses the WAL.
    /// </summary>
    private async Task CheckpointAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                await _checkpointDue.WaitAsync(CheckpointInterval, _stopping.Token);
                if (Interlocked.Exchange(ref _commitsSinceCheckpoint, 0) == 0)
                {
                    continue;
                }

                try
                {
                    if (connection is null)
                    {
                        connection = _connections.OpenWriter();
                        await ExecuteAsync(connection, "PRAGMA synchronous = FULL");
                    }

                    await ExecuteAsync(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                }
                catch (SqliteException e)
                {
                    LogCheckpointFailed(e);
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
        }
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
            // No automatic checkpoint: it would run inside the commit that crosses 1,000 WAL pages and make that
            // batch wait for it; CheckpointAsync does it on another connection instead.
            await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 50;");
            if (_backgroundCheckpoints)
            {
                await ExecuteAsync(connection, "PRAGMA wal_autocheckpoint = 0");
            }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A background WAL checkpoint failed; the next one retries")]
    private partial void LogCheckpointFailed(Exception exception);
}
