using System.Text.RegularExpressions;

namespace TweetsSoap.Service.Domain;

/// <summary>A span of a text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive, in UTF-16 units.</summary>
public readonly record struct TextSpan(int Start, int End, string Value);

/// <summary>
/// Finds URLs, #hashtags and @mentions in tweet text, after twitter-text's published rules, simplified: a URL has a
/// scheme (http/https), or starts with <c>www.</c>, or ends its host in a known top-level domain; a two-label host
/// under a country-code domain (<c>bit.ly</c>) is a URL only with a path, as in twitter-text. Hand-written because no
/// .NET port of twitter-text is served here.
/// </summary>
public static partial class TweetEntities
{
    private static readonly HashSet<string> GenericTlds = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "aero", "coop", "museum",
        "app", "dev", "blog", "shop", "online", "site", "tech", "xyz", "news", "club", "store", "cloud", "io",
    };

    private static readonly HashSet<string> CountryTlds = new(StringComparer.OrdinalIgnoreCase)
    {
        "ly", "co", "uk", "de", "fr", "jp", "me", "tv", "ca", "au", "us", "ru", "cn", "in", "br", "it", "es", "nl",
        "se", "no", "ch", "be", "at", "pl", "fi", "dk", "ie", "nz", "kr", "mx", "ar", "za", "ua", "pt", "gr", "cz",
        "hu", "ro", "tr", "il", "sg", "hk", "tw", "gl", "gd", "gg", "im", "is", "to", "fm", "ai", "cc", "ws", "eu",
    };

    /// <summary>URLs in order of appearance.</summary>
    public static IReadOnlyList<TextSpan> Urls(string text)
    {
        var urls = new List<TextSpan>();
        foreach (Match match in UrlCandidate().Matches(text))
        {
            var host = match.Groups["host"].Value;
            var tld = match.Groups["tld"].Value;
            var path = TrimPath(match.Groups["path"].Value);
            var hasScheme = match.Groups["scheme"].Success;
            var known = GenericTlds.Contains(tld) || CountryTlds.Contains(tld);
            var isUrl = hasScheme || host.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                ? tld.Length >= 2
                : known && !(CountryTlds.Contains(tld) && host.Count(c => c == '.') == 1 && path.Length == 0);
            if (isUrl)
            {
                var length = match.Groups["path"].Index - match.Index + path.Length;
                if (!match.Groups["path"].Success)
                {
                    length = match.Length;
                }

                urls.Add(new TextSpan(match.Index, match.Index + length, text.Substring(match.Index, length)));
            }
        }

        return urls;
    }

    /// <summary>Hashtags outside URLs, without the <c>#</c>; at least one letter, as on Twitter (<c>#1</c> is not one).</summary>
    public static IReadOnlyList<TextSpan> Hashtags(string text) => Hashtags(text, Urls(text));

    public static IReadOnlyList<TextSpan> Hashtags(string text, IReadOnlyList<TextSpan> urls) => Outside(urls, Hashtag().Matches(text), "tag");

    /// <summary>@mentions outside URLs, without the <c>@</c>: 1 to 15 letters, digits or underscores.</summary>
    public static IReadOnlyList<TextSpan> Mentions(string text) => Mentions(text, Urls(text));

    public static IReadOnlyList<TextSpan> Mentions(string text, IReadOnlyList<TextSpan> urls) => Outside(urls, Mention().Matches(text), "name");

    private static List<TextSpan> Outside(IReadOnlyList<TextSpan> urls, MatchCollection matches, string group) =>
    [
        .. matches
            .Where(m => !urls.Any(u => m.Index < u.End && u.Start < m.Index + m.Length))
            .Select(m => new TextSpan(m.Index, m.Index + m.Length, m.Groups[group].Value)),
    ];

    /// <summary>Trailing punctuation ends a sentence rather than the URL; a closing bracket stays when it is balanced.</summary>
    private static string TrimPath(string path)
    {
        while (path.Length > 0)
        {
            var last = path[^1];
            var unbalanced = last == ')' && path.Count(c => c == '(') < path.Count(c => c == ')');
            if (!(".,!?:;'\"".Contains(last, StringComparison.Ordinal) || unbalanced))
            {
                break;
            }

            path = path[..^1];
        }

        return path;
    }

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}@$#_.\-/＠＃])(?<scheme>https?://)?(?<host>(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+(?<tld>\p{L}{2,}))(?![\p{L}\p{N}\-@])(?::[0-9]{1,5})?(?<path>[/?#][^\s]*)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlCandidate();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_&])[#＃](?<tag>[\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"(?<![A-Za-z0-9_!#$%&*@＠])[@＠](?<name>[A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@＠])", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
