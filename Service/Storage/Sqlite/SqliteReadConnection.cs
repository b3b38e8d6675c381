using Microsoft.Data.Sqlite;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>
/// A read connection lent to one call at a time, with the statements it has compiled. SQLite compiles the SQL of
/// every new command, and the timeline query takes longer to compile than a cached GetTweet takes to answer, so a
/// statement is compiled once per connection and kept. Disposing returns the connection to
/// <see cref="SqliteConnectionFactory"/>'s idle readers; disposing a command it handed out is not needed.
/// </summary>
public sealed class SqliteReadConnection : IAsyncDisposable
{
    // Statements differ only in the batch lookups' IN lists (up to the batch limit of names); a full cache starts over.
    private const int MaxStatements = 128;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly SqliteConnection _connection;
    private readonly Action<SqliteReadConnection> _release;

    internal SqliteReadConnection(SqliteConnection connection, Action<SqliteReadConnection> release)
    {
        _connection = connection;
        _release = release;
    }

    /// <summary>The command for this SQL, compiled on first use, with no parameters bound.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            if (_commands.Count >= MaxStatements)
            {
                DisposeCommands();
            }

            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>The native handle, for tests that look at what SQLite did with a statement.</summary>
    internal SQLitePCL.sqlite3 Handle => _connection.Handle!;

    internal bool IsOpen => _connection.State == System.Data.ConnectionState.Open;

    public ValueTask DisposeAsync()
    {
        _release(this);
        return ValueTask.CompletedTask;
    }

    internal void Close()
    {
        DisposeCommands();
        _connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
