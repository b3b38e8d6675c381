using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Operations;

/// <summary>Reading many tweets at once: batches, timelines, conversations and search.</summary>
public sealed partial class TweetService
{
    public async Task<TweetLookup> GetTweets(List<Guid> tweetIds)
    {
        new Validation().Batch(tweetIds, "tweetIds").ThrowIfInvalid();
        var wanted = tweetIds.Distinct().ToList();
        var found = (await store.GetTweetsAsync(wanted, cancellation.Token)).ToDictionary(t => t.Id);
        var lookup = new TweetLookup();
        foreach (var id in wanted)
        {
            if (found.TryGetValue(id, out var tweet))
            {
                lookup.Tweets.Add(ToContract(tweet));
            }
            else
            {
                lookup.Problems.Add(new LookupProblem { Value = id.ToString(), Code = ErrorCode.NotFound, Message = $"There is no tweet with id {id}." });
            }
        }

        return lookup;
    }

    public async Task<TweetPage> GetUserTimeline(Guid userId, int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId)
    {
        new Validation().Required(userId, "userId").ThrowIfInvalid();
        _ = await store.GetUserAsync(userId, cancellation.Token) ?? throw OperationException.NotFound($"There is no user with id {userId}.");
        return await Pages.TimelineAsync($"user:{userId:N}", maxResults, pageToken, sinceId, untilId,
            (range, limit) => store.ListUserTimelineAsync(userId, range, limit, cancellation.Token));
    }

    public async Task<TweetPage> GetHomeTimeline(int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId)
    {
        var caller = await authenticator.RequireUserAsync(cancellation.Token);
        return await Pages.TimelineAsync($"home:{caller.Id:N}", maxResults, pageToken, sinceId, untilId,
            (range, limit) => store.ListHomeTimelineAsync(caller.Id, range, limit, cancellation.Token));
    }

    public async Task<TweetPage> GetConversation(Guid conversationId, int? maxResults, string? pageToken)
    {
        new Validation().Required(conversationId, "conversationId").ThrowIfInvalid();
        return await Pages.TweetsAsync($"conversation:{conversationId:N}", maxResults, pageToken, null, null,
            (range, limit) => store.ListConversationAsync(conversationId, range, limit, cancellation.Token));
    }

    public async Task<TweetPage> SearchTweets(string query, int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId)
    {
        var terms = SearchTerms.Parse(query);
        Guid? authorId = null;
        if (terms.From is { } from)
        {
            var author = await store.FindUserByUsernameAsync(from, cancellation.Token);
            if (author is null)
            {
                new Validation().PageSize(maxResults).ThrowIfInvalid();
                return new TweetPage();
            }

            authorId = author.Id;
        }

        var search = new SearchQuery(terms.Words, terms.Hashtags, terms.Mentions, authorId);
        return await Pages.TweetsAsync($"search:{Pages.Fingerprint(query.Trim())}", maxResults, pageToken, sinceId, untilId,
            (range, limit) => store.SearchTweetsAsync(search, range, limit, cancellation.Token));
    }
}
