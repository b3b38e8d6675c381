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

    public Task<IReadOnlyList<TimelineEntry>> ListUserTimelineAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync("SELECT @key::uuid", authorId, range, limit, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> ListHomeTimelineAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync("SELECT @key::uuid UNION ALL SELECT followee_id FROM follows WHERE follower_id = @key", userId, range, limit, cancellationToken);

    /// <summary>
    /// The timeline of <paramref name="members"/> (a query of user ids): a merge of each member's newest tweets and
    /// retweets, at most <paramref name="limit"/> of each kind per member through the (author, id) and (user, id)
    /// indexes, so a page costs the same whether the members posted a minute or a year ago. An entry hides when the
    /// members retweeted its tweet later.
    /// </summary>
    private async Task<IReadOnlyList<TimelineEntry>> ListTimelineAsync(string members, Guid key, IdRange range, int limit, CancellationToken cancellationToken)
    {
        const string NewerRetweet = "EXISTS (SELECT 1 FROM retweets n WHERE n.tweet_id = {0} AND n.id > {1} AND n.user_id IN (SELECT id FROM members))";
        var bounds = (range.Before is null ? "" : " AND x.id < @before") + (range.After is null ? "" : " AND x.id > @after");
        return await database.QueryAsync(
            $"""
            WITH members(id) AS ({members})
            SELECT e.key, b.id, b.username, b.first_name, b.last_name, e.at, {TweetColumns}
            FROM (
                SELECT o.key, o.key AS tweet_id, NULL::uuid AS by_id, NULL::timestamptz AS at
                FROM members m CROSS JOIN LATERAL (
                    SELECT x.id AS key FROM tweets x
                    WHERE x.author_id = m.id{bounds} AND NOT {string.Format(NewerRetweet, "x.id", "x.id")}
                    ORDER BY x.id DESC LIMIT @limit) o
                UNION ALL
                SELECT o.key, o.tweet_id, m.id, o.at
                FROM members m CROSS JOIN LATERAL (
                    SELECT x.id AS key, x.tweet_id, x.created_at AS at FROM retweets x
                    WHERE x.user_id = m.id{bounds} AND NOT {string.Format(NewerRetweet, "x.tweet_id", "x.id")}
                    ORDER BY x.id DESC LIMIT @limit) o
            ) e
            JOIN tweets t ON t.id = e.tweet_id JOIN users u ON u.id = t.author_id LEFT JOIN users b ON b.id = e.by_id
            ORDER BY e.key DESC LIMIT @limit
            """,
            p =>
            {
                Bind(p, "key", key);
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
            reader => new TimelineEntry(
                reader.GetGuid(0),
                ReadTweet(reader, 6),
                reader.IsDBNull(1) ? null : new RetweetRecord(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetDateTime(5))),
            cancellationToken);
    }

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
