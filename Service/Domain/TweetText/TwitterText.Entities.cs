namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>Everything the service keeps of a text: its weighted length and validity, and its entities.</summary>
public sealed record ParsedTweet(TweetLengthResult Length, List<EntitySpan> Entities);

public static partial class TwitterText
{
    /// <summary>Weighted length (of the NFC form, as twitter-text weighs it) and entities (of the text as given).</summary>
    public static ParsedTweet Parse(string text)
    {
        // Most texts are already in NFC: then the URLs weighed are the URLs extracted, found once.
        var normalized = Nfc(text);
        var urls = ExtractUrls(text);
        var length = ParseLength(text, normalized, ReferenceEquals(normalized, text) ? urls : ExtractUrls(normalized), WeightConfig.Version3);
        return new(length, ExtractEntities(text, urls));
    }

    /// <summary>
    /// Every entity of the text in order, as twitter-text's <c>extractEntitiesWithIndices</c> finds them: URLs, mentions
    /// and lists, hashtags and cashtags, and where two overlap the one that starts first (a URL before the others on a tie).
    /// </summary>
    public static List<EntitySpan> ExtractEntities(string text) => ExtractEntities(text, ExtractUrls(text));

    private static List<EntitySpan> ExtractEntities(string text, List<EntitySpan> urls)
    {
        List<EntitySpan> all = [.. urls, .. ExtractMentionsOrLists(text), .. ExtractHashtags(text, checkUrlOverlap: false), .. ExtractCashtags(text)];
        return all.Count == 0 ? all : WithoutOverlaps(all);
    }

    /// <summary>Sorts by start, keeping the given order on ties (JavaScript's sort is stable), and drops every entity that
    /// begins before the one kept last has ended.</summary>
    private static List<EntitySpan> WithoutOverlaps(List<EntitySpan> entities)
    {
        var sorted = entities.OrderBy(e => e.Start).ToList();
        var kept = new List<EntitySpan>(sorted.Count) { sorted[0] };
        for (var i = 1; i < sorted.Count; i++)
        {
            if (kept[^1].End <= sorted[i].Start)
            {
                kept.Add(sorted[i]);
            }
        }

        return kept;
    }
}
