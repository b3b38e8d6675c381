using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TweetsSoap.Client;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>On PostgreSQL, another session holds the locks that writes need and the pool is small: writes waiting
/// on the lock and writes waiting for a pooled connection both answer <c>Unavailable</c> at their deadline on both
/// faces, not at the command timeout; reads go on, and the timed-out writes left nothing behind.</summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class PostgresWriteDeadlineTests
{
    private const int DeadlineMs = 500;
    private const int PoolSize = 2;

    // The deadline, Npgsql's wait for the cancelled statement, and what a heavily loaded 2-core machine adds; far
    // below the command timeout of 120 s the test cluster's settings give the service.
    private static readonly TimeSpan Quickly = TimeSpan.FromMilliseconds(DeadlineMs + 6000);

    [TestMethod]
    public async Task Writes_WhileAnotherSessionHoldsTheirLocks_AnswerUnavailableWithinTheDeadlineOnBothFaces()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync()) { MaxPoolSize = PoolSize }.ConnectionString;
        await using var service = await ServiceFixture.StartAsync(
            StorageProvider.Postgres,
            cluster,
            $"--Storage:ConnectionString={connectionString}",
            $"--Storage:WriteDeadlineMilliseconds={DeadlineMs}");
        Assert.AreEqual(connectionString, service.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
        using var soap = new SoapClients(service);
        var json = new JsonApi(service.Http);
        var ada = await soap.SignUpAsync();
        var followers = new[] { await soap.SignUpAsync(), await soap.SignUpAsync(), await soap.SignUpAsync() };
        // Verified once before the lock is taken, so the timings below are the writes' alone.
        var before = await soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("before the lock", null, null, null);
        foreach (var follower in followers)
        {
            using var warm = await json.SendAsync(HttpMethod.Get, "api/users/me/timeline", account: follower);
            Assert.IsTrue(warm.IsSuccessStatusCode);
        }

        await using (var holder = new NpgsqlConnection(connectionString))
        {
            await holder.OpenAsync();
            await using (var lockTables = new NpgsqlCommand("BEGIN; LOCK TABLE tweets, follows IN EXCLUSIVE MODE", holder))
            {
                // EXCLUSIVE blocks every insert, update and delete of these tables but lets reads through.
                await lockTables.ExecuteNonQueryAsync();
            }

            // More writes than pooled connections: two wait on the lock, the others for a connection.
            var clock = Stopwatch.StartNew();
            var posts = Enumerable.Range(0, 3).Select(async i =>
            {
                await FaultAssert.ThrowsAsync(ErrorCode.Unavailable, () => soap.Tweets(i % 2 == 0 ? SoapVersion.Soap11 : SoapVersion.Soap12, ada).PostTweetAsync($"during the lock {i}", null, null, null));
                return clock.Elapsed;
            }).ToList();
            var follows = followers.Select(async follower =>
            {
                using var follow = await json.SendAsync(HttpMethod.Put, $"api/users/me/following/{ada.User.Id}", account: follower);
                Assert.AreEqual(HttpStatusCode.ServiceUnavailable, follow.StatusCode);
                Assert.AreEqual(ErrorCode.Unavailable.ToString(), (await JsonApi.ProblemOfAsync(follow)).Code.ToString());
                return clock.Elapsed;
            }).ToList();
            var took = await Task.WhenAll(posts.Concat(follows));
            foreach (var elapsed in took)
            {
                Assert.IsTrue(elapsed < Quickly, $"a write took {elapsed}; all took {string.Join(", ", took)}.");
            }

            Assert.IsGreaterThanOrEqualTo(DeadlineMs, (long)took.Min().TotalMilliseconds, "the writes waited for their deadline, not less");

            var read = await soap.Tweets(SoapVersion.Soap11).GetTweetAsync(before.Id);
            Assert.AreEqual("before the lock", read.Text, "reads do not wait for the lock");
        }

        var after = await soap.Tweets(SoapVersion.Soap11, ada).PostTweetAsync("after the lock", null, null, null);
        using (var follow = await json.SendAsync(HttpMethod.Put, $"api/users/me/following/{ada.User.Id}", account: followers[0]))
        {
            Assert.IsTrue(follow.IsSuccessStatusCode, await follow.Content.ReadAsStringAsync());
        }

        var stored = (await soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(ada.User.Id, 10, null)).Tweets;
        CollectionAssert.AreEqual(new[] { after.Id, before.Id }, stored.Select(t => t.Id).ToList(), "the timed-out posts were not stored");
        Assert.AreEqual(1, (await soap.Users(SoapVersion.Soap11).GetUserAsync(ada.User.Id)).FollowersCount, "only the follow after the lock was stored");
    }
}
