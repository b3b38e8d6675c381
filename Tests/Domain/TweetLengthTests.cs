using TweetsSoap.Service.Domain;

namespace TweetsSoap.Tests.Domain;

/// <summary>Expected values are worked out by hand from twitter-text's configuration v3 rules.</summary>
[TestClass]
public sealed class TweetLengthTests
{
    [TestMethod]
    [DataRow("", 0)]
    [DataRow("hello", 5)]
    [DataRow("Hello, world!", 13)]
    [DataRow("  spaces\tand\nnewlines ", 22)]
    [DataRow("0123456789", 10)]
    [DataRow("<SOAP> & 'XML'", 14)]
    public void Weighted_Latin_CountsOnePerCharacter(string text, int expected) => Assert.AreEqual(expected, TweetLength.Weighted(text));

    [TestMethod]
    [DataRow("café", 4)] // precomposed é
    [DataRow("cafe\u0301", 4)] // e + combining acute: NFC composes it to one code point
    [DataRow("naïve résumé", 12)]
    [DataRow("Ελληνικά", 8)] // Greek
    [DataRow("привет", 6)] // Cyrillic
    [DataRow("שלום", 4)] // Hebrew
    [DataRow("مرحبا", 5)] // Arabic
    [DataRow("สวัสดี", 6)] // Thai, six code points below U+10FF
    [DataRow("ქართული", 7)] // Georgian, U+10D0 block
    [DataRow("a\u0316\u0300", 2)] // NFC composes a + grave to à across the lower mark, which stays and weighs 1
    public void Weighted_AccentedAndScriptsBelowU10FF_CountOnePerCodePointAfterNfc(string text, int expected) =>
        Assert.AreEqual(expected, TweetLength.Weighted(text));

    [TestMethod]
    [DataRow("漢字", 4)]
    [DataRow("日本語", 6)]
    [DataRow("こんにちは", 10)]
    [DataRow("한국어", 6)]
    [DataRow("\u1112\u1161\u11AB", 2)] // Hangul jamo: NFC composes them into one syllable, weight 2
    [DataRow("Ａ", 2)] // full-width Latin
    [DataRow("Hello 世界", 10)]
    public void Weighted_CjkAndOtherWideScripts_CountTwoPerCodePoint(string text, int expected) =>
        Assert.AreEqual(expected, TweetLength.Weighted(text));

    [TestMethod]
    [DataRow("\u2000", 1)] // en quad, first of U+2000–U+200D
    [DataRow("\u200D", 1)] // a lone zero-width joiner, last of that range
    [DataRow("\u200E", 2)] // left-to-right mark, just outside it
    [DataRow("—", 1)] // em dash U+2014
    [DataRow("‘’“”", 4)] // curly quotes U+2018–U+201D
    [DataRow("…", 2)] // ellipsis U+2026 is outside U+2010–U+201F
    [DataRow("′″", 2)] // primes U+2032, U+2033
    [DataRow("\u2038", 2)] // caret, just after U+2032–U+2037
    [DataRow("€", 2)]
    [DataRow("\u10FF", 1)]
    [DataRow("\u1100", 2)]
    public void Weighted_RangeBoundaries_FollowTheV3Table(string text, int expected) => Assert.AreEqual(expected, TweetLength.Weighted(text));

