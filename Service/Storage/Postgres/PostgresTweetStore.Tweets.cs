using Npgsql;

namespace TweetsSoap.Service.Storage.Postgres;

public sealed partial class PostgresTweetStore
{
    private const string TweetSelect = """
        SELECT t.id, t.text, t.author_id, u.username, u.first_name, u.last_name, t.created_at, t.updated_at
        FROM tweets t JOIN users u ON u.id = t.author_id
        """;

    public async Task CreateTweetAsync(NewTweet tweet, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "INSERT INTO tweets (id, author_id, text, created_at, client_request_id) VALUES (@id, @author_id, @text, @created_at, @client_request_id)",
            p =>
            {
                Bind(p, "id", tweet.Id);
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

    public async Task<IReadOnlyList<TweetRecord>> ListTweetsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        // Conditions are left out rather than written "@x IS NULL OR ...": the planner then uses the indexes,
        // and PostgreSQL need not guess the type of a null parameter.
        var conditions = new List<string>();
        if (authorId is not null)
        {
            conditions.Add("t.author_id = @author");
        }

        if (before is not null)
        {
            conditions.Add("t.id < @before");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return await database.QueryAsync(
            $"{TweetSelect} {where} ORDER BY t.id DESC LIMIT @limit",
            p =>
            {
                if (authorId is { } author)
                {
                    Bind(p, "author", author);
                }

                if (before is { } b)
                {
                    Bind(p, "before", b);
                }

                Bind(p, "limit", limit);
            },
            ReadTweet,
            cancellationToken);
    }

    public async Task<bool> UpdateTweetTextAsync(Guid id, string text, DateTime updatedAt, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE tweets SET text = @text, updated_at = @updated_at WHERE id = @id",
            p =>
            {
                Bind(p, "id", id);
                Bind(p, "text", text);
                Bind(p, "updated_at", updatedAt);
            },
            cancellationToken) == 1;

    public async Task<bool> DeleteTweetAsync(Guid id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM tweets WHERE id = @id", p => Bind(p, "id", id), cancellationToken) == 1;

    private static TweetRecord ReadTweet(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetGuid(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetDateTime(6),
        reader.IsDBNull(7) ? null : reader.GetDateTime(7));
}
