using System.Text;

namespace TweetsSoap.Service.Domain.TweetText;

public static partial class TwitterText
{
    /// <summary>
    /// Weighted length and validity, as twitter-text's <c>parseTweet</c> computes them: on the NFC form of the text, a URL
    /// weighs the transformed URL length, an emoji sequence the default weight, any other character its range weight
    /// (an astral character is weighed by its second code unit, so it weighs the default). The text is valid when it is
    /// not empty, at most the limit, and has no U+FFFE, U+FEFF or U+FFFF outside URLs and emoji.
    /// </summary>
    public static TweetLengthResult ParseLength(string text, WeightConfig? config = null)
    {
        var normalized = Nfc(text);
        return ParseLength(text, normalized, ExtractUrls(normalized), config ?? WeightConfig.Version3);
    }

    /// <param name="text">The text as given.</param>
    /// <param name="normalized">Its NFC form.</param>
    /// <param name="urls">The URLs of the NFC form.</param>
    /// <param name="config">The weights.</param>
    private static TweetLengthResult ParseLength(string text, string normalized, List<EntitySpan> urls, WeightConfig config)
    {
        var emoji = config.EmojiParsingEnabled ? Scan.Emoji(normalized, 0) : System.Text.RegularExpressions.Match.Empty;
        var nextUrl = 0;
        var limit = (long)config.MaxWeightedTweetLength * config.Scale;
        long weight = 0;
        var valid = true;
        var validDisplayIndex = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            while (nextUrl < urls.Count && urls[nextUrl].Start < i)
            {
                nextUrl++;
            }

            while (emoji.Success && emoji.Index < i)
            {
                emoji = Scan.Emoji(normalized, emoji.Index + emoji.Length);
            }

            if (nextUrl < urls.Count && urls[nextUrl].Start == i)
            {
                weight += config.TransformedUrlLength * config.Scale;
                i += urls[nextUrl].Value.Length - 1;
            }
            else if (emoji.Success && emoji.Index == i)
            {
                weight += config.DefaultWeight;
                i += emoji.Length - 1;
            }
            else
            {
                if (i + 1 < normalized.Length && char.IsHighSurrogate(normalized[i]) && char.IsLowSurrogate(normalized[i + 1]))
                {
                    i++;
                }

                weight += config.WeightOf(normalized[i]);
            }

            valid = valid && normalized[i] is not ('\uFFFE' or '\uFEFF' or '\uFFFF');
            if (valid && weight <= limit)
            {
                validDisplayIndex = i;
            }
        }

        var length = (int)(weight / config.Scale);
        return new TweetLengthResult(
            WeightedLength: length,
            Valid: valid && length > 0 && length <= config.MaxWeightedTweetLength,
            Permillage: (int)Math.Floor((double)length / config.MaxWeightedTweetLength * 1000),
            ValidRangeStart: 0,
            ValidRangeEnd: validDisplayIndex + text.Length - normalized.Length,
            DisplayRangeStart: 0,
            DisplayRangeEnd: text.Length > 0 ? text.Length - 1 : 0);
    }

    /// <summary>
    /// NFC as JavaScript's <c>normalize()</c> does it. .NET refuses to normalize a string with an unpaired surrogate,
    /// U+FFFE or U+FFFF; JavaScript keeps them as characters that nothing composes or reorders with, so the pieces
    /// between them are normalized on their own.
    /// </summary>
    internal static string Nfc(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny('\uFFFE', '\uFFFF') < 0 && !HasUnpairedSurrogate(span))
        {
            return Normalized(text);
        }

        var result = new StringBuilder(text.Length);
        var pieceStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]) || text[i] is '\uFFFE' or '\uFFFF')
            {
                result.Append(Normalized(text[pieceStart..i])).Append(text[i]);
                pieceStart = i + 1;
            }
        }

        return result.Append(Normalized(text[pieceStart..])).ToString();
    }

    private static bool HasUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalized(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
