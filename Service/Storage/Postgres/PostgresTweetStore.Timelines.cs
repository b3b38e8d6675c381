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
        ListTimelineAsync(UserMembers, authorId, range, limit, keysOnly: false, r => ReadTweet(r, 6), (key, tweet, retweet) => new TimelineEntry(key, tweet, retweet), cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> ListHomeTimelineAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync(HomeMembers, userId, range, limit, keysOnly: false, r => ReadTweet(r, 6), (key, tweet, retweet) => new TimelineEntry(key, tweet, retweet), cancellationToken);

    public Task<IReadOnlyList<TimelineKey>> ListUserTimelineKeysAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync(UserMembers, authorId, range, limit, keysOnly: true, r => r.GetGuid(6), (key, id, retweet) => new TimelineKey(key, id, retweet), cancellationToken);

    public Task<IReadOnlyList<TimelineKey>> ListHomeTimelineKeysAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync(HomeMembers, userId, range, limit, keysOnly: true, r => r.GetGuid(6), (key, id, retweet) => new TimelineKey(key, id, retweet), cancellationToken);

    internal const string HomeMembers = "SELECT @key::uuid UNION ALL SELECT followee_id FROM follows WHERE follower_id = @key";

    internal const string UserMembers = "SELECT @key::uuid";

    /// <summary>
    /// The timeline of <paramref name="members"/> (a query of user ids): a merge of each member's newest tweets and
    /// retweets, at most <paramref name="limit"/> of each kind per member through the (author, id) and (user, id)
    /// indexes, so a page costs the same whether the members posted a minute or a year ago. An entry hides when the
    /// members retweeted its tweet later.
    /// </summary>
    /// <remarks>
    /// The candidates are keys only, sorted, and the "retweeted later" probe and the row joins run on them in key
    /// order until the page is full: about <paramref name="limit"/> probes and joins instead of one per candidate
    /// (2 × limit per member; 26,000 buffer reads a first page for 50 followees on 300k tweets before, 1,800 after).
    /// Filtering after the per-member cut loses nothing: within one arm a member's entries are of distinct tweets,
    /// and each tweet's newest entry, the visible one, is at least as new as the member's, so a member whose newest
    /// <paramref name="limit"/> entries of a kind all rank above an entry leaves as many visible entries above it.
    /// That newest entry is on the page's side of <see cref="IdRange.Before"/> only if the members did not retweet
    /// the tweet at or past it; entries hidden by such a retweet (on an earlier page) are dropped before the cut.
    /// </remarks>
    private async Task<IReadOnlyList<TEntry>> ListTimelineAsync<TTweet, TEntry>(
        string members, Guid key, IdRange range, int limit, bool keysOnly, Func<NpgsqlDataReader, TTweet> readTweet,
        Func<Guid, TTweet, RetweetRecord?, TEntry> entry, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            TimelineSql(members, range, keysOnly),
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
            reader => entry(
                reader.GetGuid(0),
                readTweet(reader),
                reader.IsDBNull(1) ? null : new RetweetRecord(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetDateTime(5))),
            cancellationToken);

    /// <summary>
    /// The statement of <see cref="ListTimelineAsync"/>: parameters @key, @limit and the range's @before and @after.
    /// Columns 0–5 are the key and the retweet, then the tweet's columns, or with <paramref name="keysOnly"/> its id alone
    /// (for <see cref="ITweetKeyLists"/>): the page is the same, only the joins to the tweet's row and author are left out.
    /// </summary>
    internal static string TimelineSql(string members, IdRange range, bool keysOnly = false)
    {
        const string RetweetedSince = "EXISTS (SELECT 1 FROM retweets n WHERE n.tweet_id = {0} AND n.id >= @before AND n.user_id IN (SELECT id FROM members))";
        var bounds = (range.Before is null ? "" : " AND x.id < @before") + (range.After is null ? "" : " AND x.id > @after");
        var tweetBounds = bounds + (range.Before is null ? "" : $" AND NOT {string.Format(RetweetedSince, "x.id")}");
        var retweetBounds = bounds + (range.Before is null ? "" : $" AND NOT {string.Format(RetweetedSince, "x.tweet_id")}");
        return $"""
        WITH members(id) AS ({members})
        SELECT e.key, b.id, b.username, b.first_name, b.last_name, e.at, {(keysOnly ? "e.tweet_id" : TweetColumns)}
        FROM (
            SELECT c.key, c.tweet_id, c.by_id, c.at
            FROM (
                SELECT o.key, o.key AS tweet_id, NULL::uuid AS by_id, NULL::timestamptz AS at
                FROM members m CROSS JOIN LATERAL (
                    SELECT x.id AS key FROM tweets x WHERE x.author_id = m.id{tweetBounds} ORDER BY x.id DESC LIMIT @limit) o
                UNION ALL
                SELECT o.key, o.tweet_id, m.id, o.at
                FROM members m CROSS JOIN LATERAL (
                    SELECT x.id AS key, x.tweet_id, x.created_at AS at FROM retweets x
                    WHERE x.user_id = m.id{retweetBounds} ORDER BY x.id DESC LIMIT @limit) o
                ORDER BY key DESC
            ) c
            WHERE NOT EXISTS (SELECT 1 FROM retweets n WHERE n.tweet_id = c.tweet_id AND n.id > c.key AND n.user_id IN (SELECT id FROM members))
            ORDER BY c.key DESC LIMIT @limit
        ) e
        {(keysOnly ? "" : "JOIN tweets t ON t.id = e.tweet_id JOIN users u ON u.id = t.author_id ")}LEFT JOIN users b ON b.id = e.by_id
        ORDER BY e.key DESC
        """;
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
