namespace TweetsSoap.Service.Domain.TweetText;

public static partial class TwitterText
{
    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const int MaxDomainLabelLength = 63;
    private const string DefaultScheme = "https://";

    /// <summary>URLs with and without a scheme, in order, as twitter-text's <c>extractUrlsWithIndices</c> finds them.</summary>
    public static List<EntitySpan> ExtractUrls(string text)
    {
        var urls = new List<EntitySpan>();
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            return urls;
        }

        foreach (var match in Scan.Urls(Patterns.Url(), text))
        {
            var url = match.Groups["url"];
            var protocol = match.Groups["protocol"];
            var domain = match.Groups["domain"].Value;
            if (!HasValidLength(url.Length, protocol.Success ? protocol.Length : DefaultScheme.Length, domain))
            {
                continue;
            }

            if (protocol.Success)
            {
                AddUrlWithScheme(urls, url.Value, url.Index);
            }
            else
            {
                AddUrlWithoutScheme(urls, match, domain);
            }
        }

        return urls;
    }

    /// <summary>A t.co link ends after its slug (and query); one with a slug over 40 characters is no link at all.</summary>
    private static void AddUrlWithScheme(List<EntitySpan> urls, string url, int start)
    {
        var tco = Patterns.TcoUrl().Match(url);
        if (tco.Success)
        {
            if (tco.Groups["slug"].Length > MaxTcoSlugLength)
            {
                return;
            }

            url = tco.Value;
        }

        urls.Add(new EntitySpan(EntityKind.Url, start, start + url.Length, url));
    }

    /// <summary>
    /// Without a scheme only the ASCII (and accented Latin) domains inside the candidate count, each a URL of its own;
    /// the last one takes the path (a port goes with the path; a query alone is dropped), and none may follow
    /// <c>-_./</c>.
    /// </summary>
    private static void AddUrlWithoutScheme(List<EntitySpan> urls, System.Text.RegularExpressions.Match match, string domain)
    {
        var before = match.Groups["before"].Value;
        if (before.Length > 0 && before[^1] is '-' or '_' or '.' or '/')
        {
            return;
        }

        var url = match.Groups["url"];
        var found = -1;
        var asciiEnd = 0;
        for (var ascii = Patterns.AsciiDomain().Match(domain); ascii.Success; ascii = ascii.NextMatch())
        {
            var asciiStart = domain.IndexOf(ascii.Value, asciiEnd, StringComparison.Ordinal);
            asciiEnd = asciiStart + ascii.Length;
            found = urls.Count;
            urls.Add(new EntitySpan(EntityKind.Url, url.Index + asciiStart, url.Index + asciiEnd, ascii.Value));
        }

        if (found >= 0 && match.Groups["path"].Success)
        {
            var last = urls[found];
            var value = ReplaceFirst(url.Value, domain, last.Value);
            urls[found] = last with { End = url.Index + url.Length, Value = value };
        }
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    /// <summary>
    /// twitter-text's IDNA check: a domain written in Punycode must contain a known ASCII domain, every label must come
    /// to 1 to 63 ASCII characters, and scheme plus URL at most 4096.
    /// </summary>
    private static bool HasValidLength(int urlLength, int schemeLength, string domain)
    {
        if (domain.StartsWith("xn--", StringComparison.Ordinal) && !Patterns.AsciiDomain().IsMatch(domain))
        {
            return false;
        }

        foreach (var label in domain.AsSpan().Split('.'))
        {
            var length = Punycode.AsciiLength(domain.AsSpan()[label]);
            if (length is < 1 or > MaxDomainLabelLength)
            {
                return false;
            }
        }

        return schemeLength + urlLength <= MaxUrlLength;
    }
}
