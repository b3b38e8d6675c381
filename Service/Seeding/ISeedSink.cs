namespace TweetsSoap.Service.Seeding;

/// <summary>Where <c>seed</c> writes the rows <see cref="SeedGenerator"/> makes, batch by batch, in this order:
/// users, follows, tweets (each with its likes and retweets), then <see cref="FinishAsync"/>.</summary>
public interface ISeedSink : IAsyncDisposable
{
    /// <summary>The database, as the console names it.</summary>
    string Target { get; }

    /// <summary>How many users the database holds already: seeded usernames continue from there.</summary>
    int ExistingUsers { get; }

    Task WriteUsersAsync(IReadOnlyList<SeedUser> users);

    Task WriteFollowsAsync(IReadOnlyList<SeedRelation> follows);

    Task WriteTweetsAsync(IReadOnlyList<SeedTweet> tweets);

    /// <summary>Commits what is left and refreshes the planner's statistics.</summary>
    Task FinishAsync();
}
