using System.ServiceModel;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

[TestClass]
public sealed class ConcurrencyTests : ServiceTests<ConcurrencyTests>
{
    [TestMethod]
    public async Task PostTweet_ManyInParallel_StoresEveryAcknowledgedTweetExactlyOnce()
    {
        var authors = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Soap.SignUpAsync()));

        var posted = await Task.WhenAll(Enumerable.Range(0, 80).Select(i =>
        {
            var author = authors[i % authors.Length];
            var version = i % 2 == 0 ? SoapVersion.Soap11 : SoapVersion.Soap12;
            return Soap.Tweets(version, author).PostTweetAsync($"parallel {i}", null, null, null);
        }));

        foreach (var author in authors)
        {
            var stored = new List<Tweet>();
            string? token = null;
            do
            {
                var page = await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(author.User.Id, 7, token);
                stored.AddRange(page.Tweets);
                token = page.NextPageToken;
            }
            while (token is not null);

            var expected = posted.Where(t => t.Author.Id == author.User.Id).ToList();
            Assert.HasCount(20, expected);
            CollectionAssert.AreEquivalent(expected.Select(t => t.Id).ToList(), stored.Select(t => t.Id).ToList());
            CollectionAssert.AreEquivalent(expected.Select(t => t.Text).ToList(), stored.Select(t => t.Text).ToList());
        }

        Assert.AreEqual(80, posted.Select(t => t.Id).Distinct().Count());
    }

    [TestMethod]
    public async Task SignUp_SameUsernameInParallel_ExactlyOneWinsAndTheRestGetConflict()
    {
        var username = SoapClients.UniqueUsername();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var casing = i % 2 == 0 ? username : username.ToUpperInvariant();
            try
            {
                await Soap.Users(i % 3 == 0 ? SoapVersion.Soap12 : SoapVersion.Soap11)
                    .SignUpAsync(casing, $"{Guid.NewGuid():N}@example.org", "correct horse", "A", "B", null, null);
                return "created";
            }
            catch (FaultException<ServiceFault> fault)
            {
                return fault.Detail.Code.ToString();
            }
        }));

        Assert.AreEqual(1, outcomes.Count(o => o == "created"), string.Join(", ", outcomes));
        Assert.AreEqual(23, outcomes.Count(o => o == nameof(ErrorCode.Conflict)), string.Join(", ", outcomes));
        Assert.HasCount(1, (await Soap.Users(SoapVersion.Soap11).ListUsersAsync(100, null)).Users.Where(u => u.Username.Equals(username, StringComparison.OrdinalIgnoreCase)).ToList());
    }
}
