using System.Text;
using System.Xml;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Operations;
using TweetsSoap.Service.Soap.Pipeline;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Tests.Soap.Pipeline;

/// <summary>
/// The tweet writer against the operation's DataContractSerializer, the reference it replaces: seeded random tweets
/// and pages (texts with markup characters, line breaks, emoji and other scripts, optional members present and
/// absent, retweet entries, empty pages, page tokens) must come out byte for byte the same, on the first write and
/// on the second, which copies the kept XML.
/// </summary>
[TestClass]
public sealed class TweetXmlTests
{
    private const int Seed = 20261202;
    private static readonly string[] Pieces = ["hello", " ", "#soap", "@ada", "https://example.org/a?b=1&c=2", "<tag>", "]]>", "&amp;",
        "\"quoted\"", "'", "\r\n", "\t", "👋", "日本語", "مرحبا", "e\u0301", "$TWTR", "  "];

    private static readonly IReadOnlyDictionary<string, SoapOperation> TweetOperations = ByName(typeof(ITweetService));
    private static readonly IReadOnlyDictionary<string, SoapOperation> SocialOperations = ByName(typeof(ISocialService));

    [TestMethod]
    public void Pages_AreWrittenAsTheSerializerWritesThem()
    {
        var random = new Random(Seed);
        var pages = new[] { TweetOperations["ListTweets"], TweetOperations["GetHomeTimeline"], SocialOperations["ListLikedTweets"] };
        for (var i = 0; i < 300; i++)
        {
            var operation = pages[i % pages.Length];
            var page = new TweetPage
            {
                Tweets = [.. Enumerable.Range(0, random.Next(0, 21)).Select(_ => RandomTweet(random, retweet: operation.Name == "GetHomeTimeline" && random.Next(3) == 0))],
                NextPageToken = random.Next(2) == 0 ? null : RandomText(random),
            };
            AssertWrittenAsSerializer(operation, page);
        }
    }

    [TestMethod]
    public void Tweets_AreWrittenAsTheSerializerWritesThem()
    {
        var random = new Random(Seed + 1);
        var singles = new[] { TweetOperations["GetTweet"], TweetOperations["PostTweet"], SocialOperations["Retweet"] };
        for (var i = 0; i < 300; i++)
        {
            AssertWrittenAsSerializer(singles[i % singles.Length], RandomTweet(random, retweet: false));
        }
    }

    [TestMethod]
    public void OtherResults_AreLeftToTheSerializer()
    {
        var operation = TweetOperations["GetTweets"];
        Assert.IsFalse(TweetXml.TryWriteResult(XmlDictionaryWriter.CreateTextWriter(Stream.Null), operation, new TweetLookup()));
        Assert.IsFalse(TweetXml.TryWriteResult(XmlDictionaryWriter.CreateTextWriter(Stream.Null), TweetOperations["ListTweets"], new TweetPage { Tweets = [null!] }));
    }

    [TestMethod]
    public void Mapping_SharesOneContractPerRecord_AndNeverChangesIt()
    {
        var record = new TweetRecord(Guid.CreateVersion7(), "first #one", Guid.CreateVersion7(), "ada", "Ada", "King", DateTime.UtcNow, null) { ConversationId = Guid.CreateVersion7() };
        var contract = Mapping.ToContract(record);
        Assert.AreSame(contract, Mapping.ToContract(record));

        var liked = record with { LikeCount = 1 };
        var likedContract = Mapping.ToContract(liked);
        Assert.AreNotSame(contract, likedContract);
        Assert.AreEqual(1, likedContract.Metrics.LikeCount);
        Assert.AreEqual(0, contract.Metrics.LikeCount);

        var retweet = new RetweetRecord(Guid.CreateVersion7(), "grace", "Grace", "Hopper", DateTime.UtcNow);
        var entry = Mapping.ToContract(new TimelineEntry(Guid.CreateVersion7(), liked, retweet));
        Assert.AreNotSame(likedContract, entry);
        Assert.AreEqual("grace", entry.Retweet!.RetweetedBy.Username);
        Assert.IsNull(Mapping.ToContract(liked).Retweet, "the shared contract took the timeline entry's retweet");
    }

    private static void AssertWrittenAsSerializer(SoapOperation operation, object result)
    {
        var expected = Answer(operation, writer => operation.Result!.WriteObject(writer, result));
        for (var time = 1; time <= 2; time++)
        {
            var actual = Answer(operation, writer => Assert.IsTrue(TweetXml.TryWriteResult(writer, operation, result)));
            Assert.AreEqual(expected, actual, $"{operation.Name}, write {time}");
        }
    }

    /// <summary>A SOAP 1.1 answer as the response writer frames it.</summary>
    private static string Answer(SoapOperation operation, Action<XmlDictionaryWriter> writeResult)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlDictionaryWriter.CreateTextWriter(stream, new UTF8Encoding(false), ownsStream: false))
        {
            const string Soap = "http://schemas.xmlsoap.org/soap/envelope/";
            writer.WriteStartElement("s", "Envelope", Soap);
            writer.WriteXmlnsAttribute("s", Soap);
            writer.WriteXmlnsAttribute("xsd", "http://www.w3.org/2001/XMLSchema");
            writer.WriteXmlnsAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            writer.WriteStartElement("s", "Body", Soap);
            writer.WriteStartElement(operation.ResponseName, operation.Namespace);
            writeResult(writer);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Tweet RandomTweet(Random random, bool retweet)
    {
        var text = RandomText(random);
        return new Tweet
        {
            Id = RandomGuid(random),
            Text = text,
            Author = RandomAuthor(random),
            CreatedAt = RandomTime(random),
            UpdatedAt = random.Next(3) == 0 ? RandomTime(random) : null,
            WeightedLength = random.Next(0, 281),
            ConversationId = RandomGuid(random),
            InReplyToTweetId = random.Next(3) == 0 ? RandomGuid(random) : null,
            QuotedTweetId = random.Next(4) == 0 ? RandomGuid(random) : null,
            Metrics = new TweetMetrics
            {
                LikeCount = random.Next(0, 3) == 0 ? 0 : random.Next(),
                RetweetCount = random.Next(0, 1000),
                ReplyCount = random.Next(0, 10),
                QuoteCount = random.Next(0, 2),
            },
            Entities = new TweetEntities
            {
                Hashtags = RandomEntities(random, text),
                Mentions = RandomEntities(random, text),
                Urls = RandomEntities(random, text),
                Cashtags = RandomEntities(random, text),
            },
            Retweet = retweet ? new TimelineRetweet { RetweetedBy = RandomAuthor(random), RetweetedAt = RandomTime(random) } : null,
        };
    }

    private static TweetAuthor RandomAuthor(Random random) =>
        new() { Id = RandomGuid(random), Username = RandomText(random), DisplayName = RandomText(random) };

    private static List<TextEntity> RandomEntities(Random random, string text) =>
        [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => new TextEntity { Start = random.Next(0, text.Length + 1), End = random.Next(0, text.Length + 1), Value = RandomText(random) })];

    private static string RandomText(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    // Whole milliseconds and odd ticks alike: the serializer writes as many fraction digits as the time has.
    private static DateTime RandomTime(Random random)
    {
        var ticks = random.NextInt64(0, 100L * 365 * TimeSpan.TicksPerDay);
        return DateTime.UnixEpoch.AddTicks(random.Next(2) == 0 ? ticks - ticks % TimeSpan.TicksPerMillisecond : ticks);
    }

    private static Dictionary<string, SoapOperation> ByName(Type contract) =>
        SoapOperation.ForContract(contract).Values.ToDictionary(o => o.Name);
}
