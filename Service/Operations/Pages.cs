using System.Security.Cryptography;
using System.Text;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Operations;

/// <summary>
/// One page of a list, the Twitter way: <c>maxResults</c>, the opaque <c>pageToken</c> and, for tweets, the
/// <c>sinceId</c>/<c>untilId</c> bounds. Asks the store for one row more than the page to learn whether more follow.
/// </summary>
public static class Pages
{
    public static async Task<TweetPage> TweetsAsync(
        string listing, int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId, Func<IdRange, int, Task<IReadOnlyList<TweetRecord>>> list)
    {
        new Validation().PageSize(maxResults).ThrowIfInvalid();
        var last = Paging.ReadToken(pageToken, listing);
        var before = last is { } l && untilId is { } u ? (l < u ? l : u) : last ?? untilId;
        var size = maxResults ?? Paging.DefaultPageSize;
        var rows = await list(new IdRange(before, sinceId), size + 1);
        var (page, next) = Paging.Cut(rows, size, listing, t => t.Id);
        return new TweetPage { Tweets = [.. page.Select(Mapping.ToContract)], NextPageToken = next };
    }

    /// <summary>A page of a timeline: like <see cref="TweetsAsync"/>, on the entries' keys (a retweet's id for a retweet).</summary>
    public static async Task<TweetPage> TimelineAsync(
        string listing, int? maxResults, string? pageToken, Guid? sinceId, Guid? untilId, Func<IdRange, int, Task<IReadOnlyList<TimelineEntry>>> list)
    {
        new Validation().PageSize(maxResults).ThrowIfInvalid();
        var last = Paging.ReadToken(pageToken, listing);
        var before = last is { } l && untilId is { } u ? (l < u ? l : u) : last ?? untilId;
        var size = maxResults ?? Paging.DefaultPageSize;
        var rows = await list(new IdRange(before, sinceId), size + 1);
        var (page, next) = Paging.Cut(rows, size, listing, e => e.Key);
        return new TweetPage { Tweets = [.. page.Select(Mapping.ToContract)], NextPageToken = next };
    }

    public static async Task<TweetPage> KeyedTweetsAsync(
        string listing, int? maxResults, string? pageToken, Func<Guid?, int, Task<IReadOnlyList<Keyed<TweetRecord>>>> list)
    {
        var (page, next) = await KeyedAsync(listing, maxResults, pageToken, list);
        return new TweetPage { Tweets = [.. page.Select(Mapping.ToContract)], NextPageToken = next };
    }

    public static async Task<UserPage> KeyedUsersAsync(
        string listing, int? maxResults, string? pageToken, Func<Guid?, int, Task<IReadOnlyList<Keyed<UserRecord>>>> list)
    {
        var (page, next) = await KeyedAsync(listing, maxResults, pageToken, list);
        return new UserPage { Users = [.. page.Select(u => Mapping.ToContract(u, self: false))], NextPageToken = next };
    }

    /// <summary>A short fingerprint of a query, so a page token of one search cannot continue another.</summary>
    public static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));

    private static async Task<(IEnumerable<T> Page, string? Next)> KeyedAsync<T>(
        string listing, int? maxResults, string? pageToken, Func<Guid?, int, Task<IReadOnlyList<Keyed<T>>>> list)
    {
        new Validation().PageSize(maxResults).ThrowIfInvalid();
        var before = Paging.ReadToken(pageToken, listing);
        var size = maxResults ?? Paging.DefaultPageSize;
        var rows = await list(before, size + 1);
        var (page, next) = Paging.Cut(rows, size, listing, r => r.Key);
        return (page.Select(r => r.Value), next);
    }
}
