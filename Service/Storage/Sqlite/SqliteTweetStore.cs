using System.Globalization;
using Microsoft.Data.Sqlite;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Domain.TweetText;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>
/// <see cref="ITweetStore"/> on an embedded SQLite file in WAL mode. Reads take a pooled connection per call; each
/// write is a unit that <see cref="SqliteWriter"/> runs atomically on its one connection and commits with others.
/// </summary>
public sealed partial class SqliteTweetStore(SqliteConnectionFactory connections, SqliteWriter writes) : ITweetStore, ITweetKeyLists
{
    private const string UserColumns =
        "id, username, email, password_hash, first_name, last_name, birth_date, created_at, signup_request_id";

    // The counts are columns that triggers keep in the writing transaction (migration 0006), also for cascading
    // deletes, so a read costs the same however popular the tweet or user is.
    private const string UserSelect = """
        SELECT u.id, u.username, u.email, u.password_hash, u.first_name, u.last_name, u.birth_date, u.created_at, u.signup_request_id,
            u.followers_count, u.following_count
        FROM users u
        """;

    private const string TweetColumns = """
        t.id, t.text, t.author_id, u.username, u.first_name, u.last_name, t.created_at, t.updated_at,
            t.conversation_id, t.in_reply_to_id, t.quoted_tweet_id,
            t.like_count, t.retweet_count, t.reply_count, t.quote_count, t.weighted_length, t.entities
        """;

    private const string TweetSelect = $"SELECT {TweetColumns} FROM tweets t JOIN users u ON u.id = t.author_id";

