using System.Globalization;
using System.Text;
using TweetsSoap.Service.Domain.TweetText;

namespace TweetsSoap.Service.Storage;

/// <summary>
/// The compact text form in which both backends store a tweet's entities beside its text (column <c>entities</c>):
/// one item per entity, comma-separated, each a kind letter (<c>h</c>ashtag, <c>m</c>ention, <c>u</c>rl,
/// <c>c</c>ashtag) and the UTF-16 span <c>start-end</c>, e.g. <c>h0-5,u14-37</c>. The value is what the span covers
/// (without the sign for a hashtag, mention or cashtag), so it is not stored, except where twitter-text reports
/// another one (a URL without a scheme whose domain follows other letters): then <c>=length:value</c> follows the span.
/// The empty string is a text without entities; NULL is a row written before the column existed.
/// </summary>
public static class StoredEntities
{
    public static string Encode(string text, IReadOnlyList<EntitySpan> entities)
    {
        if (entities.Count == 0)
        {
            return "";
        }

        var form = new StringBuilder(entities.Count * 8);
        foreach (var entity in entities)
        {
            if (form.Length > 0)
            {
                form.Append(',');
            }

            form.Append(Letter(entity.Kind)).Append(CultureInfo.InvariantCulture, $"{entity.Start}-{entity.End}");
            if (!CoveredValue(text, entity.Kind, entity.Start, entity.End).SequenceEqual(entity.Value))
            {
                form.Append(CultureInfo.InvariantCulture, $"={entity.Value.Length}:").Append(entity.Value);
            }
        }

        return form.ToString();
    }

    public static List<EntitySpan> Decode(string text, string stored)
    {
        var entities = new List<EntitySpan>();
        var at = 0;
        while (at < stored.Length)
        {
            var kind = Kind(stored[at++]);
            var start = Number(stored, ref at);
            Expect(stored, ref at, '-');
            var end = Number(stored, ref at);
            string value;
            if (at < stored.Length && stored[at] == '=')
            {
                at++;
                var length = Number(stored, ref at);
                Expect(stored, ref at, ':');
                value = stored.Substring(at, length);
                at += length;
            }
            else
            {
                value = CoveredValue(text, kind, start, end).ToString();
            }

            entities.Add(new EntitySpan(kind, start, end, value));
            if (at < stored.Length)
            {
                Expect(stored, ref at, ',');
            }
        }

        return entities;
    }

    /// <summary>The stored form as a row holds it; null (a row from before the columns) when either column is NULL.</summary>
    public static ParsedText? Read(string text, int? weightedLength, string? entities) =>
        weightedLength is { } weight && entities is not null ? new ParsedText(weight, Decode(text, entities)) : null;

    private static ReadOnlySpan<char> CoveredValue(string text, EntityKind kind, int start, int end) =>
        kind == EntityKind.Url ? text.AsSpan(start, end - start) : text.AsSpan(start + 1, end - start - 1);

    private static char Letter(EntityKind kind) => kind switch
    {
        EntityKind.Hashtag => 'h',
        EntityKind.Mention => 'm',
        EntityKind.Url => 'u',
        EntityKind.Cashtag => 'c',
        _ => throw new ArgumentException($"{kind} entities are not stored.", nameof(kind)),
    };

    private static EntityKind Kind(char letter) => letter switch
    {
        'h' => EntityKind.Hashtag,
        'm' => EntityKind.Mention,
        'u' => EntityKind.Url,
        'c' => EntityKind.Cashtag,
        _ => throw new FormatException($"'{letter}' is not a stored entity kind."),
    };

    private static int Number(string stored, ref int at)
    {
        var first = at;
        while (at < stored.Length && char.IsAsciiDigit(stored[at]))
        {
            at++;
        }

        return int.Parse(stored.AsSpan(first, at - first), CultureInfo.InvariantCulture);
    }

    private static void Expect(string stored, ref int at, char expected)
    {
        if (at >= stored.Length || stored[at] != expected)
        {
            throw new FormatException($"Stored entities '{stored}' lack '{expected}' at {at}.");
        }

        at++;
    }
}
