using System.ServiceModel;

namespace TweetsSoap.Contracts;

/// <summary>
/// Tweets: post, read, list, edit and delete. Posting, editing and deleting need a WS-Security UsernameToken
/// (PasswordText) in the <c>wsse:Security</c> header; reading is anonymous. Every operation may raise
/// <see cref="ServiceFault"/>.
/// </summary>
[ServiceContract(Name = "TweetService", Namespace = Namespaces.V1)]
public interface ITweetService
{
    /// <summary>Posts a tweet as the caller and returns it. Needs a UsernameToken.</summary>
    /// <param name="text">1 to 280 characters, counted as user-perceived characters (an emoji counts once).</param>
    /// <param name="clientRequestId">Optional, up to 64 letters, digits or <c>. _ : -</c> (a UUID will do): a retry
    /// by the same user with the same id returns the tweet the first attempt created instead of posting it twice.</param>
    /// <remarks>Faults: Unauthenticated, ValidationFailed (empty or too long), Conflict (clientRequestId already used
    /// for a different text), Unavailable.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> PostTweet(string text, string? clientRequestId = null);

    /// <summary>Returns one tweet. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed (tweetId missing), NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> GetTweet(Guid tweetId);

    /// <summary>Lists tweets, newest first, one page at a time; pages stay stable while new tweets arrive. Anonymous.</summary>
    /// <param name="authorId">Only this user's tweets; all tweets when absent.</param>
    /// <param name="maxResults">Page size, 1 to 100; 20 when absent.</param>
    /// <param name="pageToken">The <c>NextPageToken</c> of the previous page; absent for the first page.</param>
    /// <remarks>Faults: ValidationFailed (maxResults out of range, pageToken not one we issued for this listing).</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<TweetPage> ListTweets(Guid? authorId, int? maxResults, string? pageToken);

    /// <summary>Replaces the text of the caller's own tweet and returns it with <c>UpdatedAt</c> set. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, Forbidden (another user's tweet), NotFound, ValidationFailed.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> UpdateTweet(Guid tweetId, string text);

    /// <summary>Deletes the caller's own tweet. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, Forbidden (another user's tweet), NotFound, ValidationFailed.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task DeleteTweet(Guid tweetId);
}