    public Task CreateUserAsync(UserRecord user, CancellationToken cancellationToken) => writes.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO users ({UserColumns}, username_key, email_key)
            VALUES ($id, $username, $email, $password_hash, $first_name, $last_name, $birth_date, $created_at, $signup_request_id, $username_key, $email_key)
            """;
        BindUser(command, user);
        command.Parameters.AddWithValue("$created_at", ToUnixMs(user.CreatedAt));
        command.Parameters.AddWithValue("$signup_request_id", (object?)user.SignUpRequestId ?? DBNull.Value);
        await ExecuteWriteAsync(command, cancellationToken);
    }, cancellationToken);

    public async Task<UserRecord?> GetUserAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"{UserSelect} WHERE u.id = $id");
        command.Parameters.AddWithValue("$id", Key(id));
        return (await ReadUsersAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<UserRecord?> FindUserByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        if (!Username.TryCanonical(username, out var key))
        {
            return null;
        }

        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"{UserSelect} WHERE u.username_key = $key");
        command.Parameters.AddWithValue("$key", key);
        return (await ReadUsersAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(Guid? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"""
            {UserSelect}
            WHERE u.id < $before
            ORDER BY u.id DESC LIMIT $limit
            """);
        command.Parameters.AddWithValue("$before", Upper(before));
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadUsersAsync(command, cancellationToken);
    }

    public Task<bool> UpdateUserAsync(UserRecord user, CancellationToken cancellationToken) => writes.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE users SET username = $username, username_key = $username_key, email = $email, email_key = $email_key,
                password_hash = $password_hash, first_name = $first_name, last_name = $last_name, birth_date = $birth_date
            WHERE id = $id
            """;
        BindUser(command, user);
        return await ExecuteWriteAsync(command, cancellationToken) == 1;
    }, cancellationToken);

    public Task<bool> DeleteUserAsync(Guid id, CancellationToken cancellationToken) => writes.WriteAsync(async connection =>
    {
        // The tweets go with the user through ON DELETE CASCADE, inside the same statement's transaction.
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM users WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }, cancellationToken);

    // The text is parsed before the write is queued, so the serialized writer spends no time on it.
    public Task CreateTweetAsync(NewTweet tweet, CancellationToken cancellationToken) =>
        CreateTweetAsync(tweet, ParsedText.Of(tweet.Text), cancellationToken);

    private Task CreateTweetAsync(NewTweet tweet, ParsedText parsed, CancellationToken cancellationToken) => writes.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        // seq numbers tweets in the order they are written; writes are serialized, so max + 1 is unique.
        command.CommandText = """
            INSERT INTO tweets (id, author_id, text, created_at, conversation_id, in_reply_to_id, quoted_tweet_id, client_request_id, seq,
                weighted_length, entities)
            VALUES ($id, $author_id, $text, $created_at, $conversation_id, $in_reply_to_id, $quoted_tweet_id, $client_request_id,
                (SELECT coalesce(max(seq), 0) + 1 FROM tweets), $weighted_length, $entities)
            """;
        BindParsed(command, tweet.Text, parsed);
        command.Parameters.AddWithValue("$id", Key(tweet.Id));
        command.Parameters.AddWithValue("$conversation_id", Key(tweet.ConversationId ?? tweet.Id));
        command.Parameters.AddWithValue("$in_reply_to_id", KeyOrNull(tweet.InReplyToId));
        command.Parameters.AddWithValue("$quoted_tweet_id", KeyOrNull(tweet.QuotedTweetId));
        command.Parameters.AddWithValue("$author_id", Key(tweet.AuthorId));
        command.Parameters.AddWithValue("$text", tweet.Text);
        command.Parameters.AddWithValue("$created_at", ToUnixMs(tweet.CreatedAt));
        command.Parameters.AddWithValue("$client_request_id", (object?)tweet.ClientRequestId ?? DBNull.Value);
        await ExecuteWriteAsync(command, cancellationToken);
    }, cancellationToken);

    public async Task<TweetRecord?> FindTweetByClientRequestIdAsync(Guid authorId, string clientRequestId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"{TweetSelect} WHERE t.author_id = $author AND t.client_request_id = $request");
        command.Parameters.AddWithValue("$author", Key(authorId));
        command.Parameters.AddWithValue("$request", clientRequestId);
        return (await ReadTweetsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<TweetRecord?> GetTweetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"{TweetSelect} WHERE t.id = $id");
        command.Parameters.AddWithValue("$id", Key(id));
        return (await ReadTweetsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<TweetRecord>> ListTweetsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        // Two statements rather than "$author IS NULL OR ..." so that SQLite picks the author index when it can.
        var command = connection.Command(authorId is null ? ListAllTweets : ListAuthorTweets);
        if (authorId is { } author)
        {
            command.Parameters.AddWithValue("$author", Key(author));
        }

        command.Parameters.AddWithValue("$before", Upper(before));
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadTweetsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ListTweetIdsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command(authorId is null
            ? "SELECT id FROM tweets WHERE id < $before ORDER BY id DESC LIMIT $limit"
            : "SELECT id FROM tweets WHERE author_id = $author AND id < $before ORDER BY id DESC LIMIT $limit");
        if (authorId is { } author)
        {
            command.Parameters.AddWithValue("$author", Key(author));
        }

        command.Parameters.AddWithValue("$before", Upper(before));
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<Guid>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private const string ListAllTweets = $"{TweetSelect} WHERE t.id < $before ORDER BY t.id DESC LIMIT $limit";

    private const string ListAuthorTweets = $"{TweetSelect} WHERE t.author_id = $author AND t.id < $before ORDER BY t.id DESC LIMIT $limit";

    public Task<bool> UpdateTweetTextAsync(Guid id, string text, DateTime updatedAt, CancellationToken cancellationToken) =>
        UpdateTweetTextAsync(id, text, ParsedText.Of(text), updatedAt, cancellationToken);

    // The parse is replaced in the statement that replaces the text, so no row holds a stale one.
    private Task<bool> UpdateTweetTextAsync(Guid id, string text, ParsedText parsed, DateTime updatedAt, CancellationToken cancellationToken) => writes.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE tweets SET text = $text, weighted_length = $weighted_length, entities = $entities, updated_at = $updated_at WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        command.Parameters.AddWithValue("$text", text);
        BindParsed(command, text, parsed);
        command.Parameters.AddWithValue("$updated_at", ToUnixMs(updatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }, cancellationToken);

    public Task<bool> DeleteTweetAsync(Guid id, CancellationToken cancellationToken) => writes.WriteAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tweets WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }, cancellationToken);

    private static void BindUser(SqliteCommand command, UserRecord user)
    {
        command.Parameters.AddWithValue("$id", Key(user.Id));
        command.Parameters.AddWithValue("$username", user.Username);
        command.Parameters.AddWithValue("$username_key", Username.Canonical(user.Username));
        command.Parameters.AddWithValue("$email", user.Email);
        command.Parameters.AddWithValue("$email_key", user.Email.ToLowerInvariant());
        command.Parameters.AddWithValue("$password_hash", user.PasswordHash);
        command.Parameters.AddWithValue("$first_name", user.FirstName);
        command.Parameters.AddWithValue("$last_name", user.LastName);
        command.Parameters.AddWithValue("$birth_date",
            user.BirthDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
    }

    private static void BindParsed(SqliteCommand command, string text, ParsedText parsed)
    {
        command.Parameters.AddWithValue("$weighted_length", parsed.WeightedLength);
        command.Parameters.AddWithValue("$entities", StoredEntities.Encode(text, parsed.Entities));
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
            users.Add(ReadUser(reader, 0));
        }

        return users;
    }

    private static UserRecord ReadUser(SqliteDataReader reader, int first) =>
        new(
            Guid.Parse(reader.GetString(first)),
            reader.GetString(first + 1),
            reader.GetString(first + 2),
            reader.GetString(first + 3),
            reader.GetString(first + 4),
            reader.GetString(first + 5),
            reader.IsDBNull(first + 6) ? null : DateOnly.ParseExact(reader.GetString(first + 6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            FromUnixMs(reader.GetInt64(first + 7)),
            reader.IsDBNull(first + 8) ? null : reader.GetString(first + 8))
        {
            FollowersCount = reader.GetInt32(first + 9),
            FollowingCount = reader.GetInt32(first + 10),
        };

    private static async Task<List<TweetRecord>> ReadTweetsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var tweets = new List<TweetRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tweets.Add(ReadTweet(reader, 0));
        }

        return tweets;
    }

    private static TweetRecord ReadTweet(SqliteDataReader reader, int first) =>
        new(
            Guid.Parse(reader.GetString(first)),
            reader.GetString(first + 1),
            Guid.Parse(reader.GetString(first + 2)),
            reader.GetString(first + 3),
            reader.GetString(first + 4),
            reader.GetString(first + 5),
            FromUnixMs(reader.GetInt64(first + 6)),
            reader.IsDBNull(first + 7) ? null : FromUnixMs(reader.GetInt64(first + 7)))
        {
            ConversationId = Guid.Parse(reader.GetString(first + 8)),
            InReplyToId = reader.IsDBNull(first + 9) ? null : Guid.Parse(reader.GetString(first + 9)),
            QuotedTweetId = reader.IsDBNull(first + 10) ? null : Guid.Parse(reader.GetString(first + 10)),
            LikeCount = reader.GetInt32(first + 11),
            RetweetCount = reader.GetInt32(first + 12),
            ReplyCount = reader.GetInt32(first + 13),
            QuoteCount = reader.GetInt32(first + 14),
            Parsed = StoredEntities.Read(
                reader.GetString(first + 1),
                reader.IsDBNull(first + 15) ? null : reader.GetInt32(first + 15),
                reader.IsDBNull(first + 16) ? null : reader.GetString(first + 16)),
        };

    private static object KeyOrNull(Guid? id) => id is { } value ? Key(value) : DBNull.Value;

    // Ids are lowercase hex text: '~' sorts after every id and '' before, so open bounds need no OR in the SQL
    // and the index range stays usable.
    private static string Upper(Guid? before) => before is { } b ? Key(b) : "~";

    private static string Lower(Guid? after) => after is { } a ? Key(a) : "";

    private static string Key(Guid id) => id.ToString("D");

    private static long ToUnixMs(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();

    private static DateTime FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
}
