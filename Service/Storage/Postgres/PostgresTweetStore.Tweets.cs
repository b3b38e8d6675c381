using Npgsql;
using TweetsSoap.Service.Domain.TweetText;

namespace TweetsSoap.Service.Storage.Postgres;

public sealed partial class PostgresTweetStore
{
    // The counts are columns that triggers keep in the writing transaction (migration 0005), so a read is one
    // index lookup per tweet instead of four correlated count(*) scans.
    private const string TweetColumns = """
        t.id, t.text, t.author_id, u.username, u.first_name, u.last_name, t.created_at, t.updated_at,
            t.conversation_id, t.in_reply_to_id, t.quoted_tweet_id,
            t.like_count, t.retweet_count, t.reply_count, t.quote_count, t.weighted_length, t.entities
        """;

    private const string TweetSelect = $"SELECT {TweetColumns} FROM tweets t JOIN users u ON u.id = t.author_id";

    public async Task CreateTweetAsync(NewTweet tweet, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            INSERT INTO tweets (id, author_id, text, created_at, conversation_id, in_reply_to_id, quoted_tweet_id, client_request_id, search,
                weighted_length, entities)
            VALUES (@id, @author_id, @text, @created_at, @conversation_id, @in_reply_to_id, @quoted_tweet_id, @client_request_id, @search::tsvector,
                @weighted_length, @entities)
            """,
            p =>
            {
                BindParsed(p, tweet.Text);
                Bind(p, "id", tweet.Id);
                Bind(p, "conversation_id", tweet.ConversationId ?? tweet.Id);
                p.Add(new NpgsqlParameter<Guid?>("in_reply_to_id", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = tweet.InReplyToId });
                p.Add(new NpgsqlParameter<Guid?>("quoted_tweet_id", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = tweet.QuotedTweetId });
                Bind(p, "search", PostgresSearch.Vector(tweet.Text));
                Bind(p, "author_id", tweet.AuthorId);
                Bind(p, "text", tweet.Text);
                Bind(p, "created_at", tweet.CreatedAt);
                Bind(p, "client_request_id", tweet.ClientRequestId);
            },
            cancellationToken);

    public async Task<TweetRecord?> GetTweetAsync(Guid id, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"{TweetSelect} WHERE t.id = @id", p => Bind(p, "id", id), ReadTweet, cancellationToken)).SingleOrDefault();

    public async Task<TweetRecord?> FindTweetByClientRequestIdAsync(Guid authorId, string clientRequestId, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            $"{TweetSelect} WHERE t.author_id = @author AND t.client_request_id = @request",
            p =>
            {
                Bind(p, "author", authorId);
                Bind(p, "request", clientRequestId);
            },
            ReadTweet,
            cancellationToken))
        .SingleOrDefault();

    public async Task<IReadOnlyList<TweetRecord>> ListTweetsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"{TweetSelect} {ListTweetsWhere(authorId, before)} ORDER BY t.id DESC LIMIT @limit", p => BindListTweets(p, authorId, before, limit), ReadTweet, cancellationToken);

    public async Task<IReadOnlyList<Guid>> ListTweetIdsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"SELECT t.id FROM tweets t {ListTweetsWhere(authorId, before)} ORDER BY t.id DESC LIMIT @limit", p => BindListTweets(p, authorId, before, limit), r => r.GetGuid(0), cancellationToken);

    // Conditions are left out rather than written "@x IS NULL OR ...": the planner then uses the indexes,
    // and PostgreSQL need not guess the type of a null parameter.
    private static string ListTweetsWhere(Guid? authorId, Guid? before) => (authorId, before) switch
    {
        (null, null) => "",
        (null, _) => "WHERE t.id < @before",
        (_, null) => "WHERE t.author_id = @author",
        _ => "WHERE t.author_id = @author AND t.id < @before",
    };

    private static void BindListTweets(NpgsqlParameterCollection parameters, Guid? authorId, Guid? before, int limit)
    {
        if (authorId is { } author)
        {
            Bind(parameters, "author", author);
        }

        if (before is { } b)
        {
            Bind(parameters, "before", b);
        }

        Bind(parameters, "limit", limit);
    }

    public async Task<bool> UpdateTweetTextAsync(Guid id, string text, DateTime updatedAt, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            // The parse is replaced in the statement that replaces the text, so no row holds a stale one.
            """
            UPDATE tweets SET text = @text, search = @search::tsvector, weighted_length = @weighted_length, entities = @entities,
                updated_at = @updated_at
            WHERE id = @id
            """,
            p =>
            {
                BindParsed(p, text);
                Bind(p, "id", id);
                Bind(p, "search", PostgresSearch.Vector(text));
                Bind(p, "text", text);
                Bind(p, "updated_at", updatedAt);
            },
            cancellationToken) == 1;

    public async Task<bool> DeleteTweetAsync(Guid id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM tweets WHERE id = @id", p => Bind(p, "id", id), cancellationToken) == 1;

    private static void BindParsed(NpgsqlParameterCollection parameters, string text)
    {
        var parsed = ParsedText.Of(text);
        Bind(parameters, "weighted_length", parsed.WeightedLength);
        Bind(parameters, "entities", StoredEntities.Encode(text, parsed.Entities));
    }

    private static TweetRecord ReadTweet(NpgsqlDataReader reader) => ReadTweet(reader, 0);

    private static TweetRecord ReadTweet(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.GetString(first + 1),
        reader.GetGuid(first + 2),
        reader.GetString(first + 3),
        reader.GetString(first + 4),
        reader.GetString(first + 5),
        reader.GetDateTime(first + 6),
        reader.IsDBNull(first + 7) ? null : reader.GetDateTime(first + 7))
    {
        ConversationId = reader.GetGuid(first + 8),
        InReplyToId = reader.IsDBNull(first + 9) ? null : reader.GetGuid(first + 9),
        QuotedTweetId = reader.IsDBNull(first + 10) ? null : reader.GetGuid(first + 10),
        LikeCount = reader.GetInt32(first + 11),
        RetweetCount = reader.GetInt32(first + 12),
        ReplyCount = reader.GetInt32(first + 13),
        QuoteCount = reader.GetInt32(first + 14),
        Parsed = StoredEntities.Read(
            reader.GetString(first + 1),
            reader.IsDBNull(first + 15) ? null : reader.GetInt32(first + 15),
            reader.IsDBNull(first + 16) ? null : reader.GetString(first + 16)),
    };
}
