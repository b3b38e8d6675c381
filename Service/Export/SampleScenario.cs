using System.Xml.Linq;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Soap;
using static TweetsSoap.Service.Export.SampleRecorder;

namespace TweetsSoap.Service.Export;

/// <summary>
/// A day of two users, one call per operation of every service, in an order where each call is meaningful: Grace and
/// Ada sign up, Ada follows Grace, replies to her tweet (which Grace retweets), likes and retweets it, then takes all of
/// it back and leaves.
/// Each of Ada's calls becomes a sample in <c>wsdl/samples/</c>; Grace's only set the scene.
/// </summary>
public sealed class SampleScenario(SampleRecorder recorder)
{
    private static readonly SoapEndpoint Users = SoapEndpoint.All.Single(e => e.Contract == typeof(IUserService));
    private static readonly SoapEndpoint Tweets = SoapEndpoint.All.Single(e => e.Contract == typeof(ITweetService));
    private static readonly SoapEndpoint Social = SoapEndpoint.All.Single(e => e.Contract == typeof(ISocialService));
    private static readonly XNamespace Ns = Namespaces.V1;

    /// <summary>Where DataContract serialization puts the items of <c>List&lt;Guid&gt;</c> and <c>List&lt;string&gt;</c>.</summary>
    private static readonly XNamespace Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    /// <summary><see cref="SampleRecorder.CallAsync"/> or <see cref="SampleRecorder.PrepareAsync"/>.</summary>
    private delegate Task<XElement> Send(SoapEndpoint endpoint, string operation, Credentials? caller, params (string Name, object? Value)[] arguments);

    private readonly Credentials _ada = new("ada", "correct horse battery");
    private readonly Credentials _grace = new("grace", "nanoseconds matter");

    public async Task RunAsync()
    {
        var graceId = await SignUpAsync(recorder.PrepareAsync, _grace, "Grace", "Hopper", new DateTime(1986, 12, 9, 0, 0, 0, DateTimeKind.Utc));
        var adaId = await SignUpAsync(recorder.CallAsync, _ada, "Ada", "Lovelace", new DateTime(1990, 12, 10, 0, 0, 0, DateTimeKind.Utc));
        await AccountsAsync(adaId);
        await recorder.CallAsync(Social, nameof(ISocialService.Follow), _ada, Arg("userId", graceId));

        var graceTweet = await PostAsync(recorder.PrepareAsync, _grace, "Found the first actual #bug in the Mark II https://example.org/moth", null);
        var reply = await PostAsync(recorder.CallAsync, _ada, "@grace A moth! Logged as #bug number one 👋", graceTweet);
        // So that both timeline samples show a retweet entry.
        await recorder.PrepareAsync(Social, nameof(ISocialService.Retweet), _grace, Arg("tweetId", reply));
        await ReadTweetsAsync(graceId, adaId, graceTweet, reply);
        await EngageAsync(graceId, adaId, graceTweet);

        await recorder.CallAsync(Tweets, nameof(ITweetService.UpdateTweet), _ada, Arg("tweetId", reply), Arg("text", "@grace A moth! Taped into the log book."));
        await recorder.CallAsync(Tweets, nameof(ITweetService.DeleteTweet), _ada, Arg("tweetId", reply));
        await recorder.CallAsync(Users, nameof(IUserService.DeleteUser), _ada, Arg("userId", adaId));
    }

    private static async Task<Guid> SignUpAsync(Send send, Credentials user, string firstName, string lastName, DateTime birthDate)
    {
        var signedUp = await send(Users, nameof(IUserService.SignUp), null,
            Arg("username", user.Username), Arg("email", $"{user.Username}@example.org"), Arg("password", user.Password),
            Arg("firstName", firstName), Arg("lastName", lastName), Arg("birthDate", birthDate),
            Arg("clientRequestId", $"signup-{user.Username}"));
        return (Guid)signedUp.Descendants(Ns + "Id").First();
    }

