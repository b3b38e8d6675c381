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

        foreach (var match in Scan.Urls(text))
        {
            var domain = match.Domain;
            var schemeLength = match.SchemeLength > 0 ? match.SchemeLength : DefaultScheme.Length;
            if (!HasValidLength(match.End - match.Start, schemeLength, domain))
            {
                continue;
            }

            if (match.SchemeLength > 0)
            {
                AddUrlWithScheme(urls, match.Url, match.Start);
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
    private static void AddUrlWithoutScheme(List<EntitySpan> urls, UrlCandidate match, string domain)
    {
        if (match.Preceding is [.., '-' or '_' or '.' or '/'])
        {
            return;
        }

        var found = -1;
        var asciiEnd = 0;
        foreach (var (start, length) in Domains.AsciiDomains(domain))
        {
            var ascii = domain.Substring(start, length);
            var asciiStart = domain.IndexOf(ascii, asciiEnd, StringComparison.Ordinal);
            asciiEnd = asciiStart + ascii.Length;
            found = urls.Count;
            urls.Add(new EntitySpan(EntityKind.Url, match.Start + asciiStart, match.Start + asciiEnd, ascii));
        }

        if (found >= 0 && match.HasPath)
        {
            var last = urls[found];
            urls[found] = last with { End = match.End, Value = ReplaceFirst(match.Url, domain, last.Value) };
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
        if (domain.StartsWith("xn--", StringComparison.Ordinal) && !Domains.ContainsAsciiDomain(domain))
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
