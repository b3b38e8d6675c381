using System.Globalization;
using System.Text;

namespace TweetsSoap.Service.Storage.Postgres;

/// <summary>
/// Search terms as SQLite's FTS5 <c>unicode61 remove_diacritics 2 tokenchars '#@_'</c> tokenizer makes them, so both
/// backends find the same tweets: letters, digits, '#', '@' and '_' make up terms, everything else separates them;
/// terms are lowercased and lose their diacritics. PostgreSQL's own parsers would split "#soap" into "#" and "soap".
/// Terms are written as quoted lexemes, which <c>::tsvector</c> and <c>::tsquery</c> take verbatim.
/// </summary>
public static class PostgresSearch
{
    /// <summary>The text's terms with their positions, as <c>tsvector</c> input.</summary>
    public static string Vector(string text) =>
        string.Join(' ', Terms(text).Select((term, i) => $"'{term}':{Math.Min(i + 1, 16383)}"));

    /// <summary>The same terms with each term once, followed by all its positions (<c>'will':2,7</c>), as PostgreSQL
    /// itself prints a <c>tsvector</c>: what the seed's binary COPY parses on the client (PostgresSeedSink).</summary>
    public static string MergedVector(string text) =>
        string.Join(' ', Terms(text)
            .Select((term, i) => (Term: term, Position: Math.Min(i + 1, 16383)))
            .GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => $"'{g.Key}':{string.Join(',', g.Select(t => t.Position).Distinct())}"));

    /// <summary>
    /// Every word (or its hashtag), hashtag and mention as a phrase, all required, as <c>tsquery</c> input; null when
    /// the query has none (a <c>from:</c> search only).
    /// </summary>
    public static string? Query(SearchQuery query)
    {
        var phrases = query.Words.Select(w => $"({Phrase(w)} | {Phrase("#" + w)})")
            .Concat(query.Hashtags.Select(h => Phrase("#" + h)))
            .Concat(query.Mentions.Select(m => Phrase("@" + m)))
            .ToList();
        return phrases.Count == 0 ? null : string.Join(" & ", phrases);
    }

    private static string Phrase(string text)
    {
        var terms = Terms(text);
        // A term with nothing to match (FTS5 matches no row for an empty phrase either).
        return terms.Count == 0 ? "'\u0001'" : "(" + string.Join(" <-> ", terms.Select(t => $"'{t}'")) + ")";
    }

    private static List<string> Terms(string text)
    {
        var terms = new List<string>();
        var term = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse
                || rune.Value is '#' or '@' or '_')
            {
                term.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (term.Length > 0)
            {
                terms.Add(term.ToString());
                term.Clear();
            }
        }

        if (term.Length > 0)
        {
            terms.Add(term.ToString());
        }

        return terms;
    }
}
