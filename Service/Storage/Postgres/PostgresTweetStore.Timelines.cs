using Npgsql;
using TweetsSoap.Service.Domain;

namespace TweetsSoap.Service.Storage.Postgres;

/// <summary>Batch lookups, timelines and conversations: every list is a keyset range walked newest first on an index.</summary>
public sealed partial class PostgresTweetStore
{
    public async Task<IReadOnlyList<UserRecord>> FindUsersByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"{UserSelect} WHERE u.username_key = ANY(@keys)",
            p => Bind(p, "keys", Username.CanonicalKeys(usernames)),
            ReadUser,
            cancellationToken);

    public async Task<IReadOnlyList<TweetRecord>> GetTweetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await database.QueryAsync($"{TweetSelect} WHERE t.id = ANY(@ids)", p => Bind(p, "ids", ids.ToArray()), ReadTweet, cancellationToken);

    public Task<IReadOnlyList<TweetRecord>> ListUserTimelineAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListRangeAsync(TweetSelect, ["t.author_id = @key"], p => Bind(p, "key", authorId), range, limit, cancellationToken);

    public Task<IReadOnlyList<TweetRecord>> ListHomeTimelineAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListRangeAsync(
            TweetSelect,
            ["(t.author_id = @key OR t.author_id IN (SELECT f.followee_id FROM follows f WHERE f.follower_id = @key))"],
            p => Bind(p, "key", userId),
            range,
            limit,
            cancellationToken);

    public Task<IReadOnlyList<TweetRecord>> ListConversationAsync(Guid conversationId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListRangeAsync(TweetSelect, ["t.conversation_id = @key"], p => Bind(p, "key", conversationId), range, limit, cancellationToken);

    /// <summary>
    /// Tweets meeting every condition inside the range, newest first. Open bounds are left out of the SQL rather than
    /// replaced by sentinel values: uuids have no "after every id" value to stand in for one.
    /// </summary>
    private async Task<IReadOnlyList<TweetRecord>> ListRangeAsync(
        string select, List<string> conditions, Action<NpgsqlParameterCollection> bind, IdRange range, int limit, CancellationToken cancellationToken)
    {
        if (range.Before is not null)
        {
            conditions.Add("t.id < @before");
        }

        if (range.After is not null)
        {
            conditions.Add("t.id > @after");
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        return await database.QueryAsync(
            $"{select} {where} ORDER BY t.id DESC LIMIT @limit",
            p =>
            {
                bind(p);
                if (range.Before is { } before)
                {
                    Bind(p, "before", before);
                }

                if (range.After is { } after)
                {
                    Bind(p, "after", after);
                }

                Bind(p, "limit", limit);
            },
            ReadTweet,
            cancellationToken);
    }
}
