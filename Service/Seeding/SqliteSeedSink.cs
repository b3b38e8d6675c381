using Microsoft.Data.Sqlite;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Service.Seeding;

/// <summary>Writes the seeded rows into SQLite with prepared statements, one transaction per batch. The schema's
/// triggers keep the search index and the counts.</summary>
public sealed class SqliteSeedSink : ISeedSink
{
    private readonly SqliteConnection _connection;
    private readonly string _passwordHash;
    private readonly long _seq;

    private SqliteSeedSink(SqliteConnection connection, string target, string passwordHash, int existingUsers, long seq)
    {
        _connection = connection;
        Target = target;
        _passwordHash = passwordHash;
        ExistingUsers = existingUsers;
        _seq = seq;
    }

    public string Target { get; }

    public int ExistingUsers { get; }

    public static async Task<SqliteSeedSink> OpenAsync(SqliteConnectionFactory connections, string passwordHash)
    {
        var connection = await connections.OpenAsync(default);
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        return new SqliteSeedSink(connection, connections.DatabasePath, passwordHash,
            (int)await ScalarAsync(connection, "SELECT count(*) FROM users"), await ScalarAsync(connection, "SELECT coalesce(max(seq), 0) FROM tweets"));
    }

    public Task WriteUsersAsync(IReadOnlyList<SeedUser> users) =>
        InTransactionAsync(transaction =>
        {
            using var insert = Prepare(transaction, """
                INSERT INTO users (id, username, username_key, email, email_key, password_hash, first_name, last_name, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, 9);
            foreach (var user in users)
            {
                Run(insert, user.Id.ToString(), user.Username, user.Username, $"{user.Username}@example.org", $"{user.Username}@example.org", _passwordHash,
                    user.FirstName, user.LastName, Ms(user.CreatedAt));
            }
        });

    public Task WriteFollowsAsync(IReadOnlyList<SeedRelation> follows) =>
        InTransactionAsync(transaction => Relations(transaction, "follows (id, follower_id, followee_id, created_at)", follows));

    public Task WriteTweetsAsync(IReadOnlyList<SeedTweet> tweets) =>
        InTransactionAsync(transaction =>
        {
            using var insert = Prepare(transaction, """
                INSERT INTO tweets (id, author_id, text, created_at, conversation_id, in_reply_to_id, seq, weighted_length, entities)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, 9);
            foreach (var tweet in tweets)
            {
                var parsed = ParsedText.Of(tweet.Text);
                Run(insert, tweet.Id.ToString(), tweet.AuthorId.ToString(), tweet.Text, Ms(tweet.CreatedAt), tweet.ConversationId.ToString(),
                    tweet.InReplyToId?.ToString() ?? (object)DBNull.Value, _seq + tweet.Number + 1, parsed.WeightedLength,
                    StoredEntities.Encode(tweet.Text, parsed.Entities));
            }

            Relations(transaction, "likes (id, user_id, tweet_id, created_at)", [.. tweets.SelectMany(t => t.Likes)]);
            Relations(transaction, "retweets (id, user_id, tweet_id, created_at)", [.. tweets.SelectMany(t => t.Retweets)]);
        });

    public Task FinishAsync() => ExecuteAsync(_connection, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void Relations(SqliteTransaction transaction, string table, IReadOnlyList<SeedRelation> rows)
    {
        using var insert = Prepare(transaction, $"INSERT INTO {table} VALUES ($1, $2, $3, $4)", 4);
        foreach (var row in rows)
        {
            Run(insert, row.Id.ToString(), row.UserId.ToString(), row.TargetId.ToString(), Ms(row.CreatedAt));
        }
    }

    private async Task InTransactionAsync(Action<SqliteTransaction> write)
    {
        await using var transaction = _connection.BeginTransaction();
        write(transaction);
        await transaction.CommitAsync();
    }

    private SqliteCommand Prepare(SqliteTransaction transaction, string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static long Ms(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();
}
