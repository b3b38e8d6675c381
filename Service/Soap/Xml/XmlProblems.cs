using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace TweetsSoap.Service.Soap.Xml;

/// <summary>
/// Says in the service's own words why a request is not XML the service reads. The reader's messages tell a .NET
/// developer which reader setting to change ("set the DtdProcessing property…") and quote the offending character
/// raw, which would put a control character into the fault and the log.
/// </summary>
public static partial class XmlProblems
{
    public static string Describe(XmlException exception, string document)
    {
        if (document.Contains("<!DOCTYPE", StringComparison.Ordinal))
        {
            return "The request has a DTD (<!DOCTYPE …>); this service never accepts one, so send the envelope without it.";
        }

        if (ForbiddenCharacter(document) is { } character)
        {
            return $"The request contains {character}, which XML 1.0 does not allow, not even as a character reference.";
        }

        // The text reader undercounts lines after a run of blank lines, and puts its count only into its message; the
        // framework's conforming reader finds the same first error at its true line (the failure path only pays this).
        if (FirstWellFormednessError(document) is { } error)
        {
            return $"The request is not well-formed XML (line {error.LineNumber}, position {error.LinePosition}).";
        }

        // Well-formed, so what the text reader refused was one of its quotas.
        return exception.Message.Contains("nametable", StringComparison.OrdinalIgnoreCase)
            ? $"The request's element, attribute and namespace names add up to more than the {SoapReaderQuotas.MaxNameTableChars} characters this service reads."
            : $"The request could not be read (line {exception.LineNumber}, position {exception.LinePosition}).";
    }

    private static XmlException? FirstWellFormednessError(string document)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(document), settings);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return e;
        }
    }

    /// <summary>The first character XML 1.0 forbids in text already decoded (a value whose references were resolved), described.</summary>
    public static string? ForbiddenCharacterIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return $"the character U+{(int)c:X4}";
            }
        }

        return null;
    }

    /// <summary>The first character XML 1.0 forbids, written out or as a reference such as <c>&amp;#0;</c>, described.</summary>
    private static string? ForbiddenCharacter(string document)
    {
        if (ForbiddenCharacterIn(document) is { } written)
        {
            return written;
        }

        foreach (Match reference in CharacterReference().Matches(document))
        {
            var hex = reference.Groups["hex"].Success;
            var digits = hex ? reference.Groups["hex"].Value : reference.Groups["dec"].Value;
            if (!int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || code > 0x10FFFF
                || code <= 0xFFFF && !XmlConvert.IsXmlChar((char)code))
            {
                return $"the character reference {reference.Value} (U+{Math.Min(code, 0x10FFFF):X4})";
            }
        }

        return null;
    }

    [GeneratedRegex("&#(?:x(?<hex>[0-9A-Fa-f]{1,8})|(?<dec>[0-9]{1,10}));", RegexOptions.CultureInvariant)]
    private static partial Regex CharacterReference();
}
