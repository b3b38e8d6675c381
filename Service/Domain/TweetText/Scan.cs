using System.Buffers;
using System.Text.RegularExpressions;

namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>
/// A global JavaScript regular expression tries every position from where its last match ended. Most positions
/// cannot start a match (a hashtag needs a hash sign at most two code units on), so the <c>\G</c>-anchored patterns
/// of <see cref="Patterns"/> are tried only at positions that can: in order, from the end of the last match, which
/// finds exactly the matches the global scan finds.
/// </summary>
internal static class Scan
{
    /// <summary>Matches whose sign (one of <paramref name="signs"/>) lies 0 to <paramref name="reach"/> code units after their start.</summary>
    public static List<Match> BeforeSigns(Regex anchored, string text, ReadOnlySpan<char> signs, int reach)
    {
        var matches = new List<Match>();
        var next = 0;
        var span = text.AsSpan();
        for (var sign = span.IndexOfAny(signs); sign >= 0;)
        {
            for (var start = Math.Max(next, sign - reach); start <= sign; start++)
            {
                var match = anchored.Match(text, start);
                if (match.Success)
                {
                    matches.Add(match);
                    next = match.Index + match.Length;
                    break;
                }
            }

            next = Math.Max(next, sign + 1);
            var found = span[next..].IndexOfAny(signs);
            sign = found < 0 ? -1 : next + found;
        }

        return matches;
    }

    /// <summary>
    /// URL candidates. A URL's domain is a run of domain characters and <c>.-_</c> with a dot in it, and the match
    /// starts at most nine code units before the run (the character before the URL and <c>https://</c>), so only
    /// those stretches are tried.
    /// </summary>
    public static List<UrlCandidate> Urls(string text)
    {
        var matches = new List<UrlCandidate>();
        var next = 0;
        var span = text.AsSpan();
        for (var dot = span.IndexOf('.'); dot >= 0;)
        {
            var runStart = dot;
            while (runStart > 0 && IsDomainRunChar(text[runStart - 1]))
            {
                runStart--;
            }

            var runEnd = dot + 1;
            while (runEnd < text.Length && IsDomainRunChar(text[runEnd]))
            {
                runEnd++;
            }

            for (var start = Math.Max(next, runStart - 9); start < runEnd; start++)
            {
                if (UrlCandidate.TryMatch(text, start) is { } match)
                {
                    matches.Add(match);
                    next = match.End;
                    start = next - 1;
                }
            }

            next = Math.Max(next, runEnd);
            var found = next < text.Length ? span[next..].IndexOf('.') : -1;
            dot = found < 0 ? -1 : next + found;
        }

        return matches;
    }

    /// <summary>
    /// The first emoji sequence at or after <paramref name="from"/>, as the global emoji pattern finds it. Every
    /// alternative of the pattern begins with one of <see cref="EmojiStarts"/>, a keycap's digit, <c>#</c> or <c>*</c>
    /// only (and a keycap needs U+20E3), so other positions are skipped without running the pattern.
    /// </summary>
    public static Match Emoji(string text, int from)
    {
        var starts = text.Contains('\u20E3', StringComparison.Ordinal) ? EmojiOrKeycapStarts : EmojiStarts;
        for (var at = from; at < text.Length; at++)
        {
            var skip = text.AsSpan(at).IndexOfAny(starts);
            if (skip < 0)
            {
                break;
            }

            at += skip;
            var match = Patterns.EmojiSequenceAt().Match(text, at);
            if (match.Success)
            {
                return match;
            }
        }

        return Match.Empty;
    }

    private const string EmojiStartChars = "\u00A9\u00AE\uE50A\uFE0F\uD83C\uD83D\uD83E";

    private static readonly SearchValues<char> EmojiStarts = SearchValues.Create(EmojiStartChars + BmpSymbols());

    private static readonly SearchValues<char> EmojiOrKeycapStarts = SearchValues.Create(EmojiStartChars + BmpSymbols() + "#*0123456789");

    /// <summary>U+203C to U+3299, where the pattern's other BMP emoji lie.</summary>
    private static string BmpSymbols() => string.Create(0x3299 - 0x203C + 1, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)(0x203C + i);
        }
    });

    private static bool IsDomainRunChar(char c) => c is '.' or '-' or '_' || Domains.IsDomainChar(c);
}
