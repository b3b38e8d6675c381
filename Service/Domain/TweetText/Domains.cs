using System.Buffers;
using System.Collections.Frozen;
using static TweetsSoap.Service.Domain.TweetText.TwitterTextTables;

namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>
/// twitter-text's domain patterns, matched by hand because a regular expression holding its 1,500 TLDs is slow to
/// build and to run in .NET. The search follows the backtracking order of the JavaScript pattern exactly: as many
/// labels as fit, then fewer, each time trying the TLDs in list order (the first that fits wins), then Punycode.
/// A label cannot contain a dot, so each label matches in one way only and the search is linear in the labels.
/// </summary>
internal static class Domains
{
    private static readonly SearchValues<char> NotDomain = SearchValues.Create(NotDomainChars);
    private static readonly SearchValues<char> NotUrlPreceding = SearchValues.Create(NotUrlPrecedingChars);
    private static readonly SearchValues<char> AsciiLabel = SearchValues.Create(AsciiDomainChars);
    private static readonly FrozenDictionary<char, char> Folding = ReadFolding();
    private static readonly TldTrie Generic = new(GenericTlds, Folding);
    private static readonly TldTrie Country = new(CountryTlds, Folding);

    public static bool IsDomainChar(char c) => !NotDomain.Contains(c);

    public static bool IsUrlPrecedingChar(char c) => !NotUrlPreceding.Contains(c);

    /// <summary>
    /// Length of the domain the URL pattern matches at <paramref name="start"/> (labels of domain characters, with
    /// <c>_</c> or <c>-</c> inside subdomains and <c>-</c> inside the last label before the TLD), or 0.
    /// </summary>
    public static int MatchUrlDomain(ReadOnlySpan<char> text, int start)
    {
        Span<int> labelEnds = stackalloc int[Math.Min(text.Length - start, 64) + 1];
        var count = 0;
        labelEnds[count++] = start;
        while (count < labelEnds.Length && LabelEnd(text, labelEnds[count - 1], allowUnderscore: true) is var end and > 0)
        {
            labelEnds[count++] = end;
        }

        if (count == labelEnds.Length)
        {
            return MatchUrlDomainSlowly(text, start);
        }

        for (var k = count - 1; k >= 0; k--)
        {
            var nameEnd = LabelEnd(text, labelEnds[k], allowUnderscore: false);
            if (nameEnd > 0 && TldLength(text, nameEnd) is var tld and > 0)
            {
                return nameEnd + tld - start;
            }
        }

        return 0;
    }

    private static int MatchUrlDomainSlowly(ReadOnlySpan<char> text, int start)
    {
        var labelEnds = new List<int> { start };
        while (LabelEnd(text, labelEnds[^1], allowUnderscore: true) is var end and > 0)
        {
            labelEnds.Add(end);
        }

        for (var k = labelEnds.Count - 1; k >= 0; k--)
        {
            var nameEnd = LabelEnd(text, labelEnds[k], allowUnderscore: false);
            if (nameEnd > 0 && TldLength(text, nameEnd) is var tld and > 0)
            {
                return nameEnd + tld - start;
            }
        }

        return 0;
    }

    /// <summary>A label (domain characters, hyphens and, if allowed, underscores, beginning and ending with a domain
    /// character) and its dot at <paramref name="at"/>: the index after the dot, or 0.</summary>
    private static int LabelEnd(ReadOnlySpan<char> text, int at, bool allowUnderscore)
    {
        if (at >= text.Length || !IsDomainChar(text[at]))
        {
            return 0;
        }

        var end = at + 1;
        while (end < text.Length && (IsDomainChar(text[end]) || text[end] == '-' || (allowUnderscore && text[end] == '_')))
        {
            end++;
        }

        return end < text.Length && text[end] == '.' && IsDomainChar(text[end - 1]) ? end + 1 : 0;
    }

