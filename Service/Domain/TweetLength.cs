using System.Globalization;
using System.Text;

namespace TweetsSoap.Service.Domain;

/// <summary>
/// Twitter's weighted tweet length, configuration v3 of twitter-text, written from its published rules because no
/// .NET port is served here: after NFC normalization, code points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and
/// U+2032–U+2037 weigh 1, every other code point weighs 2, each URL weighs 23 whatever its length, and each emoji
/// sequence (ZWJ, skin tone, flag, keycap, tag and presentation sequences) weighs 2 as a whole.
/// </summary>
public static class TweetLength
{
    public const int Max = 280;
    public const int UrlWeight = 23;
    public const int EmojiWeight = 2;

    public static int Weighted(string text)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var urls = TweetEntities.Urls(normalized);
        var length = 0;
        var next = 0;
        for (var i = 0; i < normalized.Length;)
        {
            if (next < urls.Count && urls[next].Start == i)
            {
                length += UrlWeight;
                i = urls[next++].End;
                continue;
            }

            var end = i + StringInfo.GetNextTextElementLength(normalized, i);
            if (next < urls.Count && urls[next].Start < end)
            {
                end = urls[next].Start;
            }

            var cluster = normalized.AsSpan(i, end - i);
            length += IsEmoji(cluster) ? EmojiWeight : CodePointWeights(cluster);
            i = end;
        }

        return length;
    }

    /// <summary>U+FFFE, U+FEFF and U+FFFF make a text invalid whatever its length, as in twitter-text.</summary>
    public static bool HasInvalidCharacters(string text) => text.AsSpan().IndexOfAny('\uFFFE', '\uFEFF', '\uFFFF') >= 0;

    public static int CodePointWeight(int codePoint) => codePoint switch
    {
        <= 0x10FF or (>= 0x2000 and <= 0x200D) or (>= 0x2010 and <= 0x201F) or (>= 0x2032 and <= 0x2037) => 1,
        _ => 2,
    };

    private static int CodePointWeights(ReadOnlySpan<char> cluster)
    {
        var weight = 0;
        foreach (var rune in cluster.EnumerateRunes())
        {
            weight += CodePointWeight(rune.Value);
        }

        return weight;
    }

    /// <summary>
    /// A grapheme cluster is one emoji when it starts with a pictographic code point, is a flag (two regional
    /// indicators), a keycap (digit, # or * with U+20E3), or asks for emoji presentation with U+FE0F.
    /// </summary>
    private static bool IsEmoji(ReadOnlySpan<char> cluster)
    {
        Rune.DecodeFromUtf16(cluster, out var first, out var used);
        var rest = cluster[used..];
        if (IsPictographic(first.Value) || (IsRegionalIndicator(first.Value) && rest.Length > 0))
        {
            return true;
        }

        var isKeycapBase = first.Value is (>= '0' and <= '9') or '#' or '*';
        return (isKeycapBase && rest.Contains('\u20E3')) || (rest.Length > 0 && rest[0] == '\uFE0F');
    }

    private static bool IsRegionalIndicator(int codePoint) => codePoint is >= 0x1F1E6 and <= 0x1F1FF;

    /// <summary>
    /// The blocks where emoji live (Unicode's Extended_Pictographic, by block). Characters that are text by default,
    /// such as © and ™, are emoji here only when U+FE0F follows them.
    /// </summary>
    private static bool IsPictographic(int codePoint) => codePoint is
        (>= 0x1F000 and <= 0x1FAFF and not (>= 0x1F1E6 and <= 0x1F1FF))
        or (>= 0x2600 and <= 0x27BF)
        or 0x231A or 0x231B or 0x23F0 or 0x23F3 or (>= 0x23E9 and <= 0x23EC)
        or 0x25FD or 0x25FE or 0x2B1B or 0x2B1C or 0x2B50 or 0x2B55;
}
