namespace TweetsSoap.Service.Domain.TweetText;

public static partial class TwitterText
{
    /// <summary>$cashtags, as twitter-text's <c>extractCashtagsWithIndices</c> finds them.</summary>
    public static List<EntitySpan> ExtractCashtags(string text)
    {
        var tags = new List<EntitySpan>();
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return tags;
        }

        foreach (var match in Scan.BeforeSigns(Patterns.Cashtag(), text, "$", reach: 1))
        {
            var tag = match.Groups["tag"];
            tags.Add(new EntitySpan(EntityKind.Cashtag, tag.Index - 1, tag.Index + tag.Length, tag.Value));
        }

        return tags;
    }
}
