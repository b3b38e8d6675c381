using System.ServiceModel;

namespace TweetsSoap.Contracts;

/// <summary>
/// The social graph and engagement: follow users, like and retweet tweets, and list who did. Follow, Unfollow, Like,
/// Unlike, Retweet and UndoRetweet need a WS-Security UsernameToken (PasswordText) in the <c>wsse:Security</c> header
/// and are idempotent (doing one twice changes nothing more); lists are anonymous, newest relationship first, and
/// paged by <c>maxResults</c> (1 to 100, default 20) and the opaque <c>pageToken</c>. Every operation may raise
/// <see cref="ServiceFault"/>.
/// </summary>
[ServiceContract(Name = "SocialService", Namespace = Namespaces.V1)]
public interface ISocialService
{
    /// <summary>The caller follows the user; returns that user with updated counts. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, ValidationFailed (userId missing or the caller's own), NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<User> Follow(Guid userId);

    /// <summary>The caller stops following the user; returns that user with updated counts. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<User> Unfollow(Guid userId);

    /// <summary>Users who follow the user, most recent follower first. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<UserPage> ListFollowers(Guid userId, int? maxResults, string? pageToken);

    /// <summary>Users the user follows, most recently followed first. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<UserPage> ListFollowing(Guid userId, int? maxResults, string? pageToken);

    /// <summary>The caller likes the tweet; returns it with updated counts. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> Like(Guid tweetId);

    /// <summary>The caller takes back a like; returns the tweet with updated counts. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> Unlike(Guid tweetId);

    /// <summary>Users who like the tweet, most recent like first. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<UserPage> ListLikingUsers(Guid tweetId, int? maxResults, string? pageToken);

    /// <summary>Tweets the user likes, most recent like first. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<TweetPage> ListLikedTweets(Guid userId, int? maxResults, string? pageToken);

    /// <summary>The caller retweets the tweet; returns it with updated counts. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> Retweet(Guid tweetId);

    /// <summary>The caller takes back a retweet; returns the tweet with updated counts. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> UndoRetweet(Guid tweetId);

    /// <summary>Users who retweeted the tweet, most recent first. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed, NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<UserPage> ListRetweeters(Guid tweetId, int? maxResults, string? pageToken);
}
