using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Rest;
using TweetsSoap.Tests.Support;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace TweetsSoap.Tests.Rest;

/// <summary>
/// The JSON face's tweet writer against System.Text.Json with the face's own options, the reference it replaces:
/// seeded random tweets and pages (<see cref="RandomTweets"/>, retweet entries, empty pages, page tokens) must come
/// out byte for byte the same, on the first write and on the second, which copies the kept JSON. The face's own
/// options, which the OpenAPI document is generated from, must stay without it.
/// </summary>
[TestClass]
public sealed class TweetJsonTests
{
    private const int Seed = 20261203;

    private static readonly JsonSerializerOptions Reference = new ServiceCollection().AddTweetsRest().BuildServiceProvider()
        .GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;

    private static readonly JsonSerializerOptions Face = TweetJson.WithTweetJson(Reference);

    [TestMethod]
    public void Pages_AreWrittenAsTheSerializerWritesThem()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 300; i++)
        {
            var page = new TweetPage
            {
                Tweets = [.. Enumerable.Range(0, random.Next(0, 21)).Select(_ => RandomTweets.Tweet(random, retweet: random.Next(4) == 0))],
                NextPageToken = random.Next(2) == 0 ? null : RandomTweets.Text(random),
            };
            AssertWrittenAsSerializer(page);
        }
    }

    [TestMethod]
    public void Tweets_AreWrittenAsTheSerializerWritesThem()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < 300; i++)
        {
            AssertWrittenAsSerializer(RandomTweets.Tweet(random, retweet: false));
        }
    }

    [TestMethod]
    public void TheFaceWritesTweetsThroughIt_AndReadsThemBack()
    {
        Assert.IsTrue(Face.Converters.OfType<TweetJson>().Any(), "the tweet writer's options lost it");
        Assert.IsFalse(Reference.Converters.OfType<TweetJson>().Any(), "a converter on the face's options hides Tweet's shape from the OpenAPI document");
        var tweet = RandomTweets.Tweet(new Random(Seed + 2), retweet: false);
        var json = JsonSerializer.Serialize(tweet, Face);
        Assert.AreEqual(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<Tweet>(json, Face), Reference));
    }

    [TestMethod]
    public void TweetsSharingAnId_AreEachWrittenAsThemselves_FromManyThreads()
    {
        // Two versions of one tweet (as an edit or a like makes them) share the id, so they share a slot of the kept
        // JSON: written in turns from several threads, each must come out as itself, never as the other.
        var random = new Random(Seed + 3);
        var versions = Enumerable.Range(0, 4).Select(_ => RandomTweets.Tweet(random, retweet: false)).ToArray();
        foreach (var version in versions)
        {
            version.Id = versions[0].Id;
        }

        var expected = versions.Select(v => JsonSerializer.Serialize(v, Reference)).ToArray();
        Parallel.For(0, 4 * 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = (i * 7 + i / 5) % versions.Length;
            Assert.AreEqual(expected[k], JsonSerializer.Serialize(versions[k], Face));
        });
    }

    [TestMethod]
    public async Task TheFilterWritesEveryTweetBearingAnswerAsTheRouteWould_AndLeavesTheRest()
    {
        var services = new ServiceCollection().AddTweetsRest().BuildServiceProvider();
        var face = services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var page = new TweetPage { Tweets = [.. Enumerable.Range(0, 3).Select(i => RandomTweets.Tweet(new Random(Seed + 4 + i), retweet: i == 1))], NextPageToken = "next" };
        (object Answer, object Value)[] answers =
        [
            (page, page),
            (page.Tweets[0], page.Tweets[0]),
            (TypedResults.Ok(page), page),
            ((Results<Ok<TweetPage>, Ok<TweetLookup>>)TypedResults.Ok(page), page),
        ];
        foreach (var (answer, value) in answers)
        {
            var http = new DefaultHttpContext { RequestServices = services };
            http.Response.Body = new MemoryStream();
            var written = await TweetJson.Answers(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>(answer));

            Assert.AreNotSame(answer, written, $"{answer.GetType().Name} went past the filter");
            await ((IResult)written!).ExecuteAsync(http);
            Assert.AreEqual(200, http.Response.StatusCode);
            Assert.AreEqual("application/json; charset=utf-8", http.Response.ContentType);
            Assert.AreEqual(JsonSerializer.Serialize(value, value.GetType(), face), Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
        }

        var lookup = TypedResults.Ok(new TweetLookup());
        Assert.AreSame(lookup, await TweetJson.Answers(new DefaultEndpointFilterInvocationContext(new DefaultHttpContext()), _ => ValueTask.FromResult<object?>(lookup)));
    }

    private static void AssertWrittenAsSerializer<T>(T value)
    {
        var expected = JsonSerializer.Serialize(value, Reference);
        for (var time = 1; time <= 2; time++)
        {
            Assert.AreEqual(expected, JsonSerializer.Serialize(value, Face), $"write {time}");
        }
    }
}
