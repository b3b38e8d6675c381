using System.Diagnostics;
using System.Text.Json;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Tests.Support;
using Twitter = TweetsSoap.Service.Domain.TweetText.TwitterText;

namespace TweetsSoap.Tests.Domain.TwitterText;

/// <summary>
/// Our implementation against Twitter's own, npm twitter-text 3.1.0 (pinned in oracle/package-lock.json), over
/// generated texts: the same weighted length, validity, valid range and entities from every extractor, to the index.
/// </summary>
[TestClass]
public sealed class DifferentialTests
{
    private const int Seed = 20261202;
    private const int Count = 12_000;

    [TestMethod]
    [TestCategory(Categories.External)]
    public async Task GeneratedTexts_AgreeWithTwitterText()
    {
        var texts = new TextGenerator(Seed).Texts(Count).ToList();

        var answers = await RunOracleAsync(texts);

        Assert.HasCount(texts.Count, answers);
        var disagreements = texts
            .Select((text, i) => (Text: text, Theirs: Describe(answers[i]), Ours: Describe(Ours(text))))
            .Where(d => d.Theirs != d.Ours)
            .ToList();
        if (disagreements.Count > 0)
        {
            var shortest = disagreements.MinBy(d => d.Text.Length);
            Assert.Fail(
                $"{disagreements.Count} of {texts.Count} texts disagree with twitter-text 3.1.0. The shortest:\n" +
                $"text:     {JsonSerializer.Serialize(shortest.Text)}\ntheirs:   {shortest.Theirs}\nours:     {shortest.Ours}");
        }
    }

    [TestMethod]
    public void Generator_CoversEveryKindOfEntityAndBothDecisions()
    {
        var texts = new TextGenerator(Seed).Texts(Count).ToList();
        var results = texts.Select(t => Ours(t)).ToList();

        Assert.IsGreaterThanOrEqualTo(10_000, texts.Distinct().Count());
        foreach (var kind in new[] { "url", "hashtag", "mention", "list", "cashtag" })
        {
            Assert.IsGreaterThan(100, results.Count(r => r.Entities.Any(e => e[0].GetString() == kind)), kind);
        }

        Assert.IsGreaterThan(500, results.Count(r => !r.Valid), "invalid texts");
        Assert.IsGreaterThan(500, results.Count(r => r.Valid && r.WeightedLength > 250), "valid texts near the limit");
    }

    private static Answer Ours(string text)
    {
        var length = Twitter.ParseLength(text);
        return new Answer(
            length.WeightedLength, length.Valid, length.Permillage, length.ValidRangeEnd, length.DisplayRangeEnd,
            Spans(Twitter.ExtractEntities(text)),
            Spans(Twitter.ExtractUrls(text)),
            Spans(Twitter.ExtractHashtags(text)),
            Spans(Twitter.ExtractMentionsOrLists(text)),
            Spans(Twitter.ExtractCashtags(text)));
    }

    private static List<JsonElement[]> Spans(List<EntitySpan> entities) =>
        [.. entities.Select(e => new[]
        {
            JsonSerializer.SerializeToElement(e.Kind.ToString().ToLowerInvariant()),
            JsonSerializer.SerializeToElement(e.Start),
            JsonSerializer.SerializeToElement(e.End),
            JsonSerializer.SerializeToElement(e.Value),
            JsonSerializer.SerializeToElement(e.ListSlug),
        })];

    /// <summary>One line per answer; strings escaped alike on both sides, as they are .NET strings here.</summary>
    private static string Describe(Answer a) =>
        $"weight {a.WeightedLength}, valid {a.Valid}, permillage {a.Permillage}, validRangeEnd {a.ValidRangeEnd}, displayRangeEnd {a.DisplayRangeEnd}" +
        $"\n  entities {Describe(a.Entities)}\n  urls {Describe(a.Urls)}\n  hashtags {Describe(a.Hashtags)}\n  mentions {Describe(a.Mentions)}\n  cashtags {Describe(a.Cashtags)}";

    private static string Describe(List<JsonElement[]> spans) =>
        string.Join(" ", spans.Select(s =>
            $"{s[0].GetString()}[{s[1].GetInt32()},{s[2].GetInt32()}]={JsonSerializer.Serialize(s[3].GetString())}{s[4].GetString()}"));

    private static async Task<List<Answer>> RunOracleAsync(List<string> texts)
    {
        var folder = Repository.PathOf("Tests", "Domain", "TwitterText", "oracle");
        Assert.IsTrue(Directory.Exists(Path.Combine(folder, "node_modules", "twitter-text")),
            "twitter-text is not installed: run `bash .ci/install` (it runs `npm ci` in Tests/Domain/TwitterText/oracle).");
        var start = new ProcessStartInfo("node", "oracle.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(texts));
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.AreEqual(0, process.ExitCode, await stderr);
        return JsonSerializer.Deserialize<List<Answer>>(await stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record Answer(
        int WeightedLength,
        bool Valid,
        int Permillage,
        int ValidRangeEnd,
        int DisplayRangeEnd,
        List<JsonElement[]> Entities,
        List<JsonElement[]> Urls,
        List<JsonElement[]> Hashtags,
        List<JsonElement[]> Mentions,
        List<JsonElement[]> Cashtags);
}
