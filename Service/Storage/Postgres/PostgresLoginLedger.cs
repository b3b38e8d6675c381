using Npgsql;

namespace TweetsSoap.Service.Storage.Postgres;

/// <summary>
/// <see cref="ILoginLedger"/> in PostgreSQL (migration 0004), shared by every instance on the database. An attempt
/// is admitted under a transaction-scoped advisory lock per account and one per address, so instances agree on
/// the count even when guesses arrive at all of them at once.
/// </summary>
public sealed class PostgresLoginLedger(PostgresDatabase database) : ILoginLedger, ILoginLedgerWithUsers
{
    // Lock spaces for pg_advisory_xact_lock(int, int): the second number is a hash of the account or address.
    private const int AccountLocks = 0x4c_6f_67_41;
    private const int AddressLocks = 0x4c_6f_67_42;

    private const string HistorySql = """
        SELECT
            count(*) FILTER (WHERE f.account = @account AND f.address = @address),
            min(f.failed_at) FILTER (WHERE f.account = @account AND f.address = @address),
            count(*) FILTER (WHERE f.account = @account),
            min(f.failed_at) FILTER (WHERE f.account = @account),
            count(*) FILTER (WHERE f.address = @address),
            min(f.failed_at) FILTER (WHERE f.address = @address),
            EXISTS (SELECT 1 FROM login_addresses k WHERE k.account = @account AND k.address = @address AND k.succeeded_at > @known_since)
        FROM login_failures f
        WHERE (f.account = @account OR f.address = @address) AND f.failed_at > @since
        """;

    public async Task<LoginHistory> ReadAsync(string account, string address, LoginWindow window, CancellationToken cancellationToken) =>
        (await database.QueryAsync(HistorySql, p => BindHistory(p, account, address, window), ReadHistory, cancellationToken)).Single();

    // The history is one row (an aggregate), the user none or one: a left join keeps the history either way.
    private const string HistoryWithUserSql = $"""
        SELECT h.*, {PostgresTweetStore.UserReadColumns}
        FROM ({HistorySql}) h LEFT JOIN users u ON u.username_key = @account
        """;

    private const int HistoryColumns = 7;

    public async Task<(UserRecord? User, LoginHistory History)> ReadWithUserAsync(string account, string address, LoginWindow window, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            HistoryWithUserSql,
            p => BindHistory(p, account, address, window),
            reader => (reader.IsDBNull(HistoryColumns) ? null : PostgresTweetStore.ReadUser(reader, HistoryColumns), ReadHistory(reader)),
            cancellationToken))
        .Single();

    public Task<(LoginHistory History, Guid? Attempt)> BeginAttemptAsync(
        string account, string address, LoginWindow window, Func<LoginHistory, bool> admit, CancellationToken cancellationToken) =>
        database.InTransactionAsync<(LoginHistory, Guid?)>(async (connection, transaction, deadline) =>
        {
            // Taken in this order by every caller, so two attempts never wait on each other in a cycle.
            await using (var locks = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@accounts, hashtext(@account)), pg_advisory_xact_lock(@addresses, hashtext(@address))", connection, transaction))
            {
                locks.Parameters.AddWithValue("accounts", AccountLocks);
                locks.Parameters.AddWithValue("account", account);
                locks.Parameters.AddWithValue("addresses", AddressLocks);
                locks.Parameters.AddWithValue("address", address);
                await locks.ExecuteNonQueryAsync(deadline);
            }

            LoginHistory history;
            await using (var read = new NpgsqlCommand(HistorySql, connection, transaction))
            {
                BindHistory(read.Parameters, account, address, window);
                await using var reader = await read.ExecuteReaderAsync(deadline);
                await reader.ReadAsync(deadline);
                history = ReadHistory(reader);
            }

            if (!admit(history))
            {
                return (history, null);
            }

            var id = Guid.CreateVersion7();
            await using var insert = new NpgsqlCommand("INSERT INTO login_failures (id, account, address, failed_at) VALUES (@id, @account, @address, @now)", connection, transaction);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("account", account);
            insert.Parameters.AddWithValue("address", address);
            insert.Parameters.AddWithValue("now", window.Now);
            await insert.ExecuteNonQueryAsync(deadline);
            return (history, id);
        }, cancellationToken);

    public Task SucceededAsync(Guid attempt, string account, string address, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            WITH withdrawn AS (
                DELETE FROM login_failures WHERE id = @attempt OR (account = @account AND address = @address)
            )
            INSERT INTO login_addresses (account, address, succeeded_at) VALUES (@account, @address, @now)
            ON CONFLICT (account, address) DO UPDATE SET succeeded_at = excluded.succeeded_at
            """,
            p =>
            {
                p.AddWithValue("attempt", attempt);
                p.AddWithValue("account", account);
                p.AddWithValue("address", address);
                p.AddWithValue("now", now);
            },
            cancellationToken);

    public Task<bool> TryRecordNonceAsync(string account, string nonce, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction, deadline) =>
        {
            // Every call with a nonce writes one row; waiting for its WAL flush would cost more than the rest of the
            // call. A database crash may forget the last fraction of a second of nonces, which the tokens' clock
            // skew window then still accepts once: a narrow replay window traded for one fsync per call.
            // A live row makes the update's condition false, so no row counts; a new or expired one is (re)written.
            await using var insert = new NpgsqlCommand(
                """
                SET LOCAL synchronous_commit = off;
                INSERT INTO used_nonces (account, nonce, expires_at) VALUES (@account, @nonce, @expires)
                ON CONFLICT (account, nonce) DO UPDATE SET expires_at = excluded.expires_at WHERE used_nonces.expires_at <= @now
                """,
                connection,
                transaction);
            insert.Parameters.AddWithValue("account", account);
            insert.Parameters.AddWithValue("nonce", nonce);
            insert.Parameters.AddWithValue("expires", expires);
            insert.Parameters.AddWithValue("now", now);
            return await insert.ExecuteNonQueryAsync(deadline) == 1;
        }, cancellationToken);

    public Task SweepAsync(LoginWindow window, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            DELETE FROM login_failures WHERE failed_at <= @since;
            DELETE FROM login_addresses WHERE succeeded_at <= @known_since;
            DELETE FROM used_nonces WHERE expires_at <= @now;
            """,
            p =>
            {
                p.AddWithValue("since", window.FailuresSince);
                p.AddWithValue("known_since", window.KnownSince);
                p.AddWithValue("now", window.Now);
            },
            cancellationToken);

    private static void BindHistory(NpgsqlParameterCollection p, string account, string address, LoginWindow window)
    {
        p.AddWithValue("account", account);
        p.AddWithValue("address", address);
        p.AddWithValue("since", window.FailuresSince);
        p.AddWithValue("known_since", window.KnownSince);
    }

    private static LoginHistory ReadHistory(NpgsqlDataReader r) => new(
        (int)r.GetInt64(0), Time(r, 1), (int)r.GetInt64(2), Time(r, 3), (int)r.GetInt64(4), Time(r, 5), r.GetBoolean(6));

    private static DateTimeOffset? Time(NpgsqlDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateTimeOffset>(ordinal);
}
