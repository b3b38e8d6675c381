using System.Data.Common;
using System.Reflection;
using DbUp;
using Microsoft.Extensions.Options;
using Npgsql;

namespace TweetsSoap.Service.Storage.Postgres;

/// <summary>
/// The pooled data source of the PostgreSQL database, its migrations, and the two translations every statement
/// needs: a unique violation becomes <see cref="DuplicateValueException"/>, a database that cannot be reached or
/// does not answer in time becomes <see cref="StoreUnavailableException"/>. Store methods only write SQL.
/// </summary>
public sealed class PostgresDatabase : IStoreSchema, IAsyncDisposable
{
    private const string MigrationPrefix = "TweetsSoap.Service.Storage.Postgres.Migrations.";

    // Any fixed number: instances starting together take this advisory lock so that one migrates and the
    // others then find nothing left to do, instead of racing to create the same tables.
    private const long MigrationLock = 0x7477_6565_7473;

    /// <summary>The contract's field behind each unique constraint.</summary>
    private static readonly Dictionary<string, string> UniqueFields = new(StringComparer.Ordinal)
    {
        ["uq_users_username"] = "username",
        ["uq_users_email"] = "email",
        ["uq_tweets_client_request"] = "clientRequestId",
    };

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _connectionString;
    private readonly TimeSpan _writeDeadline;

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        var configured = settings.ConnectionString
            ?? throw new InvalidOperationException("Storage:Provider is Postgres but Storage:ConnectionString is not set.");
        var builder = new NpgsqlConnectionStringBuilder(configured)
        {
            Timeout = settings.ConnectTimeoutSeconds,
            CommandTimeout = settings.CommandTimeoutSeconds,
        };
        // The store runs a few dozen distinct statements over and over: prepared once per pooled connection, a
        // read skips parsing and planning. A connection string that names these settings keeps its own values.
        if (!Names(configured, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!Names(configured, "Auto Prepare Min Usages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        // Npgsql resets a pooled connection's session when it is handed out again: seven statements (RESET ALL,
        // CLOSE ALL, UNLISTEN *, pg_advisory_unlock_all(), DISCARD ...) that the server parses and runs before every
        // read, more work than the read itself. The store leaves no session state behind (SET LOCAL and
        // transaction-scoped advisory locks only; the migration lock is taken on a connection outside the pool).
        if (!Names(configured, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        // A write past its deadline is cancelled: Npgsql asks the server to cancel the statement and waits this
        // long for it to stop before it gives the connection up, so a paused or unreachable server cannot hold the
        // caller much past the deadline (Npgsql's default wait is 2 s).
        if (!Names(configured, "Cancellation Timeout"))
        {
            builder.CancellationTimeout = 500;
        }

        _writeDeadline = TimeSpan.FromMilliseconds(settings.WriteDeadlineMilliseconds);

        _connectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public void Migrate()
    {
        // Outside the pool: the session-level advisory lock must end with this session, whatever happens. Multiplexing
        // (which a connection string may turn on) needs the pool, so this connection leaves it off.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, Multiplexing = false }.ConnectionString);
        connection.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
        {
            take.CommandTimeout = 0;
            take.ExecuteNonQuery();
        }

        var result = DeployChanges.To
            .PostgresqlDatabase(_connectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith(MigrationPrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();

        // Closing the session would release the lock too; unlocking says so where the reader looks.
        using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection))
        {
            release.ExecuteNonQuery();
        }

        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migrating the PostgreSQL database failed at script {result.ErrorScript?.Name}.", result.Error);
        }
    }

    /// <summary>A connection of its own, outside the pool, named <paramref name="applicationName"/> in
    /// <c>pg_stat_activity</c> (after the connection string's own name, if any): for a session that must stay
    /// open, such as a LISTEN. Not yet open.</summary>
    public NpgsqlConnection CreateDedicatedConnection(string applicationName, TimeSpan commandTimeout)
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false };
        builder.ApplicationName = builder.ApplicationName is { Length: > 0 } configured ? $"{configured} {applicationName}" : applicationName;
        builder.CommandTimeout = (int)Math.Ceiling(commandTimeout.TotalSeconds);
        return new NpgsqlConnection(builder.ConnectionString);
    }

    public async Task<string?> CheckReadyAsync(CancellationToken cancellationToken)
    {
        var shipped = Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(name => name.StartsWith(MigrationPrefix, StringComparison.Ordinal)).ToHashSet();
        List<string> applied;
        try
        {
            applied = await QueryAsync("SELECT scriptname FROM schemaversions", _ => { }, reader => reader.GetString(0), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return "the schema has not been created";
        }

        var missing = shipped.Except(applied).Count();
        return missing == 0 ? null : $"{missing} migration(s) not applied";
    }

    /// <summary>Runs one writing statement on a pooled connection; the number of rows it changed. Bounded by the
    /// write deadline like <see cref="InTransactionAsync{T}"/>.</summary>
    public Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken) =>
        WithinWriteDeadlineAsync(deadline => RunAsync(sql, bind, command => command.ExecuteNonQueryAsync(deadline)), cancellationToken);

    /// <summary>Runs one query on a pooled connection and maps every row with <paramref name="read"/>.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        RunAsync(sql, bind, async command =>
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        });

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> in one transaction on one pooled connection, committing when it returns.
    /// The write deadline (<see cref="StorageOptions.WriteDeadlineMilliseconds"/>) bounds the wait for a pooled
    /// connection, every statement and the commit: past it the statement is cancelled on the server, the
    /// transaction rolls back, and the call fails as <see cref="StoreUnavailableException"/>.</summary>
    public Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        WithinWriteDeadlineAsync(deadline => TranslateAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(deadline);
            await using var transaction = await connection.BeginTransactionAsync(deadline);
            var result = await work(connection, transaction, deadline);
            await transaction.CommitAsync(deadline);
            return result;
        }), cancellationToken);

    private async Task<T> WithinWriteDeadlineAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_writeDeadline);
        try
        {
            return await write(deadline.Token);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Waiting for a pooled connection, a row lock held by another transaction, a server that stopped
            // answering: the caller learns at the deadline, not after the command timeout.
            throw new StoreUnavailableException(e);
        }
        catch (NpgsqlException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A statement cancelled on the server (57014), or a connection broken by the cancel.
            throw new StoreUnavailableException(e);
        }
    }

    private Task<T> RunAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlCommand, Task<T>> run) =>
        TranslateAsync(async () =>
        {
            await using var command = _dataSource.CreateCommand(sql);
            bind(command.Parameters);
            return await run(command);
        });

    private static async Task<T> TranslateAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName is { } name && UniqueFields.TryGetValue(name, out var field))
        {
            throw new DuplicateValueException(field, e);
        }
        catch (NpgsqlException e) when (e.IsTransient)
        {
            // Refused or dropped connections, timeouts, an exhausted pool, a server shutting down or starting up.
            throw new StoreUnavailableException(e);
        }
    }

    private static bool Names(string connectionString, string keyword)
    {
        static string Bare(string key) => key.Replace(" ", "", StringComparison.Ordinal);
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>().Any(key => string.Equals(Bare(key), Bare(keyword), StringComparison.OrdinalIgnoreCase));
    }
}
