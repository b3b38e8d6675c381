using Microsoft.Data.Sqlite;
using TweetsSoap.Service.Domain;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>Batch lookups, timelines, conversations and search: every list is a keyset range walked newest first on an index.</summary>
public sealed partial class SqliteTweetStore
{
    public async Task<IReadOnlyList<UserRecord>> FindUsersByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken)
    {
        var keys = Username.CanonicalKeys(usernames);
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"{UserSelect} WHERE u.username_key IN ({InList("$u", keys.Length)})");
        Bind(command, "$u", keys);
        return await ReadUsersAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<TweetRecord>> GetTweetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"{TweetSelect} WHERE t.id IN ({InList("$t", ids.Count)})");
        Bind(command, "$t", ids.Select(Key));
        return await ReadTweetsAsync(command, cancellationToken);
    }

    public Task<IReadOnlyList<TimelineEntry>> ListUserTimelineAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync(UserTimeline, authorId, range, limit, r => ReadTweet(r, 6), (key, tweet, retweet) => new TimelineEntry(key, tweet, retweet), cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> ListHomeTimelineAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync(HomeTimeline, userId, range, limit, r => ReadTweet(r, 6), (key, tweet, retweet) => new TimelineEntry(key, tweet, retweet), cancellationToken);

    public Task<IReadOnlyList<TimelineKey>> ListUserTimelineKeysAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync(UserTimelineKeys, authorId, range, limit, r => Guid.Parse(r.GetString(6)), (key, id, retweet) => new TimelineKey(key, id, retweet), cancellationToken);

    public Task<IReadOnlyList<TimelineKey>> ListHomeTimelineKeysAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListTimelineAsync(HomeTimelineKeys, userId, range, limit, r => Guid.Parse(r.GetString(6)), (key, id, retweet) => new TimelineKey(key, id, retweet), cancellationToken);

    /// <summary>
    /// The timeline of a set of members: a merge of each member's newest tweets and retweets. Each member contributes
    /// at most <paramref name="limit"/> + 1 rows of each kind, found through the (author, id) and (user, id) indexes
    /// above the member's (limit + 1)-th newest visible row, the one lower bound of the index range, so a page costs
    /// the same whether the members posted a minute or a year ago. An entry hides when a member retweeted its tweet
    /// later. Columns 0–5 are the key and the retweet; <paramref name="readTweet"/> reads the rest.
    /// </summary>
    private async Task<IReadOnlyList<TEntry>> ListTimelineAsync<TTweet, TEntry>(
        string sql, Guid key, IdRange range, int limit, Func<SqliteDataReader, TTweet> readTweet, Func<Guid, TTweet, RetweetRecord?, TEntry> entry,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command(sql);
        command.Parameters.AddWithValue("$key", Key(key));
        command.Parameters.AddWithValue("$before", Upper(range.Before));
        command.Parameters.AddWithValue("$after", Lower(range.After));
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<TEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var retweet = reader.IsDBNull(1) ? null : new RetweetRecord(
                Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), FromUnixMs(reader.GetInt64(5)));
            entries.Add(entry(Guid.Parse(reader.GetString(0)), readTweet(reader), retweet));
        }

        return entries;
    }

    private const string HomeMembers = "SELECT $key UNION ALL SELECT followee_id FROM follows WHERE follower_id = $key";

    private const string IsHomeMember = "(+n.user_id = $key OR EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = $key AND f.followee_id = n.user_id))";

    private const string TweetRows = $"{TweetColumns} FROM page e CROSS JOIN tweets t ON t.id = e.tweet_id JOIN users u ON u.id = t.author_id";

    internal static readonly string HomeTimeline = TimelineSql(HomeMembers, IsHomeMember, TweetRows);

    internal static readonly string UserTimeline = TimelineSql("SELECT $key", "+n.user_id = $key", TweetRows);

    private static readonly string HomeTimelineKeys = TimelineSql(HomeMembers, IsHomeMember, "e.tweet_id FROM page e");

    private static readonly string UserTimelineKeys = TimelineSql("SELECT $key", "+n.user_id = $key", "e.tweet_id FROM page e");

    /// <summary>
    /// The timeline query for a query of member ids, the test that a retweet's user (<c>n.user_id</c>) is a member, and
    /// the page's tweet columns with the joins they need.
    /// </summary>
    private static string TimelineSql(string members, string isMember, string tweetRows)
    {
        // "+" keeps SQLite on the (tweet_id, id) index, where a tweet has few rows, instead of probing (user_id, tweet_id)
        // once per member. CROSS JOIN fixes the join order: left to choose, SQLite's planner scanned every tweet of the
        // database against an automatic index on the entries (a page took 15 ms at 63k tweets instead of 1 ms).
        // The membership test is a lookup in follows, not "IN members": inside a correlated subquery SQLite rebuilt the
        // list (and a Bloom filter over it) for every probe. The members are NOT MATERIALIZED: used by both arms, they
        // were copied into a temporary table on every call, whose page cache SQLite allocated and freed each time, with
        // the kernel's page faults (a first home page took 1.7x the CPU per request it takes without).
        // The candidates come out sorted (a merge of the two arms), so the hide test runs only until the page is full,
        // and only the page's rows are joined to tweets and users.
        var newerRetweet = $"EXISTS (SELECT 1 FROM retweets n WHERE n.tweet_id = {{0}} AND n.id > {{1}} AND {isMember})";
        return $"""
            WITH members(id) AS NOT MATERIALIZED ({members}),
            candidates(key, tweet_id, by_id, at) AS (
                SELECT t.id, t.id, NULL, NULL FROM members m CROSS JOIN tweets t ON t.author_id = m.id
                WHERE t.id < $before
                    AND t.id > coalesce((SELECT x.id FROM tweets x
                        WHERE x.author_id = m.id AND x.id < $before AND x.id > $after AND NOT {string.Format(newerRetweet, "x.id", "x.id")}
                        ORDER BY x.id DESC LIMIT 1 OFFSET $limit), $after)
                UNION ALL
                SELECT r.id, r.tweet_id, r.user_id, r.created_at FROM members m CROSS JOIN retweets r ON r.user_id = m.id
                WHERE r.id < $before
                    AND r.id > coalesce((SELECT x.id FROM retweets x
                        WHERE x.user_id = m.id AND x.id < $before AND x.id > $after AND NOT {string.Format(newerRetweet, "x.tweet_id", "x.id")}
                        ORDER BY x.id DESC LIMIT 1 OFFSET $limit), $after)
                ORDER BY 1 DESC LIMIT -1),
            page AS (SELECT * FROM candidates c WHERE NOT {string.Format(newerRetweet, "c.tweet_id", "c.key")} ORDER BY c.key DESC LIMIT $limit)
            SELECT e.key, b.id, b.username, b.first_name, b.last_name, e.at, {tweetRows}
                LEFT JOIN users b ON b.id = e.by_id
            ORDER BY e.key DESC
            """;
    }

    public Task<IReadOnlyList<TweetRecord>> ListConversationAsync(Guid conversationId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListRangeAsync("t.conversation_id = $key", conversationId, range, limit, cancellationToken);

    public async Task<IReadOnlyList<TweetRecord>> SearchTweetsAsync(SearchQuery query, IdRange range, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        // FTS5 walks its rowids (tweets.seq) newest first and stops at the limit: no sort of all matches. The id
        // bounds become seq bounds through the nearest surviving tweet, so a deleted page-token tweet still works.
        var command = connection.Command($"""
            SELECT {TweetColumns}
            FROM (SELECT rowid AS seq FROM tweet_search
                  WHERE tweet_search MATCH $match
                    AND rowid < coalesce((SELECT seq FROM tweets WHERE id >= $before ORDER BY id LIMIT 1), 9223372036854775807)
                    AND rowid > coalesce((SELECT seq FROM tweets WHERE id <= $after ORDER BY id DESC LIMIT 1), 0)
                  ORDER BY rowid DESC LIMIT $limit) s
            JOIN tweets t ON t.seq = s.seq JOIN users u ON u.id = t.author_id
            ORDER BY t.seq DESC
            """);
        command.Parameters.AddWithValue("$match", FtsMatch(query));
        command.Parameters.AddWithValue("$before", Upper(range.Before));
        command.Parameters.AddWithValue("$after", Lower(range.After));
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadTweetsAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<TweetRecord>> ListRangeAsync(string where, Guid key, IdRange range, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"""
            {TweetSelect}
            WHERE {where} AND t.id < $before AND t.id > $after
            ORDER BY t.id DESC LIMIT $limit
            """);
        command.Parameters.AddWithValue("$key", Key(key));
        command.Parameters.AddWithValue("$before", Upper(range.Before));
        command.Parameters.AddWithValue("$after", Lower(range.After));
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadTweetsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Every term quoted as an FTS5 string (quotes doubled), so user input is never FTS syntax. A word also
    /// matches its hashtag; mentions and hashtags are tokens with their sign; the author column holds the id.
    /// </summary>
    private static string FtsMatch(SearchQuery query)
    {
        static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        var terms = query.Words.Select(w => $"(text : {Quote(w)} OR text : {Quote("#" + w)})")
            .Concat(query.Hashtags.Select(h => $"text : {Quote("#" + h)}"))
            .Concat(query.Mentions.Select(m => $"text : {Quote("@" + m)}"));
        if (query.AuthorId is { } author)
        {
            terms = terms.Append($"author : {Quote(author.ToString("N"))}");
        }

        return string.Join(" AND ", terms);
    }

    private static string InList(string prefix, int count) =>
        count == 0 ? "NULL" : string.Join(", ", Enumerable.Range(0, count).Select(i => $"{prefix}{i}"));

    private static void Bind<T>(SqliteCommand command, string prefix, IEnumerable<T> values)
    {
        var i = 0;
        foreach (var value in values)
        {
            command.Parameters.AddWithValue($"{prefix}{i++}", value);
        }
    }
}
