using System.Xml.Linq;
using TweetsSoap.Service.Help;

namespace TweetsSoap.Tests.Help;

[TestClass]
public sealed class HtmlTests
{
    [TestMethod]
    [DataRow("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [DataRow("a & b", "a &amp; b")]
    [DataRow("Grüße, Ада", "Grüße, Ада")]
    public void Text_EncodesMarkupAndKeepsUnicode(string text, string expected)
    {
        Assert.AreEqual(expected, new Html().Text(text).ToString());
    }

    [TestMethod]
    public void Attr_CannotBreakOutOfTheQuotes()
    {
        var html = new Html().Raw("<a").Attr("href", "x\" onmouseover=\"alert(1)").Raw(">").ToString();

        Assert.DoesNotContain("\" onmouseover", html);
        Assert.StartsWith("<a href=\"x&quot; onmouseover=&quot;alert(1)\">", html);
    }

    [TestMethod]
    public void Doc_RendersCodeAndReferencesAndEncodesText()
    {
        var doc = XElement.Parse("<summary>Use <c>wsse:Security</c> &lt;b&gt; and <see cref=\"T:TweetsSoap.Contracts.ServiceFault\"/>.</summary>");

        Assert.AreEqual("Use <code>wsse:Security</code> &lt;b&gt; and <code>ServiceFault</code>.", new Html().Doc(doc).ToString());
    }
}
