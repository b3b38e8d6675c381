using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Operations;

public sealed class TweetService(ITweetStore store, Authenticator authenticator, Clock clock) : ITweetService
{
    public async Task<Tweet> PostTweet(string text, string? clientRequestId)
    {
        var author = await authenticator.RequireUserAsync(default);
        new Validation().TweetText(text).ClientRequestId(clientRequestId).ThrowIfInvalid();
        var requestId = string.IsNullOrEmpty(clientRequestId) ? null : clientRequestId;

        var tweet = new NewTweet(Clock.NewId(), author.Id, text, clock.UtcNow(), requestId);
        try
        {
            await store.CreateTweetAsync(tweet, default);
        }
        catch (DuplicateValueException) when (requestId is not null)
        {
            // A retry, or its twin racing it: the unique (author, request id) let exactly one attempt insert.
            return ToContract(await FindRetriedAsync(author, requestId, text));
        }

        return ToContract(new TweetRecord(tweet.Id, text, author.Id, author.Username, author.FirstName, author.LastName, tweet.CreatedAt, null));
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

    private async Task<TweetRecord> FindRetriedAsync(UserRecord author, string requestId, string text)
    {
        // Absent when the first attempt's tweet was deleted since; a different text means the id was reused.
        var original = await store.FindTweetByClientRequestIdAsync(author.Id, requestId, default);
        return original is not null && original.Text == text ? original : throw Faults.Conflict("clientRequestId");
    }

    private static Exception TweetNotFound(Guid tweetId) => Faults.NotFound($"There is no tweet with id {tweetId}.");

    private static Tweet ToContract(TweetRecord tweet) => new()
    {
        Id = tweet.Id,
        Text = tweet.Text,
        Author = new TweetAuthor
        {
            Id = tweet.AuthorId,
            Username = tweet.AuthorUsername,
            DisplayName = $"{tweet.AuthorFirstName} {tweet.AuthorLastName}",
        },
        CreatedAt = tweet.CreatedAt,
        UpdatedAt = tweet.UpdatedAt,
    };
}
