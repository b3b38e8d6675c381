using TweetsSoap.Service.Domain;

namespace TweetsSoap.Tests.Domain;

[TestClass]
public sealed class TextRulesTests
{
    [TestMethod]
    [DataRow("hello", 5)]
    [DataRow("e\u0301", 1)] // e + combining acute
    [DataRow("\u00e9", 1)] // precomposed é
    [DataRow("👍", 1)] // one code point, two UTF-16 units
    [DataRow("👍🏽", 1)] // emoji + skin tone
    [DataRow("👩‍💻", 1)] // ZWJ sequence
    [DataRow("👩‍👩‍👧‍👦", 1)] // family, seven code points
    [DataRow("🇺🇦🇯🇵", 2)] // two flags
    [DataRow("漢字", 2)]
    [DataRow("a\u200fb", 3)] // right-to-left mark is a character of its own
    [DataRow("", 0)]
    public void PerceivedLength_CountsGraphemeClusters(string text, int expected) =>
        Assert.AreEqual(expected, TextRules.PerceivedLength(text));

    [TestMethod]
    [DataRow("ok\ttab\nline\r", true)]
    [DataRow("bell\u0007", false)]
    [DataRow("nul\0", false)]
    [DataRow("del\u007f", false)]
    public void HasOnlyPrintableControls_AllowsOnlyWhitespaceControls(string text, bool expected) =>
        Assert.AreEqual(expected, TextRules.HasOnlyPrintableControls(text));

    // Lone surrogates cannot live in attribute strings (the compiler stores them as U+FFFD), so the rows give code units.
    [TestMethod]
    [DataRow(new[] { '\ud83d', '\udc4d' }, true)] // 👍
    [DataRow(new[] { '\ud83d' }, false)] // lone high surrogate
    [DataRow(new[] { '\udc4d' }, false)] // lone low surrogate
    [DataRow(new[] { 'a', '\udc4d', '\ud83d' }, false)] // reversed pair
    public void IsWellFormedUtf16_RejectsUnpairedSurrogates(char[] text, bool expected) =>
        Assert.AreEqual(expected, TextRules.IsWellFormedUtf16(new string(text)));
}
