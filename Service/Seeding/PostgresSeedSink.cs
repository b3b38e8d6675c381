using Npgsql;
using NpgsqlTypes;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Postgres;

namespace TweetsSoap.Service.Seeding;

/// <summary>
/// Writes the seeded rows into PostgreSQL with binary COPY, all in one transaction. The count and notice triggers
/// (migrations 0005 and 0006) are off inside it: they would turn every like, retweet, reply and follow into an UPDATE
/// of a tweet or two users, with a notice each. The tweets arrive with their final counts instead
/// (<see cref="SeedTweet.ReplyCount"/>), the users' follow counts are counted once at the end, and the triggers are
/// back on before the commit. A seed that fails rolls back whole, triggers included. Turning triggers off takes the
/// tables' owner (the role that ran the migrations) and locks them against other sessions until the commit. Foreign
/// keys are checked as usual.
/// </summary>
public sealed class PostgresSeedSink : ISeedSink
{
    /// <summary>The tables whose triggers an insert fires (users' triggers watch only renames).</summary>
    private static readonly string[] Triggered = ["follows", "tweets", "likes", "retweets"];

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _passwordHash;

    private PostgresSeedSink(NpgsqlConnection connection, NpgsqlTransaction transaction, string passwordHash, int existingUsers)
    {
        _connection = connection;
        _transaction = transaction;
        _passwordHash = passwordHash;
        ExistingUsers = existingUsers;
        Target = $"PostgreSQL database {connection.Database} on {connection.Host}:{connection.Port}";
    }

    public string Target { get; }

    public int ExistingUsers { get; }

    public static async Task<PostgresSeedSink> OpenAsync(PostgresDatabase database, string passwordHash)
    {
        var connection = database.CreateDedicatedConnection("TweetsSoap seed", commandTimeout: TimeSpan.FromHours(1));
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        foreach (var table in Triggered)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DISABLE TRIGGER USER");
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM users", connection);
        return new PostgresSeedSink(connection, transaction, passwordHash, (int)(long)(await count.ExecuteScalarAsync())!);
    }

    public async Task WriteUsersAsync(IReadOnlyList<SeedUser> users)
    {
        await using var copy = await _connection.BeginBinaryImportAsync(
            "COPY users (id, username, username_key, email, email_key, password_hash, first_name, last_name, created_at) FROM STDIN (FORMAT BINARY)");
        foreach (var user in users)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(user.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(user.Username, NpgsqlDbType.Text);
            await copy.WriteAsync(user.Username, NpgsqlDbType.Text);
            await copy.WriteAsync($"{user.Username}@example.org", NpgsqlDbType.Text);
            await copy.WriteAsync($"{user.Username}@example.org", NpgsqlDbType.Text);
            await copy.WriteAsync(_passwordHash, NpgsqlDbType.Text);
            await copy.WriteAsync(user.FirstName, NpgsqlDbType.Text);
            await copy.WriteAsync(user.LastName, NpgsqlDbType.Text);
            await copy.WriteAsync(user.CreatedAt, NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync();
    }

    public Task WriteFollowsAsync(IReadOnlyList<SeedRelation> follows) =>
        RelationsAsync("follows (id, follower_id, followee_id, created_at)", follows);

    public async Task WriteTweetsAsync(IReadOnlyList<SeedTweet> tweets)
    {
        await using (var copy = await _connection.BeginBinaryImportAsync("""
            COPY tweets (id, author_id, text, created_at, conversation_id, in_reply_to_id, search, weighted_length, entities,
                like_count, retweet_count, reply_count)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var tweet in tweets)
            {
                var parsed = ParsedText.Of(tweet.Text);
                await copy.StartRowAsync();
                await copy.WriteAsync(tweet.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(tweet.AuthorId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(tweet.Text, NpgsqlDbType.Text);
                await copy.WriteAsync(tweet.CreatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(tweet.ConversationId, NpgsqlDbType.Uuid);
                if (tweet.InReplyToId is { } parent)
                {
                    await copy.WriteAsync(parent, NpgsqlDbType.Uuid);
                }
                else
                {
                    await copy.WriteNullAsync();
                }

                await copy.WriteAsync(SearchVector(tweet.Text), NpgsqlDbType.TsVector);
                await copy.WriteAsync(parsed.WeightedLength, NpgsqlDbType.Integer);
                await copy.WriteAsync(StoredEntities.Encode(tweet.Text, parsed.Entities), NpgsqlDbType.Text);
                await copy.WriteAsync(tweet.Likes.Count, NpgsqlDbType.Integer);
                await copy.WriteAsync(tweet.Retweets.Count, NpgsqlDbType.Integer);
                await copy.WriteAsync(tweet.ReplyCount, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        await RelationsAsync("likes (id, user_id, tweet_id, created_at)", [.. tweets.SelectMany(t => t.Likes)]);
        await RelationsAsync("retweets (id, user_id, tweet_id, created_at)", [.. tweets.SelectMany(t => t.Retweets)]);
    }

    public async Task FinishAsync()
    {
        // Every user's, not only the seeded ones': the same count(*) the trigger keeps, as migration 0005 fills it.
        await ExecuteAsync(_connection, """
            UPDATE users u SET
                followers_count = (SELECT count(*) FROM follows f WHERE f.followee_id = u.id),
                following_count = (SELECT count(*) FROM follows f WHERE f.follower_id = u.id)
            """);
        foreach (var table in Triggered)
        {
            await ExecuteAsync(_connection, $"ALTER TABLE {table} ENABLE TRIGGER USER");
        }

        await _transaction.CommitAsync();
        // Sets the visibility map too (index-only scans) and the hint bits, so that the first reads and autovacuum
        // do not do it in the middle of a benchmark.
        await ExecuteAsync(_connection, $"VACUUM (ANALYZE) users, {string.Join(", ", Triggered)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>The terms the store writes (<see cref="PostgresSearch.Vector"/>), as binary COPY needs them: a parsed
    /// <c>tsvector</c>. Npgsql's parser is obsolete because it does not know every corner of PostgreSQL's input syntax
    /// (the store sends text and lets the server parse it), and it loses positions when it merges a repeated term
    /// ('will':2 'will':7 became 'will':2). The merged form it is given here has no repeated term and uses nothing
    /// but quoted terms without quotes or backslashes inside, and positions. Tests/Seeding checks every seeded vector
    /// against the server's parse of the store's.</summary>
#pragma warning disable CS0618
    private static NpgsqlTsVector SearchVector(string text) => NpgsqlTsVector.Parse(PostgresSearch.MergedVector(text));
#pragma warning restore CS0618

    private async Task RelationsAsync(string table, IReadOnlyList<SeedRelation> rows)
    {
        await using var copy = await _connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.UserId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.TargetId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
