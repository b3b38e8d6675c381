using TweetsSoap.Service.Domain;

namespace TweetsSoap.Tests.Domain;

[TestClass]
public sealed class PagingTests
{
    [TestMethod]
    public void Token_ReadBackForTheSameListing_GivesTheId()
    {
        var id = Guid.CreateVersion7();

        Assert.AreEqual(id, Paging.ReadToken(Paging.CreateToken("tweets", id), "tweets"));
    }

    [TestMethod]
    public void Token_IsUrlSafe() =>
        Assert.IsFalse(Paging.CreateToken("tweets:" + Guid.NewGuid().ToString("N"), Guid.CreateVersion7()).Any(c => c is '+' or '/' or '='));

    [TestMethod]
    public void Token_OfAnotherListing_IsAValidationFault()
    {
        var token = Paging.CreateToken("users", Guid.CreateVersion7());

        var fault = Assert.ThrowsExactly<OperationException>(() => Paging.ReadToken(token, "tweets"));

        CollectionAssert.AreEqual(new[] { "pageToken" }, fault.Fields?.ToList());
    }

    [TestMethod]
    public void Cut_WithOneRowMoreThanThePage_ReturnsThePageAndATokenAfterItsLastRow()
    {
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.CreateVersion7()).ToList();

        var (page, next) = Paging.Cut(ids, 3, "l", id => id);

        CollectionAssert.AreEqual(ids.Take(3).ToList(), page.ToList());
        Assert.AreEqual(ids[2], Paging.ReadToken(next, "l"));
    }

    [TestMethod]
    public void Cut_WithNoMoreRows_HasNoToken() => Assert.IsNull(Paging.Cut(new[] { Guid.CreateVersion7() }, 3, "l", id => id).NextToken);
}
