using TweetsSoap.Contracts;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// <see cref="ISocialService"/> over JSON. Follow, like and retweet act for the caller, so they live under
/// <c>/users/me</c> as idempotent PUT/DELETE of the relation (the operations already are idempotent); a path with
/// someone else's id in it would need a rule the SOAP face does not have.
/// </summary>
public static class SocialEndpoints
{
    public static RouteGroupBuilder MapSocial(this RouteGroupBuilder api)
    {
        api.MapPut("/users/me/following/{userId:guid}", (Guid userId, ISocialService social) => social.Follow(userId))
            .Runs<ISocialService>(nameof(ISocialService.Follow));
        api.MapDelete("/users/me/following/{userId:guid}", (Guid userId, ISocialService social) => social.Unfollow(userId))
            .Runs<ISocialService>(nameof(ISocialService.Unfollow));
        api.MapGet("/users/{id:guid}/followers", (Guid id, int? maxResults, string? pageToken, ISocialService social) =>
            social.ListFollowers(id, maxResults, pageToken)).Runs<ISocialService>(nameof(ISocialService.ListFollowers));
        api.MapGet("/users/{id:guid}/following", (Guid id, int? maxResults, string? pageToken, ISocialService social) =>
            social.ListFollowing(id, maxResults, pageToken)).Runs<ISocialService>(nameof(ISocialService.ListFollowing));

        api.MapPut("/users/me/likes/{tweetId:guid}", (Guid tweetId, ISocialService social) => social.Like(tweetId))
            .Runs<ISocialService>(nameof(ISocialService.Like));
        api.MapDelete("/users/me/likes/{tweetId:guid}", (Guid tweetId, ISocialService social) => social.Unlike(tweetId))
            .Runs<ISocialService>(nameof(ISocialService.Unlike));
        api.MapGet("/tweets/{id:guid}/liking-users", (Guid id, int? maxResults, string? pageToken, ISocialService social) =>
            social.ListLikingUsers(id, maxResults, pageToken)).Runs<ISocialService>(nameof(ISocialService.ListLikingUsers));
        api.MapGet("/users/{id:guid}/liked-tweets", (Guid id, int? maxResults, string? pageToken, ISocialService social) =>
            social.ListLikedTweets(id, maxResults, pageToken)).Runs<ISocialService>(nameof(ISocialService.ListLikedTweets));

        api.MapPut("/users/me/retweets/{tweetId:guid}", (Guid tweetId, ISocialService social) => social.Retweet(tweetId))
            .Runs<ISocialService>(nameof(ISocialService.Retweet));
        api.MapDelete("/users/me/retweets/{tweetId:guid}", (Guid tweetId, ISocialService social) => social.UndoRetweet(tweetId))
            .Runs<ISocialService>(nameof(ISocialService.UndoRetweet));
        api.MapGet("/tweets/{id:guid}/retweeted-by", (Guid id, int? maxResults, string? pageToken, ISocialService social) =>
            social.ListRetweeters(id, maxResults, pageToken)).Runs<ISocialService>(nameof(ISocialService.ListRetweeters));
        return api;
    }
}
