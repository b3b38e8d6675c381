using TweetsSoap.Service.Domain;

namespace TweetsSoap.Tests.Domain;

[TestClass]
public sealed class SearchTermsTests
{
    [TestMethod]
    public void Parse_SplitsWordsHashtagsMentionsAndAuthor()
    {
        var terms = SearchTerms.Parse("  soap #rest @ada from:grace xml ");

        CollectionAssert.AreEqual(new[] { "soap", "xml" }, terms.Words.ToList());
        CollectionAssert.AreEqual(new[] { "rest" }, terms.Hashtags.ToList());
        CollectionAssert.AreEqual(new[] { "ada" }, terms.Mentions.ToList());
        Assert.AreEqual("grace", terms.From);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("!!! ...")]
    [DataRow("from:not-a-name")]
    [DataRow("@has-dash")]
    public void Parse_WithNothingSearchable_IsAValidationFaultOnQuery(string query)
    {
        var fault = Assert.ThrowsExactly<OperationException>(() => SearchTerms.Parse(query));

        CollectionAssert.AreEqual(new[] { "query" }, fault.Fields?.ToList());
    }

    [TestMethod]
    public void Parse_TooLong_IsAValidationFault() =>
        Assert.ThrowsExactly<OperationException>(() => SearchTerms.Parse(new string('a', SearchTerms.MaxQueryLength + 1)));
}