    /// <summary>The ASCII domains inside a domain (labels of ASCII letters, digits, hyphens and accented Latin
    /// letters before a TLD), as twitter-text's global search finds them: start and length of each.</summary>
    public static List<(int Start, int Length)> AsciiDomains(ReadOnlySpan<char> domain)
    {
        var found = new List<(int, int)>();
        for (var start = 0; start < domain.Length; start++)
        {
            var length = MatchAsciiDomain(domain, start);
            if (length > 0)
            {
                found.Add((start, length));
                start += length - 1;
            }
        }

        return found;
    }

    public static bool ContainsAsciiDomain(ReadOnlySpan<char> domain)
    {
        for (var start = 0; start < domain.Length; start++)
        {
            if (MatchAsciiDomain(domain, start) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int MatchAsciiDomain(ReadOnlySpan<char> text, int start)
    {
        var labelEnds = new List<int>();
        var at = start;
        while (true)
        {
            var end = at;
            while (end < text.Length && AsciiLabel.Contains(text[end]))
            {
                end++;
            }

            if (end == at || end >= text.Length || text[end] != '.')
            {
                break;
            }

            at = end + 1;
            labelEnds.Add(at);
        }

        for (var k = labelEnds.Count - 1; k >= 0; k--)
        {
            if (TldLength(text, labelEnds[k]) is var tld and > 0)
            {
                return labelEnds[k] + tld - start;
            }
        }

        return 0;
    }

    /// <summary>A generic TLD, else a country TLD, else Punycode (<c>xn--</c> and as many letters, digits and hyphens as follow).</summary>
    private static int TldLength(ReadOnlySpan<char> text, int at)
    {
        var length = Generic.Match(text, at);
        if (length == 0)
        {
            length = Country.Match(text, at);
        }

        return length > 0 ? length : PunycodeLength(text, at);
    }

    private static int PunycodeLength(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (rest.Length < 5 || (rest[0] | 0x20) != 'x' || (rest[1] | 0x20) != 'n' || rest[2] != '-' || rest[3] != '-')
        {
            return 0;
        }

        var end = 4;
        while (end < rest.Length && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] == '-'))
        {
            end++;
        }

        return end > 4 ? end : 0;
    }

    private static FrozenDictionary<char, char> ReadFolding()
    {
        var folding = new Dictionary<char, char>();
        for (var i = 0; i < TldCaseFolding.Length; i += 2)
        {
            folding[TldCaseFolding[i]] = TldCaseFolding[i + 1];
        }

        return folding.ToFrozenDictionary();
    }

    /// <summary>
    /// TLDs by their case-folded characters. A match is the TLD earliest in the list among those the text spells at
    /// that point and that do not run on into an ASCII letter, digit or <c>@+-</c>: the one JavaScript's alternation picks.
    /// </summary>
    private sealed class TldTrie
    {
        private readonly Node _root = new();
        private readonly FrozenDictionary<char, char> _folding;

        public TldTrie(string[] tlds, FrozenDictionary<char, char> folding)
        {
            _folding = folding;
            for (var i = 0; i < tlds.Length; i++)
            {
                var node = _root;
                foreach (var c in tlds[i])
                {
                    var key = folding[c];
                    if (!node.Next.TryGetValue(key, out var next))
                    {
                        node.Next[key] = next = new Node();
                    }

                    node = next;
                }

                node.ListIndex = Math.Min(node.ListIndex, i);
            }
        }

        public int Match(ReadOnlySpan<char> text, int at)
        {
            var node = _root;
            var (bestIndex, bestLength) = (int.MaxValue, 0);
            for (var i = at; i < text.Length; i++)
            {
                if (!_folding.TryGetValue(text[i], out var key) || !node.Next.TryGetValue(key, out node))
                {
                    break;
                }

                if (node.ListIndex < bestIndex && EndsTld(text, i + 1))
                {
                    (bestIndex, bestLength) = (node.ListIndex, i + 1 - at);
                }
            }

            return bestLength;
        }

        private static bool EndsTld(ReadOnlySpan<char> text, int at) =>
            at == text.Length || !(char.IsAsciiLetterOrDigit(text[at]) || text[at] is '@' or '+' or '-');

        private sealed class Node
        {
            public Dictionary<char, Node> Next { get; } = [];

            public int ListIndex { get; set; } = int.MaxValue;
        }
    }
}
