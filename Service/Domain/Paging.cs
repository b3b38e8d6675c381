using System.Buffers.Text;
using System.Text;

namespace TweetsSoap.Service.Domain;

/// <summary>
/// Keyset paging over time-ordered ids. A page token is the last id of the previous page, bound to the listing it
/// came from (so a token of one author's tweets cannot be replayed against another listing), in URL-safe base64.
/// Tokens are opaque to clients: their format may change within a contract version.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MinPageSize = 1;
    public const int MaxPageSize = 100;

    public static string CreateToken(string listing, Guid lastId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"1|{listing}|{lastId:N}"));

    /// <summary>The id to continue after; null for the first page; a fault for a token this listing did not issue.</summary>
    public static Guid? ReadToken(string? token, string listing)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
        }
        catch (FormatException)
        {
            parts = [];
        }

        if (parts is ["1", var issuedFor, var id] && issuedFor == listing && Guid.TryParseExact(id, "N", out var lastId))
        {
            return lastId;
        }

        new Validation().Add("pageToken", "is not a token issued for this listing; pass nextPageToken from the previous page unchanged").ThrowIfInvalid();
        return null;
    }

    /// <summary>Asks the store for one row more than the page holds, to know whether another page follows.</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Cut<T>(IReadOnlyList<T> rows, int pageSize, string listing, Func<T, Guid> id)
    {
        if (rows.Count <= pageSize)
        {
            return (rows, null);
        }

        var page = rows.Take(pageSize).ToList();
        return (page, CreateToken(listing, id(page[^1])));
    }
}
