using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>
/// <see cref="ITweetStore"/> on an embedded SQLite file in WAL mode. One pooled connection per call; writes that
/// touch more than one row run in an immediate transaction so concurrent writers queue instead of deadlocking.
/// </summary>
public sealed class SqliteTweetStore(SqliteConnectionFactory connections) : ITweetStore
{
    private const string UserColumns =
        "id, username, email, password_hash, first_name, last_name, birth_date, created_at, signup_request_id";

    private const string TweetSelect = """
        SELECT t.id, t.text, t.author_id, u.username, u.first_name, u.last_name, t.created_at, t.updated_at
        FROM tweets t JOIN users u ON u.id = t.author_id
        """;

    public async Task CreateUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO users ({UserColumns}, username_key, email_key)
            VALUES ($id, $username, $email, $password_hash, $first_name, $last_name, $birth_date, $created_at, $signup_request_id, $username_key, $email_key)
            """;
        BindUser(command, user);
        command.Parameters.AddWithValue("$created_at", ToUnixMs(user.CreatedAt));
        command.Parameters.AddWithValue("$signup_request_id", (object?)user.SignUpRequestId ?? DBNull.Value);
        await ExecuteWriteAsync(command, cancellationToken);
    }

    public async Task<UserRecord?> GetUserAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {UserColumns} FROM users WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        return (await ReadUsersAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<UserRecord?> FindUserByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {UserColumns} FROM users WHERE username_key = $key";
        command.Parameters.AddWithValue("$key", username.ToLowerInvariant());
        return (await ReadUsersAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(Guid? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {UserColumns} FROM users
            WHERE $before IS NULL OR id < $before
            ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$before", before is { } b ? Key(b) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadUsersAsync(command, cancellationToken);
    }

    public async Task<bool> UpdateUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE users SET username = $username, username_key = $username_key, email = $email, email_key = $email_key,
                password_hash = $password_hash, first_name = $first_name, last_name = $last_name, birth_date = $birth_date
            WHERE id = $id
            """;
        BindUser(command, user);
        return await ExecuteWriteAsync(command, cancellationToken) == 1;
    }

    public async Task<bool> DeleteUserAsync(Guid id, CancellationToken cancellationToken)
    {
        // The tweets go with the user through ON DELETE CASCADE, inside the same statement's transaction.
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM users WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task CreateTweetAsync(NewTweet tweet, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO tweets (id, author_id, text, created_at, client_request_id)
            VALUES ($id, $author_id, $text, $created_at, $client_request_id)
            """;
        command.Parameters.AddWithValue("$id", Key(tweet.Id));
        command.Parameters.AddWithValue("$author_id", Key(tweet.AuthorId));
        command.Parameters.AddWithValue("$text", tweet.Text);
        command.Parameters.AddWithValue("$created_at", ToUnixMs(tweet.CreatedAt));
        command.Parameters.AddWithValue("$client_request_id", (object?)tweet.ClientRequestId ?? DBNull.Value);
        await ExecuteWriteAsync(command, cancellationToken);
    }

    public async Task<TweetRecord?> FindTweetByClientRequestIdAsync(Guid authorId, string clientRequestId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{TweetSelect} WHERE t.author_id = $author AND t.client_request_id = $request";
        command.Parameters.AddWithValue("$author", Key(authorId));
        command.Parameters.AddWithValue("$request", clientRequestId);
        return (await ReadTweetsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<TweetRecord?> GetTweetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{TweetSelect} WHERE t.id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        return (await ReadTweetsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<TweetRecord>> ListTweetsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Two statements rather than "$author IS NULL OR ..." so that SQLite picks the author index when it can.
        var where = authorId is null ? "" : "t.author_id = $author AND ";
        command.CommandText = $"""
            {TweetSelect}
            WHERE {where}($before IS NULL OR t.id < $before)
            ORDER BY t.id DESC LIMIT $limit
            """;
        if (authorId is { } author)
        {
            command.Parameters.AddWithValue("$author", Key(author));
        }

        command.Parameters.AddWithValue("$before", before is { } b ? Key(b) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadTweetsAsync(command, cancellationToken);
    }

    public async Task<bool> UpdateTweetTextAsync(Guid id, string text, DateTime updatedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE tweets SET text = $text, updated_at = $updated_at WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$updated_at", ToUnixMs(updatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeleteTweetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tweets WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static void BindUser(SqliteCommand command, UserRecord user)
    {
        command.Parameters.AddWithValue("$id", Key(user.Id));
        command.Parameters.AddWithValue("$username", user.Username);
        command.Parameters.AddWithValue("$username_key", user.Username.ToLowerInvariant());
        command.Parameters.AddWithValue("$email", user.Email);
        command.Parameters.AddWithValue("$email_key", user.Email.ToLowerInvariant());
        command.Parameters.AddWithValue("$password_hash", user.PasswordHash);
        command.Parameters.AddWithValue("$first_name", user.FirstName);
        command.Parameters.AddWithValue("$last_name", user.LastName);
        command.Parameters.AddWithValue("$birth_date",
            user.BirthDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
    }

    private static async Task<int> ExecuteWriteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 && e.Message.Contains("UNIQUE", StringComparison.Ordinal))
        {
            // SQLite names the columns, not the constraint: "UNIQUE constraint failed: users.username_key".
            var field = e.Message.Contains("users.username_key", StringComparison.Ordinal) ? "username"
                : e.Message.Contains("tweets.client_request_id", StringComparison.Ordinal) ? "clientRequestId"
                : "email";
            throw new DuplicateValueException(field, e);
        }
    }

    private static async Task<List<UserRecord>> ReadUsersAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var users = new List<UserRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new UserRecord(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                FromUnixMs(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return users;
    }

    private static async Task<List<TweetRecord>> ReadTweetsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var tweets = new List<TweetRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tweets.Add(new TweetRecord(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                Guid.Parse(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                FromUnixMs(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : FromUnixMs(reader.GetInt64(7))));
        }

        return tweets;
    }

    private static string Key(Guid id) => id.ToString("D");

    private static long ToUnixMs(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();

    private static DateTime FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
}
