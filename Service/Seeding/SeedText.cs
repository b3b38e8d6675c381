namespace TweetsSoap.Service.Seeding;

/// <summary>Tweet-like text from a small vocabulary, with the hashtags, mentions and links real tweets have.</summary>
public sealed class SeedText(Random random)
{
    private static readonly string[] Words =
    [
        .. """
        the a of to and in is it for on that this with was as at be by from we you they are have not but what all were
        when your can said there use an each which she do how their if will up other about out many then them these so
        some her would make like him into time has look two more write go see number no way could people my than first
        water been call who oil its now find long down day did get come made may part soap rest xml json api service
        client server request response envelope schema binding endpoint contract message header body fault security
        token user tweet timeline follow like retweet reply quote search index page cursor limit query coffee morning
        evening weekend music movie book game team match city train weather rain sun snow travel food lunch dinner
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
    ];

    private static readonly string[] Tags = ["soap", "rest", "dotnet", "sqlite", "api", "news", "music", "travel", "food", "sports"];

    public string Next(IReadOnlyList<string> usernames)
    {
        var parts = new List<string>();
        var count = random.Next(4, 18);
        for (var i = 0; i < count; i++)
        {
            parts.Add(Words[random.Next(Words.Length)]);
        }

        if (random.NextDouble() < 0.3)
        {
            parts.Add("#" + Tags[random.Next(Tags.Length)]);
        }

        if (random.NextDouble() < 0.15)
        {
            parts.Insert(0, "@" + usernames[random.Next(usernames.Count)]);
        }

        if (random.NextDouble() < 0.1)
        {
            parts.Add($"https://example.com/{random.Next(100_000)}");
        }

        return string.Join(' ', parts);
    }
}
