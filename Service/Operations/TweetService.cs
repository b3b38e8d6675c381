using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Operations;

public sealed partial class TweetService(ITweetStore store, Authenticator authenticator, Clock clock) : ITweetService
{
    public async Task<Tweet> PostTweet(string text, Guid? inReplyToTweetId, Guid? quotedTweetId)
    {
        var author = await authenticator.RequireUserAsync(default);
        new Validation().TweetText(text).ThrowIfInvalid();
        var parent = inReplyToTweetId is { } replyTo ? await FindAsync(replyTo) : null;
        var quoted = quotedTweetId is { } quote ? await FindAsync(quote) : null;

        var tweet = new NewTweet(Clock.NewId(), author.Id, text, clock.UtcNow())
        {
            InReplyToId = parent?.Id,
            ConversationId = parent?.ConversationId,
            QuotedTweetId = quoted?.Id,
        };
        await store.CreateTweetAsync(tweet, default);
        return ToContract(await FindAsync(tweet.Id));
    }

    public async Task<Tweet> GetTweet(Guid tweetId)
    {
        new Validation().Required(tweetId, "tweetId").ThrowIfInvalid();
        return ToContract(await FindAsync(tweetId));
    }

    public async Task<TweetPage> ListTweets(Guid? authorId, int? maxResults, string? pageToken)
    {
        new Validation().PageSize(maxResults).ThrowIfInvalid();
        var listing = authorId is { } a ? $"tweets:{a:N}" : "tweets";
        var after = Paging.ReadToken(pageToken, listing);
        var size = maxResults ?? Paging.DefaultPageSize;
        var rows = await store.ListTweetsAsync(authorId, after, size + 1, default);
        var (page, next) = Paging.Cut(rows, size, listing, t => t.Id);
        return new TweetPage { Tweets = [.. page.Select(ToContract)], NextPageToken = next };
    }

    public async Task<Tweet> UpdateTweet(Guid tweetId, string text)
    {
        var caller = await authenticator.RequireUserAsync(default);
        new Validation().Required(tweetId, "tweetId").TweetText(text).ThrowIfInvalid();
        var tweet = await FindOwnAsync(tweetId, caller);

        var updatedAt = clock.UtcNow();
        if (!await store.UpdateTweetTextAsync(tweetId, text, updatedAt, default))
        {
            throw TweetNotFound(tweetId);
        }

        return ToContract(tweet with { Text = text, UpdatedAt = updatedAt });
    }

    public async Task DeleteTweet(Guid tweetId)
    {
        var caller = await authenticator.RequireUserAsync(default);
        new Validation().Required(tweetId, "tweetId").ThrowIfInvalid();
        await FindOwnAsync(tweetId, caller);
        if (!await store.DeleteTweetAsync(tweetId, default))
        {
            throw TweetNotFound(tweetId);
        }
    }

    private async Task<TweetRecord> FindAsync(Guid tweetId) =>
        await store.GetTweetAsync(tweetId, default) ?? throw TweetNotFound(tweetId);

    private async Task<TweetRecord> FindOwnAsync(Guid tweetId, UserRecord caller)
    {
        var tweet = await FindAsync(tweetId);
        if (tweet.AuthorId != caller.Id)
        {
            throw Faults.Forbidden("Only the author may edit or delete a tweet.");
        }

        return tweet;
    }

    private static Exception TweetNotFound(Guid tweetId) => Faults.NotFound($"There is no tweet with id {tweetId}.");

    private static Tweet ToContract(TweetRecord tweet) => Mapping.ToContract(tweet);
}
