using System.Text;
using System.Xml;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Operations;
using TweetsSoap.Service.Soap.Pipeline;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Soap.Pipeline;

/// <summary>
/// The tweet writer against the operation's DataContractSerializer, the reference it replaces: seeded random tweets
/// and pages (<see cref="RandomTweets"/>, empty pages, page tokens) must come out byte for byte the same, on the
/// first write and on the second, which copies the kept XML.
/// </summary>
[TestClass]
public sealed class TweetXmlTests
{
    private const int Seed = 20261202;
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
                Tweets = [.. Enumerable.Range(0, random.Next(0, 21)).Select(_ => RandomTweets.Tweet(random, retweet: operation.Name == "GetHomeTimeline" && random.Next(3) == 0))],
                NextPageToken = random.Next(2) == 0 ? null : RandomTweets.Text(random),
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
            AssertWrittenAsSerializer(singles[i % singles.Length], RandomTweets.Tweet(random, retweet: false));
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

    [TestMethod]
    public void TweetsSharingAnId_AreEachWrittenAsThemselves_FromManyThreads()
    {
        // Two versions of one tweet (as an edit or a like makes them) share the id, so they share a slot of the kept
        // XML: written in turns from several threads, each must come out as itself, never as the other.
        var operation = TweetOperations["GetTweet"];
        var random = new Random(Seed + 2);
        var versions = Enumerable.Range(0, 4).Select(_ => RandomTweets.Tweet(random, retweet: false)).ToArray();
        foreach (var version in versions)
        {
            version.Id = versions[0].Id;
        }

        var expected = versions.Select(v => Answer(operation, writer => operation.Result!.WriteObject(writer, v))).ToArray();
        Parallel.For(0, 4 * 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = (i * 7 + i / 5) % versions.Length;
            Assert.AreEqual(expected[k], Answer(operation, writer => Assert.IsTrue(TweetXml.TryWriteResult(writer, operation, versions[k]))));
        });
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

    private static Dictionary<string, SoapOperation> ByName(Type contract) =>
        SoapOperation.ForContract(contract).Values.ToDictionary(o => o.Name);
}
