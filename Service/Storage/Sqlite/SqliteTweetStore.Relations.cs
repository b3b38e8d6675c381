using Microsoft.Data.Sqlite;

namespace TweetsSoap.Service.Storage.Sqlite;

/// <summary>Follows, likes and retweets: one table each, one row per user and target, with its own time-ordered id.</summary>
public sealed partial class SqliteTweetStore
{
    private static (string Table, string User, string Target) TableOf(Relation relation) => relation switch
    {
        Relation.Follow => ("follows", "follower_id", "followee_id"),
        Relation.Like => ("likes", "user_id", "tweet_id"),
        Relation.Retweet => ("retweets", "user_id", "tweet_id"),
        _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, null),
    };

    public Task<bool> AddRelationAsync(Relation relation, Guid userId, Guid targetId, Guid id, DateTime createdAt, CancellationToken cancellationToken) => writes.WriteAsync(async connection =>
    {
        var (table, user, target) = TableOf(relation);
        await using var command = connection.CreateCommand();
        // The unique (user, target) constraint makes a repeat a no-op, also when two requests race.
        command.CommandText = $"INSERT INTO {table} (id, {user}, {target}, created_at) VALUES ($id, $user, $target, $at) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$id", Key(id));
        command.Parameters.AddWithValue("$user", Key(userId));
        command.Parameters.AddWithValue("$target", Key(targetId));
        command.Parameters.AddWithValue("$at", ToUnixMs(createdAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }, cancellationToken);

    public Task<bool> RemoveRelationAsync(Relation relation, Guid userId, Guid targetId, CancellationToken cancellationToken) => writes.WriteAsync(async connection =>
    {
        var (table, user, target) = TableOf(relation);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {table} WHERE {user} = $user AND {target} = $target";
        command.Parameters.AddWithValue("$user", Key(userId));
        command.Parameters.AddWithValue("$target", Key(targetId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }, cancellationToken);

    public Task<IReadOnlyList<Keyed<UserRecord>>> ListRelatedUsersAsync(Relation relation, Guid targetId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        var (table, user, target) = TableOf(relation);
        return ListKeyedAsync($"SELECT r.id, {UserSelect[7..].Replace("FROM users u", $"FROM {table} r JOIN users u ON u.id = r.{user}", StringComparison.Ordinal)} WHERE r.{target} = $key",
            targetId, before, limit, ReadUser, cancellationToken);
    }

    public Task<IReadOnlyList<Keyed<UserRecord>>> ListFollowingAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken) =>
        ListKeyedAsync($"SELECT r.id, {UserSelect[7..].Replace("FROM users u", "FROM follows r JOIN users u ON u.id = r.followee_id", StringComparison.Ordinal)} WHERE r.follower_id = $key",
            userId, before, limit, ReadUser, cancellationToken);

    public Task<IReadOnlyList<Keyed<TweetRecord>>> ListLikedTweetsAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken) =>
        ListKeyedAsync($"SELECT r.id, {TweetColumns} FROM likes r JOIN tweets t ON t.id = r.tweet_id JOIN users u ON u.id = t.author_id WHERE r.user_id = $key",
            userId, before, limit, ReadTweet, cancellationToken);

    private async Task<IReadOnlyList<Keyed<T>>> ListKeyedAsync<T>(
        string select, Guid key, Guid? before, int limit, Func<SqliteDataReader, int, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await connections.ReadAsync(cancellationToken);
        var command = connection.Command($"{select} AND r.id < $before ORDER BY r.id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$key", Key(key));
        command.Parameters.AddWithValue("$before", Upper(before));
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<Keyed<T>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Keyed<T>(Guid.Parse(reader.GetString(0)), read(reader, 1)));
        }

        return rows;
    }
}
