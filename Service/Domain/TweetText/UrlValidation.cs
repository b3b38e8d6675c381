using System.Text.RegularExpressions;
using static TweetsSoap.Service.Domain.TweetText.TwitterTextTables;

namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>twitter-text's RFC 3986 patterns for <see cref="TwitterText.IsValidUrl"/>, case-insensitive as there.</summary>
internal static partial class UrlValidation
{
    private const string NonAscii = @"[^\u0000-\u007F]";
    private const string PctEncoded = "(?:%[0-9a-fA-F]{2})";
    private const string SubDelims = "[!$&'()*+,;=]";
    private const string Pchar = "(?:" + UrlUnreserved + "|" + PctEncoded + "|" + SubDelims + "|[:|@])";
    private const string Userinfo = "(?:" + UrlUnreserved + "|" + PctEncoded + "|" + SubDelims + "|:)*";
    private const string DecOctet = "(?:[0-9]|(?:[1-9][0-9])|(?:1[0-9]{2})|(?:2[0-4][0-9])|(?:25[0-5]))";
    private const string Ip = @"(?:(?:" + DecOctet + @"(?:\." + DecOctet + @"){3})|(?:\[[a-fA-F0-9:\.]+\]))";
    private const string SubDomainSegment = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?)";
    private const string DomainSegment = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)";
    private const string DomainTld = "(?:[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)";
    private const string Domain = @"(?:(?:" + SubDomainSegment + @"\.)*(?:" + DomainSegment + @"\.)" + DomainTld + ")";
    private const string UnicodeSubDomainSegment =
        "(?:(?:[a-zA-Z0-9]|" + NonAscii + ")(?:(?:[a-zA-Z0-9_-]|" + NonAscii + ")*(?:[a-zA-Z0-9]|" + NonAscii + "))?)";
    private const string UnicodeDomainSegment =
        "(?:(?:[a-zA-Z0-9]|" + NonAscii + ")(?:(?:[a-zA-Z0-9-]|" + NonAscii + ")*(?:[a-zA-Z0-9]|" + NonAscii + "))?)";
    private const string UnicodeDomainTld =
        "(?:(?:[a-zA-Z]|" + NonAscii + ")(?:(?:[a-zA-Z0-9-]|" + NonAscii + ")*(?:[a-zA-Z0-9]|" + NonAscii + "))?)";
    private const string UnicodeDomain =
        @"(?:(?:" + UnicodeSubDomainSegment + @"\.)*(?:" + UnicodeDomainSegment + @"\.)" + UnicodeDomainTld + ")";

    /// <summary>Scheme, authority, path, query, fragment; JavaScript's <c>.</c> stops at line terminators.</summary>
    [GeneratedRegex(@"^(?:(?<scheme>[^:/?#]+)://)?(?<authority>[^/?#]*)(?<path>[^?#]*)(?:\?(?<query>[^#]*))?(?:#(?<fragment>[^\n\r\u2028\u2029]*))?\z", RegexOptions.ExplicitCapture)]
    public static partial Regex Parts();

    [GeneratedRegex("(?:[a-zA-Z][a-zA-Z0-9+.-]*)")]
    public static partial Regex Scheme();

    [GeneratedRegex(@"^[hH][tT][tT][pP][sS]?\z")]
    public static partial Regex HttpScheme();

    [GeneratedRegex("(?:/" + Pchar + "*)*")]
    public static partial Regex Path();

    [GeneratedRegex("(?:" + Pchar + "|/|\\?)*")]
    public static partial Regex QueryOrFragment();

    [GeneratedRegex("(?:(?:" + Userinfo + ")@)?(?:" + Ip + "|" + Domain + ")(?::(?:[0-9]{1,5}))?")]
    public static partial Regex Authority();

    [GeneratedRegex("(?:(?:" + Userinfo + ")@)?(?:" + Ip + "|" + UnicodeDomain + ")(?::(?:[0-9]{1,5}))?")]
    public static partial Regex UnicodeAuthority();
}