    [TestMethod]
    [DataRow("👍", 2)]
    [DataRow("👍🏽", 2)] // skin tone modifier
    [DataRow("🏽", 2)] // a modifier on its own
    [DataRow("👩‍💻", 2)] // ZWJ sequence
    [DataRow("👨🏽‍🚀", 2)] // ZWJ with skin tone
    [DataRow("👩‍👩‍👧‍👦", 2)] // family of seven code points
    [DataRow("🏳️‍🌈", 2)] // rainbow flag: flag, VS16, ZWJ, rainbow
    [DataRow("🇺🇦", 2)] // regional-indicator flag
    [DataRow("🇺🇦🇯🇵", 4)] // two flags
    [DataRow("🏴󠁧󠁢󠁥󠁮󠁧󠁿", 2)] // England: black flag and tag characters
    [DataRow("1️⃣", 2)] // keycap with VS16
    [DataRow("#⃣", 2)] // keycap without VS16
    [DataRow("❤️", 2)] // text-default heart with VS16
    [DataRow("❤", 2)] // bare heart, U+2764, weighs 2 anyway
    [DataRow("©", 1)] // text-default copyright sign is text without VS16
    [DataRow("©️", 2)] // and one emoji with it
    [DataRow("hi 👋", 5)]
    [DataRow("👍👍👍", 6)]
    public void Weighted_EmojiSequences_CountTwoEach(string text, int expected) => Assert.AreEqual(expected, TweetLength.Weighted(text));

    [TestMethod]
    [DataRow("https://example.com", 23)]
    [DataRow("http://example.com/a/very/long/path/that/goes/on/and/on?with=query&and=more#fragment", 23)]
    [DataRow("https://a.co", 23)] // shorter than 23 still weighs 23
    [DataRow("https://例え.jp/パス", 23)] // internationalized domain and path
    [DataRow("HTTPS://EXAMPLE.COM", 23)]
    [DataRow("https://example.com:8443/x", 23)]
    [DataRow("example.com", 23)] // no scheme, generic top-level domain
    [DataRow("www.example.xyz", 23)] // www. makes it a URL
    [DataRow("bit.ly/abc", 23)] // country-code domain with a path
    [DataRow("bit.ly", 6)] // two labels under a country code and no path: not a URL, as in twitter-text
    [DataRow("news.bbc.co.uk", 23)]
    [DataRow("file.txt", 8)] // unknown top-level domain
    [DataRow("ada@example.org", 15)] // an email address is not a URL
    [DataRow("Visit https://example.com.", 30)] // the final full stop ends the sentence, not the URL
    [DataRow("see example.com/path, then", 33)]
    [DataRow("(see https://example.com/x)", 29)] // unbalanced closing bracket is not part of the URL
    [DataRow("https://en.wikipedia.org/wiki/Tweet_(social_media)", 23)] // balanced brackets are
    [DataRow("two urls: a.com b.org", 57)]
    [DataRow("Hello 世界 👋 https://example.com", 37)] // mixed: 6 + 4 + 1 + 2 + 1 + 23
    public void Weighted_Urls_CountTwentyThreeEach(string text, int expected) => Assert.AreEqual(expected, TweetLength.Weighted(text));

    [TestMethod]
    [DataRow("a", 280, "", 280)]
    [DataRow("a", 281, "", 281)]
    [DataRow("漢", 140, "", 280)]
    [DataRow("漢", 140, "x", 281)]
    [DataRow("👩‍👩‍👧‍👦", 140, "", 280)]
    [DataRow("👍🏽", 139, "ab", 280)]
    [DataRow("a", 257, " https://example.com/a-very-long-path-that-would-be-far-too-long-on-its-own", 281)]
    [DataRow("a", 256, " https://example.com/a-very-long-path-that-would-be-far-too-long-on-its-own", 280)]
    [DataRow("https://example.com ", 12, "abcdefg", 295)]
    public void Weighted_AtTheLimit_IsExact(string unit, int count, string tail, int expected) =>
        Assert.AreEqual(expected, TweetLength.Weighted(string.Concat(Enumerable.Repeat(unit, count)) + tail));

    [TestMethod]
    [DataRow("\uFFFE", true)]
    [DataRow("zero width no-break\uFEFFspace", true)]
    [DataRow("end\uFFFF", true)]
    [DataRow("\uFFFD replacement character is fine", false)]
    [DataRow("plain", false)]
    public void HasInvalidCharacters_FindsOnlyTheThreeNonCharacters(string text, bool expected) =>
        Assert.AreEqual(expected, TweetLength.HasInvalidCharacters(text));
}
