using Npgsql;

namespace TweetsSoap.Service.Storage.Postgres;

/// <summary>Follows, likes and retweets: one table each, one row per user and target, with its own time-ordered id.</summary>
public sealed partial class PostgresTweetStore
{
    private static (string Table, string User, string Target) TableOf(Relation relation) => relation switch
    {
        Relation.Follow => ("follows", "follower_id", "followee_id"),
        Relation.Like => ("likes", "user_id", "tweet_id"),
        Relation.Retweet => ("retweets", "user_id", "tweet_id"),
        _ => throw new ArgumentOutOfRangeException(nameof(relation), relation, null),
    };

    public async Task<bool> AddRelationAsync(Relation relation, Guid userId, Guid targetId, Guid id, DateTime createdAt, CancellationToken cancellationToken)
    {
        var (table, user, target) = TableOf(relation);
        // The unique (user, target) constraint makes a repeat a no-op, also when two instances race.
        return await database.ExecuteAsync(
            $"INSERT INTO {table} (id, {user}, {target}, created_at) VALUES (@id, @user, @target, @at) ON CONFLICT ({user}, {target}) DO NOTHING",
            p =>
            {
                Bind(p, "id", id);
                Bind(p, "user", userId);
                Bind(p, "target", targetId);
                Bind(p, "at", createdAt);
            },
            cancellationToken) == 1;
    }

    public async Task<bool> RemoveRelationAsync(Relation relation, Guid userId, Guid targetId, CancellationToken cancellationToken)
    {
        var (table, user, target) = TableOf(relation);
        return await database.ExecuteAsync(
            $"DELETE FROM {table} WHERE {user} = @user AND {target} = @target",
            p =>
            {
                Bind(p, "user", userId);
                Bind(p, "target", targetId);
            },
            cancellationToken) == 1;
    }

    public Task<IReadOnlyList<Keyed<UserRecord>>> ListRelatedUsersAsync(Relation relation, Guid targetId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        var (table, user, target) = TableOf(relation);
        return ListKeyedAsync(
            $"SELECT r.id, {UserSelect["SELECT ".Length..].Replace("FROM users u", $"FROM {table} r JOIN users u ON u.id = r.{user}", StringComparison.Ordinal)} WHERE r.{target} = @key",
            targetId, before, limit, ReadUser, cancellationToken);
    }

    public Task<IReadOnlyList<Keyed<UserRecord>>> ListFollowingAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken) =>
        ListKeyedAsync(
            $"SELECT r.id, {UserSelect["SELECT ".Length..].Replace("FROM users u", "FROM follows r JOIN users u ON u.id = r.followee_id", StringComparison.Ordinal)} WHERE r.follower_id = @key",
            userId, before, limit, ReadUser, cancellationToken);

    public Task<IReadOnlyList<Keyed<TweetRecord>>> ListLikedTweetsAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken) =>
        ListKeyedAsync(
            $"SELECT r.id, {TweetColumns} FROM likes r JOIN tweets t ON t.id = r.tweet_id JOIN users u ON u.id = t.author_id WHERE r.user_id = @key",
            userId, before, limit, ReadTweet, cancellationToken);

    private async Task<IReadOnlyList<Keyed<T>>> ListKeyedAsync<T>(
        string select, Guid key, Guid? before, int limit, Func<NpgsqlDataReader, int, T> read, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            $"{select} {(before is null ? "" : "AND r.id < @before")} ORDER BY r.id DESC LIMIT @limit",
            p =>
            {
                Bind(p, "key", key);
                if (before is { } b)
                {
                    Bind(p, "before", b);
                }

                Bind(p, "limit", limit);
            },
            reader => new Keyed<T>(reader.GetGuid(0), read(reader, 1)),
            cancellationToken);
}
