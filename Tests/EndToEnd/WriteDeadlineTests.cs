using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>Something outside the service (a backup, a manual session) holds SQLite's write lock: writes answer
/// <c>Unavailable</c> at their deadline on both faces, reads go on, and writes work again once the lock is free.</summary>
[TestClass]
public sealed class WriteDeadlineTests
{
    private const int DeadlineMs = 500;

    // The deadline plus what a heavily loaded 2-core machine adds; far below the driver's 30 s busy timeout.
    private static readonly TimeSpan Quickly = TimeSpan.FromMilliseconds(DeadlineMs + 5000);

    [TestMethod]
    public async Task Writes_WhileAnotherConnectionHoldsTheWriteLock_AnswerUnavailableWithinTheDeadlineOnBothFaces()
    {
        await using var service = await ServiceFixture.StartAsync($"--Storage:WriteDeadlineMilliseconds={DeadlineMs}");
        using var soap = new SoapClients(service);
        var json = new JsonApi(service.Http);
        var ada = await soap.SignUpAsync();
        var grace = await soap.SignUpAsync();
        // Verified once before the lock is taken, so the timings below are the write's alone.
        var before = await soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("before the lock", null, null, null);
        using (await json.SendAsync(HttpMethod.Get, "api/users/me/timeline", account: grace))
        {
        }

        await using (var holder = new SqliteConnection($"Data Source={service.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", holder))
            {
                await begin.ExecuteNonQueryAsync();
            }

            var clock = Stopwatch.StartNew();
            await FaultAssert.ThrowsAsync(ErrorCode.Unavailable, () => soap.Tweets(SoapVersion.Soap12, ada).PostTweetAsync("during the lock", null, null, null));
            Assert.IsTrue(clock.Elapsed < Quickly, $"SOAP PostTweet took {clock.Elapsed}.");

            clock.Restart();
            using (var follow = await json.SendAsync(HttpMethod.Put, $"api/users/me/following/{ada.User.Id}", account: grace))
            {
                Assert.AreEqual(HttpStatusCode.ServiceUnavailable, follow.StatusCode);
                Assert.AreEqual(ErrorCode.Unavailable.ToString(), (await JsonApi.ProblemOfAsync(follow)).Code.ToString());
            }

            Assert.IsTrue(clock.Elapsed < Quickly, $"JSON follow took {clock.Elapsed}.");
            Assert.IsGreaterThanOrEqualTo(DeadlineMs, clock.ElapsedMilliseconds, "the write waited for its deadline, not less");

            var read = await soap.Tweets(SoapVersion.Soap11).GetTweetAsync(before.Id);
            Assert.AreEqual("before the lock", read.Text, "reads do not need the write lock");
        }

        var after = await soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("after the lock", null, null, null);
        using (var follow = await json.SendAsync(HttpMethod.Put, $"api/users/me/following/{ada.User.Id}", account: grace))
        {
            Assert.IsTrue(follow.IsSuccessStatusCode, await follow.Content.ReadAsStringAsync());
        }

        var stored = (await soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(ada.User.Id, 10, null)).Tweets;
        CollectionAssert.AreEqual(new[] { after.Id, before.Id }, stored.Select(t => t.Id).ToList(), "the timed-out post was not stored");
        Assert.AreEqual(1, (await soap.Users(SoapVersion.Soap11).GetUserAsync(ada.User.Id)).FollowersCount);
    }
}
