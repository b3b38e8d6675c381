using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Domain.TwitterText;

namespace TweetsSoap.Tests.Storage;

/// <summary>The stored form of a tweet's entities gives back exactly what a fresh parse finds, over every corpus we have.</summary>
[TestClass]
public sealed class StoredEntitiesTests
{
    /// <summary>The differential test's seed and count: the same 12,000 generated texts.</summary>
    private static readonly List<string> Generated = [.. new TextGenerator(20261202).Texts(12_000)];

    [TestMethod]
    public void Decode_OfEncode_EqualsAFreshParse_ForEveryGeneratedAndConformanceText()
    {
        var conformance = new[] { "extract", "validate" }
            .SelectMany(file => ConformanceCases.Of(file, [.. ConformanceCases.SectionsOf(file)]))
            .Select(row => ((ConformanceCase)row[0]).Text);
        var texts = Generated.Concat(conformance).ToList();

        var differing = texts.Where(text =>
        {
            var parsed = ParsedText.Of(text);
            return !StoredEntities.Decode(text, StoredEntities.Encode(text, parsed.Entities)).SequenceEqual(parsed.Entities);
        }).ToList();

        Assert.IsGreaterThan(12_000, texts.Count);
        Assert.IsEmpty(differing, $"{differing.Count} texts come back different, e.g. {differing.FirstOrDefault()}");
    }

    [TestMethod]
    public void Encode_StoresAValueOnlyWhereItIsNotTheCoveredText()
    {
        var withValues = Generated.Select(text => StoredEntities.Encode(text, ParsedText.Of(text).Entities)).Count(form => form.Contains('=', StringComparison.Ordinal));

        Assert.AreEqual("h0-5,m6-11,u12-37,c38-43", StoredEntities.Encode("#soap @ada1 https://example.com/a?b=c $MSFT", ParsedText.Of("#soap @ada1 https://example.com/a?b=c $MSFT").Entities));
        Assert.IsGreaterThan(0, withValues, "the generated texts have URLs whose reported value is not the covered text");
    }

    [TestMethod]
    public void Encode_OfATextWithoutEntities_IsEmptyAndDecodesToNone()
    {
        Assert.AreEqual("", StoredEntities.Encode("plain words", ParsedText.Of("plain words").Entities));
        Assert.IsEmpty(StoredEntities.Decode("plain words", ""));
        Assert.IsNull(StoredEntities.Read("plain words", null, ""));
        Assert.IsNull(StoredEntities.Read("plain words", 11, null));
    }

    [TestMethod]
    [DataRow("x1-2")]
    [DataRow("h0")]
    [DataRow("h0-5;m6-11")]
    public void Decode_OfAMalformedForm_ThrowsFormatException(string stored) =>
        Assert.ThrowsExactly<FormatException>(() => StoredEntities.Decode("#soap @ada1", stored));
}
