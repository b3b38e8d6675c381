using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TweetsSoap.Service.Seeding;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Tests.Seeding;

[TestClass]
public sealed class SeedCommandTests
{
    [TestMethod]
    // seed draws a Spectre.Console progress bar, which refuses to run beside another one in the process.
    [DoNotParallelize]
    public async Task Seed_SmallDatabase_FillsEveryTableConsistently()
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-seed-").FullName;
        var path = Path.Combine(directory, "seed.db");
        try
        {
            Assert.AreEqual(0, await SeedCommand.RunAsync(["--users", "30", "--tweets", "300", $"--Storage:SqlitePath={path}"]));

            var options = Options.Create(new StorageOptions { SqlitePath = path });
            using var connections = new SqliteConnectionFactory(options);
            await using var writer = new SqliteWriter(connections, options, NullLogger<SqliteWriter>.Instance);
            var store = new SqliteTweetStore(connections, writer);
            var user = await store.FindUserByUsernameAsync("user0", default);
            Assert.IsNotNull(user);
            var latest = await store.ListTweetsAsync(null, null, 100, default);
            Assert.HasCount(100, latest);
            CollectionAssert.AreEqual(latest.OrderByDescending(t => t.Id).Select(t => t.Id).ToList(), latest.Select(t => t.Id).ToList());
            Assert.IsTrue(latest.Any(t => t.InReplyToId is not null), "some tweets are replies");
            Assert.IsTrue(latest.Any(t => t.LikeCount > 0), "some tweets are liked");
            var home = await store.ListHomeTimelineAsync(user.Id, IdRange.All, 5, default);
            Assert.IsNotEmpty(home);
            var found = await store.SearchTweetsAsync(new SearchQuery(["the"], [], [], null), IdRange.All, 10, default);
            Assert.IsTrue(found.All(t => t.Text.Split(' ').Contains("the")), "search finds the word");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
