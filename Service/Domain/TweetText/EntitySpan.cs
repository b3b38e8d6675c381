namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>The kinds of entity twitter-text finds in a tweet.</summary>
public enum EntityKind : byte
{
    Url = 1,
    Hashtag = 2,
    Mention = 3,
    /// <summary>A reference to a list, <c>@owner/slug</c>: not a mention of the owner.</summary>
    List = 4,
    Cashtag = 5,
}

/// <summary>
/// One entity in a text. <see cref="Start"/> (inclusive) and <see cref="End"/> (exclusive) count UTF-16 code units, as
/// twitter-text's JavaScript indices do. <see cref="Value"/> is what twitter-text reports: the URL as found (which may
/// differ from the covered text for a URL without a scheme whose domain begins with other letters), the hashtag or
/// cashtag without its sign, the username without its at sign; <see cref="ListSlug"/> is the <c>/slug</c> of a list.
/// </summary>
public readonly record struct EntitySpan(EntityKind Kind, int Start, int End, string Value, string ListSlug = "");
