namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>A range of code units that weighs <see cref="Weight"/> instead of the default.</summary>
public readonly record struct WeightRange(int Start, int End, int Weight);

/// <summary>
/// twitter-text's length configurations. Weights are in hundredths (<see cref="Scale"/> 100): a character weighs
/// <see cref="DefaultWeight"/> unless its UTF-16 code unit falls in one of <see cref="Ranges"/>; a URL weighs
/// <see cref="TransformedUrlLength"/> whole units and, with <see cref="EmojiParsingEnabled"/>, an emoji sequence one
/// default weight.
/// </summary>
public sealed record WeightConfig(
    int MaxWeightedTweetLength,
    int Scale,
    int DefaultWeight,
    int TransformedUrlLength,
    bool EmojiParsingEnabled,
    WeightRange[] Ranges)
{
    private static readonly WeightRange[] LatinAndPunctuation =
    [
        new(0, 4351, 100),
        new(8192, 8205, 100),
        new(8208, 8223, 100),
        new(8242, 8247, 100),
    ];

    /// <summary>140 characters, each weighing 1.</summary>
    public static readonly WeightConfig Version1 = new(140, 1, 1, 23, false, []);

    /// <summary>280, most non-Latin characters weighing 2.</summary>
    public static readonly WeightConfig Version2 = new(280, 100, 200, 23, false, LatinAndPunctuation);

    /// <summary>Version 2 with every emoji sequence weighing 2: Twitter's rule since 2018 and twitter-text 3's default.</summary>
    public static readonly WeightConfig Version3 = new(280, 100, 200, 23, true, LatinAndPunctuation);

    public int WeightOf(char c)
    {
        foreach (var range in Ranges)
        {
            if (c >= range.Start && c <= range.End)
            {
                return range.Weight;
            }
        }

        return DefaultWeight;
    }
}
