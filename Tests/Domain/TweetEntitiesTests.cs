using TweetsSoap.Service.Domain;

namespace TweetsSoap.Tests.Domain;

[TestClass]
public sealed class TweetEntitiesTests
{
    [TestMethod]
    [DataRow("#soap and #REST", "soap|REST")]
    [DataRow("#日本語 works", "日本語")]
    [DataRow("#1 is not a hashtag, #1a is", "1a")]
    [DataRow("C# is no hashtag", "")]
    [DataRow("https://example.com/#fragment", "")]
    [DataRow("＃fullwidth", "fullwidth")]
    public void Hashtags_FollowTwittersRules(string text, string expected) =>
        Assert.AreEqual(expected, string.Join('|', TweetEntities.Hashtags(text).Select(h => h.Value)));

    [TestMethod]
    [DataRow("@ada hi @grace_h", "ada|grace_h")]
    [DataRow("mail ada@example.org", "")]
    [DataRow("@sixteen_chars_xx is too long", "")]
    [DataRow("(@ada)", "ada")]
    public void Mentions_FollowTwittersRules(string text, string expected) =>
        Assert.AreEqual(expected, string.Join('|', TweetEntities.Mentions(text).Select(m => m.Value)));

    [TestMethod]
    public void Entities_CarryTheirPositionsInUtf16Units()
    {
        const string text = "👋 #soap @ada https://example.com/x.";

        var hashtag = TweetEntities.Hashtags(text).Single();
        var mention = TweetEntities.Mentions(text).Single();
        var url = TweetEntities.Urls(text).Single();

        Assert.AreEqual(new TextSpan(3, 8, "soap"), hashtag);
        Assert.AreEqual(new TextSpan(9, 13, "ada"), mention);
        Assert.AreEqual(new TextSpan(14, 35, "https://example.com/x"), url);
        Assert.AreEqual("https://example.com/x", text[url.Start..url.End]);
    }
}
