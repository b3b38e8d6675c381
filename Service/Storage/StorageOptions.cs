namespace TweetsSoap.Service.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite database file; created with its folder on first start. Env: <c>Storage__SqlitePath</c>.</summary>
    public string SqlitePath { get; set; } = "data/tweets.db";
}
