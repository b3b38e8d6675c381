using TweetsSoap.Service.Domain.TweetText;

namespace TweetsSoap.Service.Storage;

/// <summary>
/// Everything the operations need from storage. Each method is one atomic unit of work; a failed call leaves
/// nothing half-written. Uniqueness is the store's job: a duplicate surfaces as <see cref="DuplicateValueException"/>.
/// </summary>
public interface ITweetStore
{
    Task CreateUserAsync(UserRecord user, CancellationToken cancellationToken);

    Task<UserRecord?> GetUserAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Finds a user by the canonical form of the handle (<see cref="Domain.Username"/>); null for anything that is not a username.</summary>
    Task<UserRecord?> FindUserByUsernameAsync(string username, CancellationToken cancellationToken);

    /// <summary>Users newest first, starting after <paramref name="before"/> when it is given.</summary>
    Task<IReadOnlyList<UserRecord>> ListUsersAsync(Guid? before, int limit, CancellationToken cancellationToken);

    /// <summary>Replaces every field but the id and creation time; false when the user no longer exists.</summary>
    Task<bool> UpdateUserAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>Deletes the user and their tweets; false when the user did not exist.</summary>
    Task<bool> DeleteUserAsync(Guid id, CancellationToken cancellationToken);

    Task CreateTweetAsync(NewTweet tweet, CancellationToken cancellationToken);

    Task<TweetRecord?> GetTweetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The tweet the author posted with this client request id, if any.</summary>
    Task<TweetRecord?> FindTweetByClientRequestIdAsync(Guid authorId, string clientRequestId, CancellationToken cancellationToken);

    /// <summary>Tweets newest first, optionally of one author, starting after <paramref name="before"/> when it is given.</summary>
    Task<IReadOnlyList<TweetRecord>> ListTweetsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken);

    /// <summary>False when the tweet no longer exists.</summary>
    Task<bool> UpdateTweetTextAsync(Guid id, string text, DateTime updatedAt, CancellationToken cancellationToken);

    /// <summary>Deletes the tweet with its likes and retweets; false when the tweet did not exist.</summary>
    Task<bool> DeleteTweetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The users with these handles (ignoring case), in no particular order.</summary>
    Task<IReadOnlyList<UserRecord>> FindUsersByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken);

    /// <summary>The tweets with these ids, in no particular order.</summary>
    Task<IReadOnlyList<TweetRecord>> GetTweetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The user's tweets and retweets with keys inside <paramref name="range"/>, newest first (see <see cref="TimelineEntry"/>).</summary>
    Task<IReadOnlyList<TimelineEntry>> ListUserTimelineAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken);

    /// <summary>Tweets and retweets of the user and of everyone the user follows with keys inside <paramref name="range"/>,
    /// newest first (see <see cref="TimelineEntry"/>).</summary>
    Task<IReadOnlyList<TimelineEntry>> ListHomeTimelineAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken);

    /// <summary>Tweets whose conversation id is <paramref name="conversationId"/>, newest first.</summary>
    Task<IReadOnlyList<TweetRecord>> ListConversationAsync(Guid conversationId, IdRange range, int limit, CancellationToken cancellationToken);

    /// <summary>Tweets matching every term of the query inside <paramref name="range"/>, newest first.</summary>
    Task<IReadOnlyList<TweetRecord>> SearchTweetsAsync(SearchQuery query, IdRange range, int limit, CancellationToken cancellationToken);

    /// <summary>Records that the user follows, likes or retweets the target; false when that was already so.</summary>
    Task<bool> AddRelationAsync(Relation relation, Guid userId, Guid targetId, Guid id, DateTime createdAt, CancellationToken cancellationToken);

    /// <summary>Removes the relation; false when there was none.</summary>
    Task<bool> RemoveRelationAsync(Relation relation, Guid userId, Guid targetId, CancellationToken cancellationToken);

    /// <summary>Users who follow, like or retweet the target, newest relation first, keyed by the relation's id.</summary>
    Task<IReadOnlyList<Keyed<UserRecord>>> ListRelatedUsersAsync(Relation relation, Guid targetId, Guid? before, int limit, CancellationToken cancellationToken);

    /// <summary>Users the user follows, newest follow first, keyed by the follow's id.</summary>
    Task<IReadOnlyList<Keyed<UserRecord>>> ListFollowingAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken);

    /// <summary>Tweets the user likes, newest like first, keyed by the like's id.</summary>
    Task<IReadOnlyList<Keyed<TweetRecord>>> ListLikedTweetsAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken);
}

