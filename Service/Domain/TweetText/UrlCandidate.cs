namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>
/// One match of twitter-text's URL pattern: the character before it (or the start of the text), an optional
/// <c>http://</c> or <c>https://</c>, a domain, then port, path and query. <see cref="Start"/> and <see cref="End"/>
/// delimit the URL itself, without the character before it.
/// </summary>
internal sealed record UrlCandidate(string Text, int Before, int Start, int SchemeLength, int DomainEnd, bool HasPath, int End)
{
    public string Url => Text[Start..End];

    public string Domain => Text[(Start + SchemeLength)..DomainEnd];

    /// <summary>The character before the URL; empty at the start of the text.</summary>
    public ReadOnlySpan<char> Preceding => Text.AsSpan(Before, Start - Before);

    /// <summary>
    /// The match that begins at <paramref name="at"/>, tried in the pattern's order: a preceding character before
    /// the start of the text, a scheme before none.
    /// </summary>
    public static UrlCandidate? TryMatch(string text, int at)
    {
        if (at < text.Length && Domains.IsUrlPrecedingChar(text[at]) && TryMatchAfter(text, at, at + 1) is { } afterCharacter)
        {
            return afterCharacter;
        }

        return at == 0 ? TryMatchAfter(text, 0, 0) : null;
    }

    private static UrlCandidate? TryMatchAfter(string text, int before, int start)
    {
        var scheme = SchemeAt(text.AsSpan(start));
        if (scheme > 0 && TryMatchDomain(text, before, start, scheme) is { } withScheme)
        {
            return withScheme;
        }

        return TryMatchDomain(text, before, start, 0);
    }

    private static UrlCandidate? TryMatchDomain(string text, int before, int start, int scheme)
    {
        var domainLength = Domains.MatchUrlDomain(text, start + scheme);
        if (domainLength == 0)
        {
            return null;
        }

        var domainEnd = start + scheme + domainLength;
        var rest = Patterns.UrlRest().Match(text, domainEnd);
        return new UrlCandidate(text, before, start, scheme, domainEnd, rest.Groups["path"].Success, domainEnd + rest.Length);
    }

    /// <summary><c>http://</c> or <c>https://</c> in any case.</summary>
    private static int SchemeAt(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var rest = text[4..];
        if (rest.StartsWith("s://", StringComparison.OrdinalIgnoreCase))
        {
            return 8;
        }

        return rest.StartsWith("://", StringComparison.Ordinal) ? 7 : 0;
    }
}
