using System.Collections.Concurrent;
using System.Net;
using System.ServiceModel;
using TweetsSoap.Client;
using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>The same for every kind of write at once, 32 clients: posts, likes, follows, retweets, edits, deletes.</summary>
public sealed partial class CrashTests
{
    private const int Clients = 32;
    private const int Authors = 8;
    private const int SeedTweetsEach = 3;
    private const int WritesBeforeKill = 200;

    [TestMethod]
    [DataRow(StorageProvider.Sqlite)]
    [DataRow(StorageProvider.Postgres)]
    public async Task Service_KilledDuringAMixedWriteBurstOf32Clients_KeepsEveryAcknowledgedWrite(StorageProvider backend)
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-crash-").FullName;
        string[] settings = backend == StorageProvider.Postgres
            ? await (await PostgresCluster.SharedAsync()).ServiceSettingsAsync()
            : [$"--Storage:SqlitePath={Path.Combine(directory, "tweets.db")}"];
        var acknowledged = new Acknowledged();
        var authors = new List<Account>();
        var seedTweets = new List<Guid>();

        await using (var doomed = await ServiceProcess.StartAsync(settings))
        {
            for (var i = 0; i < Authors; i++)
            {
                var author = await doomed.Soap.SignUpAsync();
                authors.Add(author);
                for (var t = 0; t < SeedTweetsEach; t++)
                {
                    seedTweets.Add((await doomed.Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync($"seed {t}", null, null, null)).Id);
                }
            }

            var enough = new TaskCompletionSource();
            var clients = Enumerable.Range(0, Clients).Select(async client =>
            {
                var random = new Random(client);
                var me = authors[client % Authors];
                var tweets = doomed.Soap.Tweets(client % 2 == 0 ? SoapVersion.Soap11 : SoapVersion.Soap12, me);
                var social = doomed.Soap.Social(SoapVersion.Soap11, me);
                Tweet? mine = null;
                var version = 0;
                try
                {
                    while (true)
                    {
                        var target = seedTweets[random.Next(seedTweets.Count)];
                        var other = authors[(client + 1 + random.Next(Authors - 1)) % Authors];
                        switch (random.Next(6))
                        {
                            case 0:
                                acknowledged.Posts.Add(await tweets.PostTweetAsync($"mixed {client}.{random.Next()} ✓", null, null, null));
                                break;
                            case 1:
                                await social.LikeAsync(target);
                                acknowledged.Likes.Add((me.User.Id, target));
                                break;
                            case 2:
                                await social.FollowAsync(other.User.Id);
                                acknowledged.Follows.Add((me.User.Id, other.User.Id));
                                break;
                            case 3:
                                await social.RetweetAsync(target);
                                acknowledged.Retweets.Add((me.User.Id, target));
                                break;
                            case 4 when mine is null:
                                mine = await tweets.PostTweetAsync($"client {client} v0", null, null, null);
                                acknowledged.Posts.Add(mine);
                                break;
                            case 4:
                                await tweets.UpdateTweetAsync(mine.Id, $"client {client} v{++version}");
                                acknowledged.Edits[mine.Id] = version;
                                break;
                            default:
                                var doomedTweet = await tweets.PostTweetAsync($"to delete {client}", null, null, null);
                                await tweets.DeleteTweetAsync(doomedTweet.Id);
                                acknowledged.Deletes.Add(doomedTweet.Id);
                                break;
                        }

                        if (acknowledged.Count >= WritesBeforeKill)
                        {
                            enough.TrySetResult();
                        }
                    }
                }
                catch (CommunicationException e) when (e is not FaultException)
                {
                    // Sent to, or waiting on, the killed process: the client never learned whether it was stored.
                }
            }).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromSeconds(180));
            doomed.Kill();
            await Task.WhenAll(clients);
        }

        await using var restarted = await ServiceProcess.StartAsync(settings);
        using (var ready = await restarted.Http.GetAsync("readyz"))
        {
            Assert.AreEqual(HttpStatusCode.OK, ready.StatusCode);
        }

        var reader = restarted.Soap.Tweets(SoapVersion.Soap11);
        var social = restarted.Soap.Social(SoapVersion.Soap11);
        var deleted = acknowledged.Deletes.ToHashSet();
        foreach (var post in acknowledged.Posts.Where(p => !deleted.Contains(p.Id)))
        {
            var stored = await reader.GetTweetAsync(post.Id);
            Assert.AreEqual(post.Author.Id, stored.Author.Id);
            if (!acknowledged.Edits.ContainsKey(post.Id))
            {
                Assert.AreEqual(post.Text, stored.Text);
            }
        }

        foreach (var (tweet, version) in acknowledged.Edits)
        {
            // A later edit may have committed unacknowledged, never an earlier one over an acknowledged one.
            var stored = await reader.GetTweetAsync(tweet);
            Assert.IsGreaterThanOrEqualTo(version, int.Parse(stored.Text.Split(" v")[1], System.Globalization.CultureInfo.InvariantCulture), stored.Text);
        }

        foreach (var tweet in deleted)
        {
            await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => reader.GetTweetAsync(tweet));
        }

        foreach (var author in authors)
        {
            var liked = (await social.ListLikedTweetsAsync(author.User.Id, 100, null)).Tweets.Select(t => t.Id).ToHashSet();
            Assert.IsTrue(acknowledged.Likes.Where(l => l.User == author.User.Id).All(l => liked.Contains(l.Tweet)), "every acknowledged like is kept");
            var following = (await social.ListFollowingAsync(author.User.Id, 100, null)).Users.Select(u => u.Id).ToHashSet();
            Assert.IsTrue(acknowledged.Follows.Where(f => f.User == author.User.Id).All(f => following.Contains(f.Other)), "every acknowledged follow is kept");
        }

        foreach (var tweet in seedTweets)
        {
            var retweeters = (await social.ListRetweetersAsync(tweet, 100, null)).Users.Select(u => u.Id).ToList();
            Assert.IsTrue(acknowledged.Retweets.Where(r => r.Tweet == tweet).All(r => retweeters.Contains(r.User)), "every acknowledged retweet is kept");
            var likers = (await social.ListLikingUsersAsync(tweet, 100, null)).Users;
            var counted = (await reader.GetTweetAsync(tweet)).Metrics;
            Assert.AreEqual(likers.Count, counted.LikeCount, "the like count matches the likes");
            Assert.AreEqual(retweeters.Count, counted.RetweetCount, "the retweet count matches the retweets");
        }

        await restarted.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private sealed class Acknowledged
    {
        public ConcurrentBag<Tweet> Posts { get; } = [];

        public ConcurrentBag<(Guid User, Guid Tweet)> Likes { get; } = [];

        public ConcurrentBag<(Guid User, Guid Other)> Follows { get; } = [];

        public ConcurrentBag<(Guid User, Guid Tweet)> Retweets { get; } = [];

        public ConcurrentDictionary<Guid, int> Edits { get; } = new();

        public ConcurrentBag<Guid> Deletes { get; } = [];

        public int Count => Posts.Count + Likes.Count + Follows.Count + Retweets.Count + Edits.Count + Deletes.Count;
    }
}
