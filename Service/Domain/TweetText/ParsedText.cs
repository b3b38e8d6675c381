namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>
/// What a read shows of a tweet's text besides the text itself: its weighted length and its entities as the contract
/// has them (hashtags, mentions, URLs, cashtags; list references are not part of the contract). Parsed once, when the
/// tweet is written or edited, and stored beside the text.
/// </summary>
public sealed record ParsedText(int WeightedLength, IReadOnlyList<EntitySpan> Entities)
{
    public static ParsedText Of(string text)
    {
        var (length, entities) = TwitterText.Parse(text);
        entities.RemoveAll(e => e.Kind == EntityKind.List);
        return new ParsedText(length.WeightedLength, entities);
    }

    /// <summary>Equal when the weight and every entity (kind, span, value) are; records compare lists by reference.</summary>
    public bool Equals(ParsedText? other) =>
        other is not null && WeightedLength == other.WeightedLength && Entities.SequenceEqual(other.Entities);

    public override int GetHashCode() => HashCode.Combine(WeightedLength, Entities.Count);
}
