namespace TweetsSoap.Service.Storage;

/// <summary>
/// Lists that a store can give as keys alone, for <see cref="CachingTweetStore"/> to fill in from the tweets it holds:
/// an index walk that returns ids is several times cheaper than one that reads and decodes twenty whole rows.
/// Each method returns exactly the rows, in the order, that its <see cref="ITweetStore"/> twin would.
/// </summary>
public interface ITweetKeyLists
{
    /// <summary>The ids <see cref="ITweetStore.ListTweetsAsync"/> would return.</summary>
    Task<IReadOnlyList<Guid>> ListTweetIdsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken);

    /// <summary>The entries <see cref="ITweetStore.ListUserTimelineAsync"/> would return, without their tweets.</summary>
    Task<IReadOnlyList<TimelineKey>> ListUserTimelineKeysAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken);

    /// <summary>The entries <see cref="ITweetStore.ListHomeTimelineAsync"/> would return, without their tweets.</summary>
    Task<IReadOnlyList<TimelineKey>> ListHomeTimelineKeysAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken);
}

/// <summary>A <see cref="TimelineEntry"/> before its tweet is read.</summary>
public sealed record TimelineKey(Guid Key, Guid TweetId, RetweetRecord? Retweet);
