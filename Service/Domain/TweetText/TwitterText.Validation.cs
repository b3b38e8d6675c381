using System.Text.RegularExpressions;

namespace TweetsSoap.Service.Domain.TweetText;

public static partial class TwitterText
{
    /// <summary>twitter-text's <c>isValidTweetText</c>: not empty, within the limit, no U+FFFE, U+FEFF or U+FFFF anywhere.</summary>
    public static bool IsValidTweetText(string? text, WeightConfig? config = null)
    {
        config ??= WeightConfig.Version3;
        return !string.IsNullOrEmpty(text)
            && ParseLength(text, config).WeightedLength <= config.MaxWeightedTweetLength
            && text.AsSpan().IndexOfAny('\uFFFE', '\uFEFF', '\uFFFF') < 0;
    }

    /// <summary>
    /// twitter-text's <c>isValidUrl</c>: the URL splits into scheme, authority, path, query and fragment, and each part,
    /// as the first match of its RFC 3986 pattern, is the whole part.
    /// </summary>
    public static bool IsValidUrl(string? url, bool unicodeDomains = true, bool requireProtocol = true)
    {
        if (string.IsNullOrEmpty(url) || UrlValidation.Parts().Match(url) is not { Success: true } parts || parts.Value != url)
        {
            return false;
        }

        var scheme = parts.Groups["scheme"];
        var query = parts.Groups["query"];
        var fragment = parts.Groups["fragment"];
        var schemeOk = !requireProtocol
            || (scheme.Success && IsWhole(scheme.Value, UrlValidation.Scheme()) && UrlValidation.HttpScheme().IsMatch(scheme.Value));
        var partsOk = schemeOk
            && IsWhole(parts.Groups["path"].Value, UrlValidation.Path())
            && (!query.Success || query.Length == 0 || IsWhole(query.Value, UrlValidation.QueryOrFragment()))
            && (!fragment.Success || fragment.Length == 0 || IsWhole(fragment.Value, UrlValidation.QueryOrFragment()));
        return partsOk && IsWhole(parts.Groups["authority"].Value, unicodeDomains ? UrlValidation.UnicodeAuthority() : UrlValidation.Authority());
    }

    private static bool IsWhole(string value, Regex pattern) => pattern.Match(value) is { Success: true } match && match.Value == value;
}
