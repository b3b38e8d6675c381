using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Operations;

public sealed partial class TweetService(ITweetStore store, Authenticator authenticator, Clock clock, CallCancellation cancellation) : ITweetService
{
    public async Task<Tweet> PostTweet(string text, Guid? inReplyToTweetId, Guid? quotedTweetId, string? clientRequestId)
    {
        var author = await authenticator.RequireUserAsync(cancellation.Token);
        new Validation().TweetText(text).ClientRequestId(clientRequestId).ThrowIfInvalid();
        var parent = inReplyToTweetId is { } replyTo ? await FindAsync(replyTo) : null;
        var quoted = quotedTweetId is { } quote ? await FindAsync(quote) : null;

        var tweet = new NewTweet(Clock.NewId(), author.Id, text, clock.UtcNow())
        {
            InReplyToId = parent?.Id,
            ConversationId = parent?.ConversationId,
            QuotedTweetId = quoted?.Id,
            ClientRequestId = string.IsNullOrEmpty(clientRequestId) ? null : clientRequestId,
        };
        try
        {
            await store.CreateTweetAsync(tweet, CancellationToken.None);
        }
        catch (DuplicateValueException) when (tweet.ClientRequestId is not null)
        {
            // A retry, or its twin racing it: the unique (author, request id) let exactly one attempt insert.
            return ToContract(await FindRetriedAsync(tweet));
        }

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
        var rows = await store.ListTweetsAsync(authorId, after, size + 1, cancellation.Token);
        var (page, next) = Paging.Cut(rows, size, listing, t => t.Id);
        return new TweetPage { Tweets = [.. page.Select(ToContract)], NextPageToken = next };
    }

    public async Task<Tweet> UpdateTweet(Guid tweetId, string text)
    {
        var caller = await authenticator.RequireUserAsync(cancellation.Token);
        new Validation().Required(tweetId, "tweetId").TweetText(text).ThrowIfInvalid();
        var tweet = await FindOwnAsync(tweetId, caller);

        var updatedAt = clock.UtcNow();
        if (!await store.UpdateTweetTextAsync(tweetId, text, updatedAt, CancellationToken.None))
        {
            throw TweetNotFound(tweetId);
        }

        // The store parsed the new text as it wrote it; the answer parses it again rather than carry the old parse.
        return ToContract(tweet with { Text = text, UpdatedAt = updatedAt, Parsed = null });
    }

    public async Task DeleteTweet(Guid tweetId)
    {
        var caller = await authenticator.RequireUserAsync(cancellation.Token);
        new Validation().Required(tweetId, "tweetId").ThrowIfInvalid();
        await FindOwnAsync(tweetId, caller);
        if (!await store.DeleteTweetAsync(tweetId, CancellationToken.None))
        {
            throw TweetNotFound(tweetId);
        }
    }

    private async Task<TweetRecord> FindAsync(Guid tweetId) =>
        await store.GetTweetAsync(tweetId, cancellation.Token) ?? throw TweetNotFound(tweetId);

    private async Task<TweetRecord> FindOwnAsync(Guid tweetId, UserRecord caller)
    {
        var tweet = await FindAsync(tweetId);
        if (tweet.AuthorId != caller.Id)
        {
            throw OperationException.Forbidden("Only the author may edit or delete a tweet.");
        }

        return tweet;
    }

    private async Task<TweetRecord> FindRetriedAsync(NewTweet retry)
    {
        // Absent when the first attempt's tweet was deleted since; a different tweet means the id was reused.
        var original = await store.FindTweetByClientRequestIdAsync(retry.AuthorId, retry.ClientRequestId!, cancellation.Token);
        return original is not null
            && original.Text == retry.Text
            && original.InReplyToId == retry.InReplyToId
            && original.QuotedTweetId == retry.QuotedTweetId
                ? original
                : throw OperationException.Conflict("clientRequestId");
    }

    private static Exception TweetNotFound(Guid tweetId) => OperationException.NotFound($"There is no tweet with id {tweetId}.");

    private static Tweet ToContract(TweetRecord tweet) => Mapping.ToContract(tweet);
}
