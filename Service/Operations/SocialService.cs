using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Operations;

public sealed class SocialService(ITweetStore store, Authenticator authenticator, Clock clock, CallCancellation cancellation) : ISocialService
{
    public async Task<User> Follow(Guid userId)
    {
        var caller = await authenticator.RequireUserAsync(cancellation.Token);
        var validation = new Validation().Required(userId, "userId");
        if (userId == caller.Id)
        {
            validation.Add("userId", "is the caller's own id; users cannot follow themselves");
        }

        validation.ThrowIfInvalid();
        await FindUserAsync(userId);
        await store.AddRelationAsync(Relation.Follow, caller.Id, userId, Clock.NewId(), clock.UtcNow(), CancellationToken.None);
        return Mapping.ToContract(await FindUserAsync(userId), self: false);
    }

    public async Task<User> Unfollow(Guid userId)
    {
        var caller = await authenticator.RequireUserAsync(cancellation.Token);
        new Validation().Required(userId, "userId").ThrowIfInvalid();
        await FindUserAsync(userId);
        await store.RemoveRelationAsync(Relation.Follow, caller.Id, userId, CancellationToken.None);
        return Mapping.ToContract(await FindUserAsync(userId), self: false);
    }

    public async Task<UserPage> ListFollowers(Guid userId, int? maxResults, string? pageToken)
    {
        await ValidUserAsync(userId);
        return await Pages.KeyedUsersAsync($"followers:{userId:N}", maxResults, pageToken,
            (before, limit) => store.ListRelatedUsersAsync(Relation.Follow, userId, before, limit, cancellation.Token));
    }

    public async Task<UserPage> ListFollowing(Guid userId, int? maxResults, string? pageToken)
    {
        await ValidUserAsync(userId);
        return await Pages.KeyedUsersAsync($"following:{userId:N}", maxResults, pageToken,
            (before, limit) => store.ListFollowingAsync(userId, before, limit, cancellation.Token));
    }

    public Task<Tweet> Like(Guid tweetId) => RelateAsync(Relation.Like, tweetId, add: true);

    public Task<Tweet> Unlike(Guid tweetId) => RelateAsync(Relation.Like, tweetId, add: false);

    public Task<UserPage> ListLikingUsers(Guid tweetId, int? maxResults, string? pageToken) =>
        ListUsersOfTweetAsync(Relation.Like, "likers", tweetId, maxResults, pageToken);

    public async Task<TweetPage> ListLikedTweets(Guid userId, int? maxResults, string? pageToken)
    {
        await ValidUserAsync(userId);
        return await Pages.KeyedTweetsAsync($"liked:{userId:N}", maxResults, pageToken,
            (before, limit) => store.ListLikedTweetsAsync(userId, before, limit, cancellation.Token));
    }

    public Task<Tweet> Retweet(Guid tweetId) => RelateAsync(Relation.Retweet, tweetId, add: true);

    public Task<Tweet> UndoRetweet(Guid tweetId) => RelateAsync(Relation.Retweet, tweetId, add: false);

    public Task<UserPage> ListRetweeters(Guid tweetId, int? maxResults, string? pageToken) =>
        ListUsersOfTweetAsync(Relation.Retweet, "retweeters", tweetId, maxResults, pageToken);

    private async Task<Tweet> RelateAsync(Relation relation, Guid tweetId, bool add)
    {
        var caller = await authenticator.RequireUserAsync(cancellation.Token);
        new Validation().Required(tweetId, "tweetId").ThrowIfInvalid();
        await FindTweetAsync(tweetId);
        if (add)
        {
            await store.AddRelationAsync(relation, caller.Id, tweetId, Clock.NewId(), clock.UtcNow(), CancellationToken.None);
        }
        else
        {
            await store.RemoveRelationAsync(relation, caller.Id, tweetId, CancellationToken.None);
        }

        return Mapping.ToContract(await FindTweetAsync(tweetId));
    }

    private async Task<UserPage> ListUsersOfTweetAsync(Relation relation, string name, Guid tweetId, int? maxResults, string? pageToken)
    {
        new Validation().Required(tweetId, "tweetId").PageSize(maxResults).ThrowIfInvalid();
        await FindTweetAsync(tweetId);
        return await Pages.KeyedUsersAsync($"{name}:{tweetId:N}", maxResults, pageToken,
            (before, limit) => store.ListRelatedUsersAsync(relation, tweetId, before, limit, cancellation.Token));
    }

    private async Task ValidUserAsync(Guid userId)
    {
        new Validation().Required(userId, "userId").ThrowIfInvalid();
        await FindUserAsync(userId);
    }

    private async Task<UserRecord> FindUserAsync(Guid userId) =>
        await store.GetUserAsync(userId, cancellation.Token) ?? throw OperationException.NotFound($"There is no user with id {userId}.");

    private async Task<TweetRecord> FindTweetAsync(Guid tweetId) =>
        await store.GetTweetAsync(tweetId, cancellation.Token) ?? throw OperationException.NotFound($"There is no tweet with id {tweetId}.");
}
