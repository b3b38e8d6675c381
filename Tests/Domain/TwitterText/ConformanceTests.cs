using TweetsSoap.Service.Domain.TweetText;
using static TweetsSoap.Tests.Domain.TwitterText.ConformanceCases;
using Twitter = TweetsSoap.Service.Domain.TweetText.TwitterText;

namespace TweetsSoap.Tests.Domain.TwitterText;

/// <summary>
/// Every case of twitter-text's own conformance suite (v3.1.0) for the parts we implement, compared the way its
/// JavaScript conformance runner compares them: the whole answer, indices in UTF-16 code units.
/// </summary>
[TestClass]
public sealed class ConformanceTests
{
    public static IEnumerable<object[]> LengthCases =>
        Of("validate", "WeightedTweetsCounterTest", "WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest");

    public static IEnumerable<object[]> ValidityCases => Of("validate", "tweets", "usernames", "lists", "hashtags", "urls", "urls_without_protocol");

    public static IEnumerable<object[]> ExtractCases => Of("extract", [.. SectionsOf("extract")]);

    public static IEnumerable<object[]> TldCases => Of("tlds", "country", "generic");

    [TestMethod]
    [DynamicData(nameof(LengthCases))]
    public void ParseLength_MatchesConformance(ConformanceCase test)
    {
        var config = test.Section switch
        {
            "WeightedTweetsCounterTest" => WeightConfig.Version2,
            _ => WeightConfig.Version3,
        };
        var result = Twitter.ParseLength(test.Text, config);

        AssertSame(test, new Dictionary<string, object?>
        {
            ["weightedLength"] = result.WeightedLength,
            ["valid"] = result.Valid,
            ["permillage"] = result.Permillage,
            ["validRangeStart"] = result.ValidRangeStart,
            ["validRangeEnd"] = result.ValidRangeEnd,
            ["displayRangeStart"] = result.DisplayRangeStart,
            ["displayRangeEnd"] = result.DisplayRangeEnd,
        });
    }

    [TestMethod]
    [DynamicData(nameof(ValidityCases))]
    public void IsValid_MatchesConformance(ConformanceCase test)
    {
        var valid = test.Section switch
        {
            "tweets" => Twitter.IsValidTweetText(test.Text, WeightConfig.Version1),
            "usernames" => Twitter.IsValidUsername(test.Text),
            "lists" => Twitter.IsValidList(test.Text),
            "hashtags" => Twitter.IsValidHashtag(test.Text),
            "urls" => Twitter.IsValidUrl(test.Text),
            "urls_without_protocol" => Twitter.IsValidUrl(test.Text, unicodeDomains: true, requireProtocol: false),
            _ => throw new AssertFailedException($"No check for {test.Section}"),
        };

        AssertSame(test, valid);
    }

    [TestMethod]
    [DynamicData(nameof(ExtractCases))]
    public void Extract_MatchesConformance(ConformanceCase test)
    {
        object? actual = test.Section switch
        {
            "mentions" => Values(Twitter.ExtractMentions(test.Text)),
            "mentions_with_indices" => Twitter.ExtractMentions(test.Text).Select(m => WithIndices(m, "screen_name")).ToList(),
            "mentions_or_lists_with_indices" => Twitter.ExtractMentionsOrLists(test.Text)
                .Select(m => new Dictionary<string, object?>(WithIndices(m, "screen_name")) { ["list_slug"] = m.ListSlug }).ToList(),
            "replies" => Twitter.ExtractReply(test.Text),
            "urls" or "tco_urls_with_params" => Values(Twitter.ExtractUrls(test.Text)),
            "urls_with_indices" or "urls_with_directional_markers" => Twitter.ExtractUrls(test.Text).Select(u => WithIndices(u, "url")).ToList(),
            "hashtags" or "hashtags_from_astral" => Values(Twitter.ExtractHashtags(test.Text)),
            "hashtags_with_indices" => Twitter.ExtractHashtags(test.Text).Select(h => WithIndices(h, "hashtag")).ToList(),
            "cashtags" => Values(Twitter.ExtractCashtags(test.Text)),
            "cashtags_with_indices" => Twitter.ExtractCashtags(test.Text).Select(c => WithIndices(c, "cashtag")).ToList(),
            _ => throw new AssertFailedException($"No extractor for {test.Section}"),
        };

        AssertSame(test, actual);
    }

    [TestMethod]
    [DynamicData(nameof(TldCases))]
    public void ExtractUrls_MatchesTldConformance(ConformanceCase test) => AssertSame(test, Values(Twitter.ExtractUrls(test.Text)));

    [TestMethod]
    public void Conformance_CoversEveryCaseOfTheFilesParts()
    {
        Assert.HasCount(238, ExtractCases.ToList());
        Assert.HasCount(1574, TldCases.ToList());
        Assert.HasCount(97, ValidityCases.Concat(LengthCases).ToList());
    }

    private static List<string> Values(List<EntitySpan> entities) => [.. entities.Select(e => e.Value)];

    private static Dictionary<string, object?> WithIndices(EntitySpan entity, string name) =>
        new() { [name] = entity.Value, ["indices"] = new List<object> { entity.Start, entity.End } };

    private static void AssertSame(ConformanceCase test, object? actual) =>
        Assert.AreEqual(Canonical(test.Expected), Canonical(actual), $"{test}\ntext: {System.Text.Json.JsonSerializer.Serialize(test.Text)}");
}