    private async Task AccountsAsync(Guid adaId)
    {
        await recorder.CallAsync(Users, nameof(IUserService.Login), _ada);
        await recorder.CallAsync(Users, nameof(IUserService.GetUser), null, Arg("userId", adaId));
        await recorder.CallAsync(Users, nameof(IUserService.ListUsers), null, Arg("maxResults", 10), Arg("pageToken", null));
        await recorder.CallAsync(Users, nameof(IUserService.GetUsersByUsernames), null,
            Arg("usernames", Items("string", "grace", "ADA", "nobody_here")));
        await recorder.CallAsync(Users, nameof(IUserService.UpdateUser), _ada,
            Arg("userId", adaId), Arg("username", null), Arg("email", null), Arg("password", null),
            Arg("firstName", null), Arg("lastName", "King"), Arg("birthDate", null));
    }

    private static async Task<Guid> PostAsync(Send send, Credentials author, string text, Guid? inReplyTo)
    {
        var posted = await send(Tweets, nameof(ITweetService.PostTweet), author,
            Arg("text", text), Arg("inReplyToTweetId", inReplyTo), Arg("quotedTweetId", null),
            Arg("clientRequestId", $"{author.Username}-{(inReplyTo is null ? "post" : "reply")}-1"));
        return (Guid)posted.Descendants(Ns + "Id").First();
    }

    private async Task ReadTweetsAsync(Guid graceId, Guid adaId, Guid graceTweet, Guid reply)
    {
        await recorder.CallAsync(Tweets, nameof(ITweetService.GetTweet), null, Arg("tweetId", reply));
        await recorder.CallAsync(Tweets, nameof(ITweetService.GetTweets), null,
            Arg("tweetIds", Items("guid", graceTweet, reply, Guid.CreateVersion7())));
        await recorder.CallAsync(Tweets, nameof(ITweetService.ListTweets), null, Arg("authorId", adaId), Arg("maxResults", 10), Arg("pageToken", null));
        await recorder.CallAsync(Tweets, nameof(ITweetService.GetUserTimeline), null,
            Arg("userId", graceId), Arg("maxResults", 10), Arg("pageToken", null), Arg("sinceId", null), Arg("untilId", null));
        await recorder.CallAsync(Tweets, nameof(ITweetService.GetHomeTimeline), _ada,
            Arg("maxResults", 10), Arg("pageToken", null), Arg("sinceId", null), Arg("untilId", null));
        await recorder.CallAsync(Tweets, nameof(ITweetService.GetConversation), null,
            Arg("conversationId", graceTweet), Arg("maxResults", 10), Arg("pageToken", null));
        await recorder.CallAsync(Tweets, nameof(ITweetService.SearchTweets), null,
            Arg("query", "#bug from:grace"), Arg("maxResults", 10), Arg("pageToken", null), Arg("sinceId", null), Arg("untilId", null));
    }

    /// <summary>Likes, retweets and follows are listed while they exist, then taken back.</summary>
    private async Task EngageAsync(Guid graceId, Guid adaId, Guid graceTweet)
    {
        await recorder.CallAsync(Social, nameof(ISocialService.Like), _ada, Arg("tweetId", graceTweet));
        await recorder.CallAsync(Social, nameof(ISocialService.Retweet), _ada, Arg("tweetId", graceTweet));
        await ListAsync(nameof(ISocialService.ListFollowers), "userId", graceId);
        await ListAsync(nameof(ISocialService.ListFollowing), "userId", adaId);
        await ListAsync(nameof(ISocialService.ListLikingUsers), "tweetId", graceTweet);
        await ListAsync(nameof(ISocialService.ListLikedTweets), "userId", adaId);
        await ListAsync(nameof(ISocialService.ListRetweeters), "tweetId", graceTweet);
        await recorder.CallAsync(Social, nameof(ISocialService.Unlike), _ada, Arg("tweetId", graceTweet));
        await recorder.CallAsync(Social, nameof(ISocialService.UndoRetweet), _ada, Arg("tweetId", graceTweet));
        await recorder.CallAsync(Social, nameof(ISocialService.Unfollow), _ada, Arg("userId", graceId));
    }

    private Task<XElement> ListAsync(string operation, string idName, Guid id) =>
        recorder.CallAsync(Social, operation, null, Arg(idName, id), Arg("maxResults", 10), Arg("pageToken", null));

    /// <summary>The content of an array parameter: one element per item, named after the item's schema type.</summary>
    private static object[] Items<T>(string type, params T[] values) =>
        [new XAttribute(XNamespace.Xmlns + "a", Arrays), .. values.Select(v => new XElement(Arrays + type, v))];
}
