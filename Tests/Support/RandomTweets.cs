using TweetsSoap.Contracts;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// Seeded random tweets for the writers that keep a tweet's serialized form: texts with markup characters, line
/// breaks, emoji and other scripts, optional members present and absent, retweet entries on request.
/// </summary>
internal static class RandomTweets
{
    private static readonly string[] Pieces = ["hello", " ", "#soap", "@ada", "https://example.org/a?b=1&c=2", "<tag>", "]]>", "&amp;",
        "\"quoted\"", "'", "\r\n", "\t", "👋", "日本語", "مرحبا", "e\u0301", "$TWTR", "  "];

    public static Tweet Tweet(Random random, bool retweet)
    {
        var text = Text(random);
        return new Tweet
        {
            Id = Id(random),
            Text = text,
            Author = Author(random),
            CreatedAt = Time(random),
            UpdatedAt = random.Next(3) == 0 ? Time(random) : null,
            WeightedLength = random.Next(0, 281),
            ConversationId = Id(random),
            InReplyToTweetId = random.Next(3) == 0 ? Id(random) : null,
            QuotedTweetId = random.Next(4) == 0 ? Id(random) : null,
            Metrics = new TweetMetrics
            {
                LikeCount = random.Next(0, 3) == 0 ? 0 : random.Next(),
                RetweetCount = random.Next(0, 1000),
                ReplyCount = random.Next(0, 10),
                QuoteCount = random.Next(0, 2),
            },
            Entities = new TweetEntities
            {
                Hashtags = Entities(random, text),
                Mentions = Entities(random, text),
                Urls = Entities(random, text),
                Cashtags = Entities(random, text),
            },
            Retweet = retweet ? new TimelineRetweet { RetweetedBy = Author(random), RetweetedAt = Time(random) } : null,
        };
    }

    private static TweetAuthor Author(Random random) =>
        new() { Id = Id(random), Username = Text(random), DisplayName = Text(random) };

    private static List<TextEntity> Entities(Random random, string text) =>
        [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => new TextEntity { Start = random.Next(0, text.Length + 1), End = random.Next(0, text.Length + 1), Value = Text(random) })];

    public static string Text(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private static Guid Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    // Whole milliseconds and odd ticks alike: the serializer writes as many fraction digits as the time has.
    private static DateTime Time(Random random)
    {
        var ticks = random.NextInt64(0, 100L * 365 * TimeSpan.TicksPerDay);
        return DateTime.UnixEpoch.AddTicks(random.Next(2) == 0 ? ticks - ticks % TimeSpan.TicksPerMillisecond : ticks);
    }
}
