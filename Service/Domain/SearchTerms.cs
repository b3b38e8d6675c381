namespace TweetsSoap.Service.Domain;

/// <summary>
/// A search query split into its terms, the subset of Twitter's search syntax the service supports: words,
/// <c>#hashtag</c>, <c>@username</c> and <c>from:username</c>, all of which must match.
/// </summary>
public sealed record SearchTerms(IReadOnlyList<string> Words, IReadOnlyList<string> Hashtags, IReadOnlyList<string> Mentions, string? From)
{
    public const int MaxQueryLength = 512;

    /// <summary>The terms of <paramref name="query"/>, or a <c>ValidationFailed</c> fault naming <c>query</c>.</summary>
    public static SearchTerms Parse(string? query)
    {
        new Validation().RequiredText(query, MaxQueryLength, "query").ThrowIfInvalid();
        List<string> words = [], hashtags = [], mentions = [];
        string? from = null;
        var validation = new Validation();
        foreach (var term in query!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (term.StartsWith("from:", StringComparison.OrdinalIgnoreCase))
            {
                from = term[5..];
                validation.Username(from, "query");
            }
            else if (term.Length > 1 && term[0] is '#' && HasLetterOrDigit(term[1..]))
            {
                hashtags.Add(term[1..]);
            }
            else if (term.Length > 1 && term[0] is '@')
            {
                mentions.Add(term[1..]);
                validation.Username(term[1..], "query");
            }
            else if (HasLetterOrDigit(term))
            {
                words.Add(term);
            }
        }

        if (words.Count + hashtags.Count + mentions.Count == 0 && from is null)
        {
            validation.Add("query", "has no word, #hashtag, @username or from:username to search for");
        }

        validation.ThrowIfInvalid();
        return new SearchTerms(words, hashtags, mentions, from);
    }

    private static bool HasLetterOrDigit(string term) => term.Any(char.IsLetterOrDigit);
}
