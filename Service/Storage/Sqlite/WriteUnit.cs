using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>One store write waiting for <see cref="SqliteWriter"/>: queued, then run (or abandoned by its caller's
/// deadline, whichever comes first), then answered when its batch has committed.</summary>
internal abstract class WriteUnit(long deadline)
{
    private const int Queued = 0;
    private const int Running = 1;
    private const int Abandoned = 2;

    private int _state;

    public bool IsWaiting => Volatile.Read(ref _state) == Queued && Stopwatch.GetTimestamp() < deadline;

    /// <summary>Claims the unit for the writer; false when its caller has given up or its deadline has passed.</summary>
    public bool TryStart()
    {
        if (Stopwatch.GetTimestamp() >= deadline)
        {
            Abandon();
            return false;
        }

        return Interlocked.CompareExchange(ref _state, Running, Queued) == Queued;
    }

    public void Abandon() => Interlocked.CompareExchange(ref _state, Abandoned, Queued);

    public abstract Task RunAsync(SqliteConnection connection);

    /// <summary>Keeps the unit's error to answer with once the batch is decided.</summary>
    public abstract void Failed(Exception exception);

    /// <summary>Answers with the unit's result or error: its batch has committed.</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

internal sealed class WriteUnit<T>(Func<SqliteConnection, Task<T>> body, long deadline) : WriteUnit(deadline)
{
    // Asynchronous continuations: the writer must not run the callers' code on its own loop.
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _error;

    public Task<T> Task => _answer.Task;

    public override async Task RunAsync(SqliteConnection connection)
    {
        _error = null;
        _result = await body(connection);
    }

    public override void Failed(Exception exception) => _error = exception;

    public override void Complete()
    {
        if (_error is null)
        {
            _answer.TrySetResult(_result!);
        }
        else
        {
            _answer.TrySetException(_error);
        }
    }

    public override void Fail(Exception exception) => _answer.TrySetException(exception);
}
