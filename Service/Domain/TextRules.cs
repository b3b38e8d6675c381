using System.Globalization;
using System.Text;

namespace TweetsSoap.Service.Domain;

/// <summary>Counting and checking of user-entered text.</summary>
public static class TextRules
{
    /// <summary>
    /// User-perceived characters (extended grapheme clusters) after NFC normalization: "é" typed as e + combining
    /// accent counts once, and so does a family emoji made of several code points joined by ZWJ.
    /// </summary>
    public static int PerceivedLength(string text) =>
        new StringInfo(text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC)).LengthInTextElements;

    /// <summary>
    /// The rule for every text a request carries, on either face: no control characters but tab and line breaks
    /// (a NUL or an escape sequence has no business in a name, a query or a password, and ends up in logs and
    /// databases), and no unpaired surrogate.
    /// </summary>
    public static bool IsPlainText(string text) => HasOnlyPrintableControls(text) && IsWellFormedUtf16(text);

    /// <summary>True when the text has no Unicode control characters other than tab, line feed and carriage return.</summary>
    public static bool HasOnlyPrintableControls(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when every character is one XML 1.0 allows: tab, line feed, carriage return, U+0020–U+D7FF,
    /// U+E000–U+FFFD and paired surrogates.
    /// </summary>
    public static bool IsXmlText(string text) =>
        IsWellFormedUtf16(text) && !text.AsSpan().ContainsAny(NonXmlCharacters);

    private static readonly System.Buffers.SearchValues<char> NonXmlCharacters = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013" +
        "\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    /// <summary>True when every UTF-16 surrogate is part of a pair.</summary>
    public static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
