namespace TweetsSoap.Service.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Which backend keeps the data. Env: <c>Storage__Provider</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file; created with its folder on first start. Env: <c>Storage__SqlitePath</c>.</summary>
    public string SqlitePath { get; set; } = "data/tweets.db";

    /// <summary>The Npgsql connection string of the PostgreSQL database (pool size and the like go here).
    /// Env: <c>Storage__ConnectionString</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long opening a PostgreSQL connection may take before the call fails as <c>Unavailable</c>.
    /// Short on purpose: a load balancer retries elsewhere sooner than a client waits.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>How long a write may wait for its turn (SQLite) or a pooled connection and its locks (PostgreSQL),
    /// and its commit, before the call fails as <c>Unavailable</c>. A healthy commit takes milliseconds; only a lock
    /// held from outside the service (a backup, a manual session) or a stalled server makes writes wait this long.</summary>
    public int WriteDeadlineMilliseconds { get; set; } = 5000;

    /// <summary>How many tweets the service keeps in memory for <c>GetTweet</c> (0: none); about half a kilobyte each.
    /// Writes through the service keep it exact for their own next read. SQLite: nothing outside the service may write
    /// the file while it runs. PostgreSQL: other instances' writes arrive as notifications on a connection of its
    /// own (docs/read-path.md#the-tweet-cache). Env: <c>Storage__TweetCacheCapacity</c>.</summary>
    public int TweetCacheCapacity { get; set; } = 50_000;

    /// <summary>SQLite: a write that finds the writer idle commits on its caller's thread instead of handing it to
    /// the writer's loop (flat combining, docs/write-path.md). Off until measured on a quiet machine.</summary>
    public bool SqliteInlineWrites { get; set; }

    /// <summary>SQLite: WAL checkpoints run PASSIVE on a connection of their own instead of inside the commit that
    /// crosses 1,000 WAL pages (docs/write-path.md). Off until measured on a quiet machine.</summary>
    public bool SqliteBackgroundCheckpoints { get; set; }

    /// <summary>How long one PostgreSQL statement may run before the call fails as <c>Unavailable</c>.</summary>
    public int CommandTimeoutSeconds { get; set; } = 15;
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
