namespace TweetsSoap.Service.Storage;

/// <summary>
/// Everything the operations need from storage. Each method is one atomic unit of work; a failed call leaves
/// nothing half-written. Uniqueness is the store's job: a duplicate surfaces as <see cref="DuplicateValueException"/>.
/// </summary>
public interface ITweetStore
{
    Task CreateUserAsync(UserRecord user, CancellationToken cancellationToken);

    Task<UserRecord?> GetUserAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Finds a user by handle, ignoring case.</summary>
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

    /// <summary>False when the tweet did not exist.</summary>
    Task<bool> DeleteTweetAsync(Guid id, CancellationToken cancellationToken);
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
    string? SignUpRequestId = null);

/// <param name="ClientRequestId">Unique per author: a second tweet with the same one fails as a duplicate of
/// <c>clientRequestId</c>, which is how a retried PostTweet finds its first attempt.</param>
public sealed record NewTweet(Guid Id, Guid AuthorId, string Text, DateTime CreatedAt, string? ClientRequestId = null);

public sealed record TweetRecord(
    Guid Id,
    string Text,
    Guid AuthorId,
    string AuthorUsername,
    string AuthorFirstName,
    string AuthorLastName,
    DateTime CreatedAt,
    DateTime? UpdatedAt);

/// <summary>A value that must be unique (a username, an email, an author's client request id) is already taken.</summary>
public sealed class DuplicateValueException(string field, Exception innerException)
    : Exception($"The {field} is already taken.", innerException)
{
    /// <summary>The contract's name of the field: <c>username</c>, <c>email</c> or <c>clientRequestId</c>.</summary>
    public string Field { get; } = field;
}
