using Microsoft.AspNetCore.Http.HttpResults;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Requests;

namespace TweetsSoap.Service.Rest;

/// <summary>Timelines, conversations, search and batch lookups over JSON, paged with the same tokens as over SOAP.</summary>
public static class ReadEndpoints
{
    /// <summary>The lists these routes read from the query by hand, since a bound parameter cannot take both list forms.</summary>
    public static readonly ListQuery Usernames = new("usernames", typeof(IUserService), nameof(IUserService.GetUsersByUsernames), "usernames");

    public static readonly ListQuery TweetIds = new("ids", typeof(ITweetService), nameof(ITweetService.GetTweets), "tweetIds");

    public static RouteGroupBuilder MapReads(this RouteGroupBuilder api)
    {
        api.MapGet("/users/{id:guid}/tweets", (Guid id, int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId, ITweetService tweets) =>
            tweets.GetUserTimeline(id, maxResults, pageToken, sinceId, untilId)).Runs<ITweetService>(nameof(ITweetService.GetUserTimeline));
        api.MapGet("/users/me/timeline", (int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId, ITweetService tweets) =>
            tweets.GetHomeTimeline(maxResults, pageToken, sinceId, untilId)).Runs<ITweetService>(nameof(ITweetService.GetHomeTimeline));
        api.MapGet("/conversations/{id:guid}", (Guid id, int? maxResults, string? pageToken, ITweetService tweets) =>
            tweets.GetConversation(id, maxResults, pageToken)).Runs<ITweetService>(nameof(ITweetService.GetConversation));
        api.MapGet("/tweets/search", (string? query, int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId, ITweetService tweets) =>
            tweets.SearchTweets(query!, maxResults, pageToken, sinceId, untilId)).Runs<ITweetService>(nameof(ITweetService.SearchTweets));
        api.MapGet("/users/by", (HttpRequest request, IUserService users) => users.GetUsersByUsernames(ListOf(request, Usernames.Name)))
            .Runs<IUserService>(nameof(IUserService.GetUsersByUsernames)).WithMetadata(Usernames);
        return api;
    }

    /// <summary>
    /// <c>GET /tweets</c> is both Twitter's batch lookup (<c>?ids=a,b</c>) and the list of tweets; the query decides
    /// which operation runs, and mixing the two is refused rather than half ignored.
    /// </summary>
    public static async Task<Results<Ok<TweetPage>, Ok<TweetLookup>>> ListOrLookup(
        HttpRequest request, Guid? authorId, int? maxResults, string? pageToken, ITweetService tweets)
    {
        if (!request.Query.ContainsKey(TweetIds.Name))
        {
            return TypedResults.Ok(await tweets.ListTweets(authorId, maxResults, pageToken));
        }

        RequestOutcome.Of(request.HttpContext)?.Operation = nameof(ITweetService.GetTweets);
        if (authorId is not null || maxResults is not null || pageToken is not null)
        {
            throw OperationException.MalformedRequest("ids looks tweets up by id; it cannot be combined with authorId, maxResults or pageToken.");
        }

        var ids = new List<Guid>();
        foreach (var value in ListOf(request, TweetIds.Name))
        {
            ids.Add(Guid.TryParse(value, out var id) ? id : throw OperationException.MalformedRequest($"ids must be comma-separated tweet ids; '{value}' is not one."));
        }

        return TypedResults.Ok(await tweets.GetTweets(ids));
    }

    /// <summary>Twitter's list form, <c>?name=a,b</c>, and the repeated form, <c>?name=a&amp;name=b</c>; no value at all is an empty list.</summary>
    private static List<string> ListOf(HttpRequest request, string name) =>
    [
        .. request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
    ];
}

/// <summary>A comma-separated or repeated query list that a route reads itself, and the contract parameter it fills.</summary>
public sealed record ListQuery(string Name, Type Contract, string Operation, string Parameter);
