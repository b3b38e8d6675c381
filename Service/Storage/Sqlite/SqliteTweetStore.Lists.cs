using Microsoft.Data.Sqlite;
using TweetsSoap.Service.Domain;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>Batch lookups, timelines, conversations and search: every list is a keyset range walked newest first on an index.</summary>
public sealed partial class SqliteTweetStore
{
    public async Task<IReadOnlyList<UserRecord>> FindUsersByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{UserSelect} WHERE u.username_key IN ({InList(command, "$u", Username.CanonicalKeys(usernames))})";
        return await ReadUsersAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<TweetRecord>> GetTweetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{TweetSelect} WHERE t.id IN ({InList(command, "$t", ids.Select(Key))})";
        return await ReadTweetsAsync(command, cancellationToken);
    }

    public Task<IReadOnlyList<TweetRecord>> ListUserTimelineAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListRangeAsync("t.author_id = $key", authorId, range, limit, cancellationToken);

    // Walks the tweets newest first and keeps those of followed authors: the cost of a page depends on how
    // sparse the followed accounts' tweets are among all tweets, not on how many tweets there are.
    public Task<IReadOnlyList<TweetRecord>> ListHomeTimelineAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListRangeAsync(
            "(t.author_id = $key OR EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = $key AND f.followee_id = t.author_id))",
            userId, range, limit, cancellationToken);

    public Task<IReadOnlyList<TweetRecord>> ListConversationAsync(Guid conversationId, IdRange range, int limit, CancellationToken cancellationToken) =>
        ListRangeAsync("t.conversation_id = $key", conversationId, range, limit, cancellationToken);

    public async Task<IReadOnlyList<TweetRecord>> SearchTweetsAsync(SearchQuery query, IdRange range, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // FTS5 walks its rowids (tweets.seq) newest first and stops at the limit: no sort of all matches. The id
        // bounds become seq bounds through the nearest surviving tweet, so a deleted page-token tweet still works.
        command.CommandText = $"""
            SELECT {TweetColumns}
            FROM (SELECT rowid AS seq FROM tweet_search
                  WHERE tweet_search MATCH $match
                    AND rowid < coalesce((SELECT seq FROM tweets WHERE id >= $before ORDER BY id LIMIT 1), 9223372036854775807)
                    AND rowid > coalesce((SELECT seq FROM tweets WHERE id <= $after ORDER BY id DESC LIMIT 1), 0)
                  ORDER BY rowid DESC LIMIT $limit) s
            JOIN tweets t ON t.seq = s.seq JOIN users u ON u.id = t.author_id
            ORDER BY t.seq DESC
            """;
        command.Parameters.AddWithValue("$match", FtsMatch(query));
        command.Parameters.AddWithValue("$before", Upper(range.Before));
        command.Parameters.AddWithValue("$after", Lower(range.After));
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadTweetsAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<TweetRecord>> ListRangeAsync(string where, Guid key, IdRange range, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            {TweetSelect}
            WHERE {where} AND t.id < $before AND t.id > $after
            ORDER BY t.id DESC LIMIT $limit
            """;
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

    private static string InList<T>(SqliteCommand command, string prefix, IEnumerable<T> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"{prefix}{names.Count}";
            command.Parameters.AddWithValue(name, value);
            names.Add(name);
        }

        return names.Count == 0 ? "NULL" : string.Join(", ", names);
    }
}
