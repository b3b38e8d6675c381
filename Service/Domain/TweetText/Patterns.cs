using System.Text.RegularExpressions;
using static TweetsSoap.Service.Domain.TweetText.TwitterTextTables;

namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>
/// The grammar of twitter-text 3.1.0 as .NET regular expressions. twitter-text runs JavaScript regular expressions
/// without the <c>u</c> flag, so they see UTF-16 code units, backtrack and pick the first alternative that works, as
/// .NET's engine does. Three things read differently in .NET and are avoided: <c>$</c> (written <c>\z</c>), <c>\s</c>,
/// <c>\d</c> and <c>.</c> (written as explicit sets), and case-insensitive matching, whose .NET tables pair more
/// characters than JavaScript's (the Kelvin sign with k, for one): every set is spelled out with the characters
/// JavaScript's <c>i</c> flag matches, as <see cref="TwitterTextTables"/> computed them.
/// The patterns that twitter-text runs over a whole text are anchored here with <c>\G</c> and tried only where a
/// match can begin (see <see cref="Scan"/>), which finds the same matches without trying every position.
/// </summary>
internal static partial class Patterns
{
    private const string SurrogatePair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";
    private const string CodePoint = @"(?:[^\uD800-\uDFFF]|" + SurrogatePair + ")";
    private const string HashtagAlpha = "(?:" + HashtagLetter + "|(?=" + SurrogatePair + ")(?:" + AstralLetter + "))";
    private const string HashtagAlphaNumeric =
        "(?:" + HashtagLetterOrDigit + "|(?=" + SurrogatePair + ")(?:" + AstralLetterOrDigit + "))";
    private const string HashtagBoundary = @"(?:^|\uFE0E|\uFE0F|\z|(?!" + HashtagAlphaNumeric + "|&)" + CodePoint + ")";

    /// <summary>Where a hashtag may follow, the hash sign, and the tag: letters, marks, digits, at least one letter.</summary>
    [GeneratedRegex(
        @"\G(?<before>" + HashtagBoundary + @")[#＃](?!\uFE0F|\u20E3)(?<tag>" + HashtagAlphaNumeric + "*" + HashtagAlpha + HashtagAlphaNumeric + "*)",
        RegexOptions.ExplicitCapture)]
    public static partial Regex Hashtag();

    private const string MentionPreceding = "(?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?)";
    private const string MentionOrList = "[@＠](?<name>[a-zA-Z0-9_]{1,20})(?<list>/[a-zA-Z][a-zA-Z0-9_-]{0,24})?";

    [GeneratedRegex(@"\G(?<before>" + MentionPreceding + ")" + MentionOrList, RegexOptions.ExplicitCapture)]
    public static partial Regex Mention();

    [GeneratedRegex(@"\A(?<before>" + MentionPreceding + ")" + MentionOrList + @"\z", RegexOptions.ExplicitCapture)]
    public static partial Regex WholeList();

    /// <summary>A name that runs on into another at sign, an accented Latin letter or a scheme separator is no mention.</summary>
    [GeneratedRegex(@"\G(?:[@＠]|" + LatinAccent + "|://)")]
    public static partial Regex MentionEnd();

    [GeneratedRegex(@"\A" + Space + "*[@＠](?<name>[a-zA-Z0-9_]{1,20})", RegexOptions.ExplicitCapture)]
    public static partial Regex Reply();

    [GeneratedRegex(
        @"\G(?<before>^|" + Space + @")\$(?<tag>[a-zA-Z]{1,6}(?:[._][a-zA-Z]{1,2})?)(?=\z|" + JsWhitespace + "|" + Punctuation + ")",
        RegexOptions.ExplicitCapture)]
    public static partial Regex Cashtag();

    [GeneratedRegex(Emoji)]
    public static partial Regex EmojiSequence();

    /// <summary>An emoji sequence right here: tried only where one can begin (<see cref="Scan.Emoji"/>).</summary>
    [GeneratedRegex(@"\G(?:" + Emoji + ")")]
    public static partial Regex EmojiSequenceAt();

    private const string UrlBalancedParens =
        @"\((?:" + UrlPathChar + "+|(?:" + UrlPathChar + @"*\(" + UrlPathChar + @"+\)" + UrlPathChar + @"*))\)";

    /// <summary>
    /// Path characters that end on an ending character, or a bracketed group alone, or <c>@name/</c>. (twitter-text
    /// splices its ending pattern, itself an alternation, in ungrouped: a group is a path ending only on its own.)
    /// </summary>
    private const string UrlPath =
        "(?:(?:" + UrlPathChar + "*(?:" + UrlBalancedParens + UrlPathChar + "*)*" + UrlPathEndingChar + "|" + UrlBalancedParens + ")|(?:@" + UrlPathChar + "+/))";
    private const string UrlQuery = @"\?" + UrlQueryChar + "*" + UrlQueryEndingChar;

    /// <summary>What follows a URL's domain: port, path and query, as far as twitter-text takes them.</summary>
    [GeneratedRegex(@"\G(?::[0-9]+)?(?<path>/" + UrlPath + "*)?(?:" + UrlQuery + ")?", RegexOptions.ExplicitCapture)]
    public static partial Regex UrlRest();

    /// <summary>A t.co link with its slug and, at most, a query: nothing of a path that follows belongs to it.</summary>
    [GeneratedRegex(@"\A[hH][tT][tT][pP][sS]?://[tT]\.[cC][oO]/(?<slug>[a-zA-Z0-9]+)(?:" + UrlQuery + ")?", RegexOptions.ExplicitCapture)]
    public static partial Regex TcoUrl();
}
