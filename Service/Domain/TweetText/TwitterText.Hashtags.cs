namespace TweetsSoap.Service.Domain.TweetText;

public static partial class TwitterText
{
    /// <summary>
    /// Hashtags in order, as twitter-text's <c>extractHashtagsWithIndices</c> finds them; with
    /// <paramref name="checkUrlOverlap"/> a hashtag that overlaps a URL is dropped.
    /// </summary>
    public static List<EntitySpan> ExtractHashtags(string text, bool checkUrlOverlap = true)
    {
        var tags = new List<EntitySpan>();
        if (text.AsSpan().IndexOfAny('#', '＃') < 0)
        {
            return tags;
        }

        foreach (var match in Scan.BeforeSigns(Patterns.Hashtag(), text, "#＃", reach: 2))
        {
            var end = match.Index + match.Length;
            if (text.AsSpan(end) is ['#' or '＃', ..] || text.AsSpan(end).StartsWith("://", StringComparison.Ordinal))
            {
                continue;
            }

            var tag = match.Groups["tag"];
            tags.Add(new EntitySpan(EntityKind.Hashtag, tag.Index - 1, tag.Index + tag.Length, tag.Value));
        }

        if (checkUrlOverlap && tags.Count > 0)
        {
            var urls = ExtractUrls(text);
            if (urls.Count > 0)
            {
                tags = [.. WithoutOverlaps([.. tags, .. urls]).Where(e => e.Kind == EntityKind.Hashtag)];
            }
        }

        return tags;
    }

    /// <summary>True when the text is one hashtag and nothing else, sign included.</summary>
    public static bool IsValidHashtag(string? hashtag) =>
        !string.IsNullOrEmpty(hashtag) && ExtractHashtags(hashtag) is [var only] && only.Value == hashtag[1..];
}
