using System.Text.Json;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Service.Operations;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Domain.TwitterText;

namespace TweetsSoap.Tests.Storage;

/// <summary>The weighted length and entities a store keeps beside each text, parsed when the text is written.</summary>
public abstract partial class TweetStoreTests
{
    /// <summary>Sets the stored parse of every tweet to NULL, as in rows written before the columns existed.</summary>
    protected abstract Task ForgetStoredParsesAsync();

    [TestMethod]
    public async Task CreateTweet_ForAFixedSeedSampleOfGeneratedTexts_StoresWhatAFreshParseFinds()
    {
        var ada = User("ada", "ada@example.org");
        await Store.CreateUserAsync(ada, default);
        // Texts a tweet can hold: what the service would refuse (control characters, unpaired surrogates) no store
        // need keep, and PostgreSQL cannot.
        var texts = new TextGenerator(7).Texts(400).Where(TextRules.IsXmlText).Take(150).ToList();
        var ids = new List<Guid>();
        foreach (var text in texts)
        {
            ids.Add(await PostAsync(ada, text));
        }

        var read = (await Store.GetTweetsAsync(ids, default)).ToDictionary(t => t.Id);

        Assert.HasCount(150, texts);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.AreEqual(texts[i], read[ids[i]].Text);
            Assert.AreEqual(ParsedText.Of(texts[i]), read[ids[i]].Parsed, JsonSerializer.Serialize(texts[i]));
        }

        Assert.IsGreaterThan(50, read.Values.Count(t => t.Parsed!.Entities.Count > 0), "texts with entities");
    }

    [TestMethod]
    public async Task UpdateTweetText_StoresTheNewTextsParseInPlaceOfTheOld()
    {
        var ada = User("ada", "ada@example.org");
        await Store.CreateUserAsync(ada, default);
        var id = await PostAsync(ada, "#soap and https://example.com/a");

        Assert.IsTrue(await Store.UpdateTweetTextAsync(id, "now @grace and $MSFT 🎉", DateTime.UtcNow, default));

        var parsed = (await Store.GetTweetAsync(id, default))!.Parsed!;
        Assert.AreEqual(ParsedText.Of("now @grace and $MSFT 🎉"), parsed);
        CollectionAssert.AreEqual(new[] { EntityKind.Mention, EntityKind.Cashtag }, parsed.Entities.Select(e => e.Kind).ToList());
        Assert.AreEqual(23, parsed.WeightedLength);
    }

    [TestMethod]
    public async Task GetTweet_OfARowWithoutAStoredParse_MapsAsTheStoredParseDoes()
    {
        var ada = User("ada", "ada@example.org");
        await Store.CreateUserAsync(ada, default);
        var id = await PostAsync(ada, "日本語 #タグ @ada_l https://例え.jp/パス $BRK.A www.example.com/x 👩🏽‍💻");
        var stored = Mapping.ToContract((await Store.GetTweetAsync(id, default))!);

        await ForgetStoredParsesAsync();
        // A write through the store, so that a store that caches tweets (CachingTweetStore) reads the changed row.
        Assert.IsTrue(await Store.UpdateUserAsync(ada, default));
        var old = (await Store.GetTweetAsync(id, default))!;

        Assert.IsNull(old.Parsed);
        Assert.AreEqual(JsonSerializer.Serialize(stored), JsonSerializer.Serialize(Mapping.ToContract(old)));
        Assert.IsNotEmpty(stored.Entities.Hashtags);
        Assert.IsNotEmpty(stored.Entities.Mentions);
        Assert.IsNotEmpty(stored.Entities.Urls);
        Assert.IsNotEmpty(stored.Entities.Cashtags);
    }
}