public sealed record UserRecord(
    Guid Id,
    string Username,
    string Email,
    string PasswordHash,
    string FirstName,
    string LastName,
    DateOnly? BirthDate,
    DateTime CreatedAt,
    string? SignUpRequestId = null)
{
    /// <summary>Filled in by reads; writes ignore it.</summary>
    public int FollowersCount { get; init; }

    /// <summary>Filled in by reads; writes ignore it.</summary>
    public int FollowingCount { get; init; }
}

public sealed record NewTweet(Guid Id, Guid AuthorId, string Text, DateTime CreatedAt)
{
    public Guid? InReplyToId { get; init; }

    /// <summary>The conversation of the tweet replied to; the tweet's own id when absent.</summary>
    public Guid? ConversationId { get; init; }

    public Guid? QuotedTweetId { get; init; }

    /// <summary>Unique per author: a second tweet with the same one fails as a duplicate of <c>clientRequestId</c>,
    /// which is how a retried PostTweet finds its first attempt.</summary>
    public string? ClientRequestId { get; init; }
}

public sealed record TweetRecord(
    Guid Id,
    string Text,
    Guid AuthorId,
    string AuthorUsername,
    string AuthorFirstName,
    string AuthorLastName,
    DateTime CreatedAt,
    DateTime? UpdatedAt)
{
    public Guid ConversationId { get; init; }

    public Guid? InReplyToId { get; init; }

    public Guid? QuotedTweetId { get; init; }

    public int LikeCount { get; init; }

    public int RetweetCount { get; init; }

    public int ReplyCount { get; init; }

    public int QuoteCount { get; init; }

    /// <summary>The weighted length and entities stored when the text was written or edited; null for a row written
    /// before they were stored (and for an edit's answer), whose text the mapping then parses.</summary>
    public ParsedText? Parsed { get; init; }
}

/// <summary>
/// One place on a timeline: a tweet posted by one of the timeline's people (keyed by the tweet's id), or a tweet
/// retweeted by one of them (keyed by the retweet's id, with <see cref="Retweet"/>). A tweet is on a timeline once:
/// at its newest place, so a retweet hides the tweet's own place and older retweets of it by the same people.
/// </summary>
public sealed record TimelineEntry(Guid Key, TweetRecord Tweet, RetweetRecord? Retweet);

/// <summary>Who retweeted a tweet onto a timeline, and when.</summary>
public sealed record RetweetRecord(Guid UserId, string Username, string FirstName, string LastName, DateTime CreatedAt);

/// <summary>What a user can do to another user or to a tweet.</summary>
public enum Relation
{
    Follow,
    Like,
    Retweet,
}

/// <summary>A row of a keyset-paged list with the key that orders the list (e.g. the id of the like, not of the tweet).</summary>
public sealed record Keyed<T>(Guid Key, T Value);

/// <summary>Keyset bounds on time-ordered ids, both exclusive: only ids less than <see cref="Before"/> and greater than <see cref="After"/>.</summary>
public sealed record IdRange(Guid? Before, Guid? After)
{
    public static IdRange All { get; } = new(null, null);
}

/// <summary>A parsed search: every word, hashtag (without #) and mention (without @) must occur; <see cref="AuthorId"/> restricts the author.</summary>
public sealed record SearchQuery(IReadOnlyList<string> Words, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Mentions, Guid? AuthorId);

/// <summary>A value that must be unique (a username, an email, an author's client request id) is already taken.</summary>
public sealed class DuplicateValueException(string field, Exception innerException)
    : Exception($"The {field} is already taken.", innerException)
{
    /// <summary>The contract's name of the field: <c>username</c>, <c>email</c> or <c>clientRequestId</c>.</summary>
    public string Field { get; } = field;
}
