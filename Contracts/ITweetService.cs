using System.ServiceModel;

namespace TweetsSoap.Contracts;

/// <summary>
/// Tweets: post (also as replies and quotes), read, look up in batches, list, read timelines and conversations,
/// search, edit and delete. Posting, editing, deleting and the home timeline need a WS-Security UsernameToken
/// (PasswordText) in the <c>wsse:Security</c> header; the rest is anonymous. Lists are newest first and paged by
/// <c>maxResults</c> (1 to 100, default 20) and the opaque <c>pageToken</c> from the previous page's
/// <c>NextPageToken</c>; <c>sinceId</c> keeps only tweets newer than that id, <c>untilId</c> only older ones.
/// Every operation may raise <see cref="ServiceFault"/>.
/// </summary>
[ServiceContract(Name = "TweetService", Namespace = Namespaces.V1)]
public interface ITweetService
{
    /// <summary>Posts a tweet as the caller, optionally as a reply or a quote, and returns it. Needs a UsernameToken.</summary>
    /// <param name="text">Weighted length 1 to 280 as Twitter counts it: URLs 23, emoji and most non-Latin characters 2, others 1.</param>
    /// <param name="inReplyToTweetId">The tweet this one answers; the reply joins that tweet's conversation.</param>
    /// <param name="quotedTweetId">The tweet this one quotes.</param>
    /// <param name="clientRequestId">Optional, up to 64 letters, digits or <c>. _ : -</c> (a UUID will do): a retry
    /// by the same user with the same id returns the tweet the first attempt created instead of posting it twice.</param>
    /// <remarks>Faults: Unauthenticated, ValidationFailed (empty, too long, invalid characters), NotFound (the replied-to
    /// or quoted tweet), Conflict (clientRequestId already used for a different tweet), Unavailable.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> PostTweet(string text, Guid? inReplyToTweetId, Guid? quotedTweetId, string? clientRequestId);

    /// <summary>Returns one tweet. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed (tweetId missing), NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<Tweet> GetTweet(Guid tweetId);

    /// <summary>Returns up to 100 tweets by id in one call. Ids not found are reported in <c>Problems</c>, not as a fault. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed (no ids, or more than 100).</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<TweetLookup> GetTweets(List<Guid> tweetIds);

    /// <summary>
    /// One user's tweets and retweets, newest first (a retweet by the time of retweeting, with <c>Retweet</c> set).
    /// Each tweet appears once, at its newest place. sinceId and untilId bound the entries' times as tweet ids do.
    /// Anonymous.
    /// </summary>
    /// <remarks>Faults: ValidationFailed (userId missing, maxResults out of range, pageToken not issued for this timeline), NotFound.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<TweetPage> GetUserTimeline(Guid userId, int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId);

    /// <summary>
    /// Tweets and retweets of the caller and of the accounts the caller follows, newest first (a retweet by the time
    /// of retweeting, with <c>Retweet</c> naming who). Each tweet appears once, at its newest retweet by these
    /// accounts, or where it was posted when none of them retweeted it. Needs a UsernameToken.
    /// </summary>
    /// <remarks>Faults: Unauthenticated, ValidationFailed.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<TweetPage> GetHomeTimeline(int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId);

    /// <summary>Every tweet of a conversation (the <c>ConversationId</c> of its tweets), newest first. Anonymous.</summary>
    /// <remarks>Faults: ValidationFailed.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<TweetPage> GetConversation(Guid conversationId, int? maxResults, string? pageToken);

    /// <summary>Tweets that match every term of the query, newest first. Anonymous.</summary>
    /// <param name="query">Terms separated by spaces, all of which must match: a word (also matches that #hashtag),
    /// <c>#hashtag</c>, <c>@username</c> (mentions), <c>from:username</c> (author). At most 512 characters.</param>
    /// <param name="maxResults">Page size, 1 to 100; 20 when absent.</param>
    /// <param name="pageToken">The <c>NextPageToken</c> of the previous page of the same query.</param>
    /// <param name="sinceId">Only tweets newer than this one.</param>
    /// <param name="untilId">Only tweets older than this one.</param>
    /// <remarks>Faults: ValidationFailed (empty or too long query, no searchable term, paging).</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task<TweetPage> SearchTweets(string query, int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId);

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

    /// <summary>Deletes the caller's own tweet with its likes and retweets; replies and quotes stay. Needs a UsernameToken.</summary>
    /// <remarks>Faults: Unauthenticated, Forbidden (another user's tweet), NotFound, ValidationFailed.</remarks>
    [OperationContract]
    [FaultContract(typeof(ServiceFault))]
    Task DeleteTweet(Guid tweetId);
}
