using System.Globalization;
using System.Xml;

namespace TweetsSoap.Service.Domain;

/// <summary>
/// The contract's words for the types of request values, so that both faces refuse an unreadable value the same way
/// ("tweetId must be a UUID") instead of quoting the .NET type a parser wanted.
/// </summary>
public static class ValueTypes
{
    /// <summary>What a value of <paramref name="type"/> must be, e.g. "a UUID".</summary>
    public static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(Guid) => "a UUID",
            _ when t == typeof(int) || t == typeof(long) => "an integer",
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => "a date (2026-11-30) or date and time (2026-11-30T12:00:00Z)",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(string) => "text",
            _ when ItemType(t) is { } item => $"a list, each item {Expected(item)}",
            _ => "a value of the documented type",
        };
    }

    /// <summary>The items' type when <paramref name="type"/> is a list (but not a string), else null.</summary>
    public static Type? ItemType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>
    /// Whether <paramref name="text"/> is a lexical form of <paramref name="type"/> as XML Schema (and so the
    /// DataContractSerializer) reads it; types without a lexical check are always accepted here.
    /// </summary>
    public static bool IsXmlValue(string text, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(Guid) => Guid.TryParse(text.Trim(), out _),
            _ when t == typeof(int) => int.TryParse(text, XmlInteger, NumberFormatInfo.InvariantInfo, out _),
            _ when t == typeof(bool) => text.Trim() is "true" or "false" or "1" or "0",
            _ when t == typeof(DateTime) => IsXmlDateTime(text),
            _ => true,
        };
    }

    /// <summary>The number styles of an XML Schema integer as XmlConvert reads it (blanks around, a sign).</summary>
    public const NumberStyles XmlInteger = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    private static bool IsXmlDateTime(string text)
    {
        try
        {
            XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
