using System.Collections.Concurrent;
using System.Net;
using System.ServiceModel;
using Microsoft.Data.Sqlite;
using TweetsSoap.Client;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>A service process killed with SIGKILL in the middle of a burst of writes loses none it acknowledged.</summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed partial class CrashTests
{
    private const int Burst = 100;
    private const int AcknowledgedBeforeKill = 20;

    [TestMethod]
    [DataRow(StorageProvider.Sqlite)]
    [DataRow(StorageProvider.Postgres)]
    public async Task Service_KilledDuringABurstOfPosts_KeepsEveryAcknowledgedTweetIntact(StorageProvider backend)
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-crash-").FullName;
        var sqlitePath = Path.Combine(directory, "tweets.db");
        string[] settings = backend == StorageProvider.Postgres
            ? await (await PostgresCluster.SharedAsync()).ServiceSettingsAsync()
            : [$"--Storage:SqlitePath={sqlitePath}"];
        var acknowledged = new ConcurrentBag<Tweet>();
        Account ada;

        await using (var doomed = await ServiceProcess.StartAsync(settings))
        {
            ada = await doomed.Soap.SignUpAsync();
            var enough = new TaskCompletionSource();
            var burst = Enumerable.Range(0, Burst).Select(async i =>
            {
                try
                {
                    acknowledged.Add(await doomed.Soap.Tweets(i % 2 == 0 ? SoapVersion.Soap11 : SoapVersion.Soap12, ada).PostTweetAsync($"burst {i} ✓ «intact»", null, null, null));
                    if (acknowledged.Count >= AcknowledgedBeforeKill)
                    {
                        enough.TrySetResult();
                    }
                }
                catch (CommunicationException e) when (e is not FaultException)
                {
                    // Sent to, or waiting on, the killed process: the client never learned whether it was stored.
                }
            }).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromSeconds(120));
            doomed.Kill();
            await Task.WhenAll(burst);
        }

        Assert.IsLessThan(Burst, acknowledged.Count, "The kill should have cut the burst short.");
        await using var restarted = await ServiceProcess.StartAsync(settings);
        using (var ready = await restarted.Http.GetAsync("readyz"))
        {
            Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
        }

        var reader = restarted.Soap.Tweets(SoapVersion.Soap11);
        foreach (var tweet in acknowledged)
        {
            var stored = await reader.GetTweetAsync(tweet.Id);
            Assert.AreEqual(tweet.Text, stored.Text);
            Assert.AreEqual(ada.User.Id, stored.Author.Id);
            Assert.AreEqual(tweet.CreatedAt, stored.CreatedAt);
        }

        var listed = (await reader.ListTweetsAsync(ada.User.Id, 100, null)).Tweets;
        Assert.HasCount(listed.Count, listed.Select(t => t.Id).Distinct().ToList());
        Assert.IsTrue(listed.All(t => t.Text.StartsWith("burst ", StringComparison.Ordinal) && t.Text.EndsWith(" ✓ «intact»", StringComparison.Ordinal)));
        if (backend == StorageProvider.Sqlite)
        {
            await using var connection = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var check = new SqliteCommand("PRAGMA integrity_check", connection);
            Assert.AreEqual("ok", await check.ExecuteScalarAsync());
        }

        await restarted.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
