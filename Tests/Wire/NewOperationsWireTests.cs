using System.Net;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>Each operation added for timelines, the social graph, search and batches, as hand-written envelopes.</summary>
[TestClass]
public sealed class NewOperationsWireTests : ServiceTests<NewOperationsWireTests>
{
    private const string Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    public static IEnumerable<object[]> Operations =>
        from version in new[] { SoapVersion.Soap11, SoapVersion.Soap12 }
        from row in new (string Service, string Operation, string Content, string Expect)[]
        {
            ("TweetService", "PostTweet", "<text>raw reply</text><inReplyToTweetId>{tweet}</inReplyToTweetId>", "ConversationId"),
            ("TweetService", "GetTweets", $"<tweetIds xmlns:a=\"{Arrays}\"><a:guid>{{tweet}}</a:guid></tweetIds>", "Problems"),
            ("TweetService", "GetUserTimeline", "<userId>{user}</userId><maxResults>5</maxResults>", "Tweets"),
            ("TweetService", "GetHomeTimeline", "<maxResults>5</maxResults>", "Tweets"),
            ("TweetService", "GetConversation", "<conversationId>{tweet}</conversationId>", "Tweets"),
            ("TweetService", "SearchTweets", "<query>wire</query>", "Tweets"),
            ("UserService", "GetUsersByUsernames", $"<usernames xmlns:a=\"{Arrays}\"><a:string>{{username}}</a:string></usernames>", "Users"),
            ("SocialService", "Follow", "<userId>{other}</userId>", "FollowersCount"),
            ("SocialService", "Unfollow", "<userId>{other}</userId>", "FollowersCount"),
            ("SocialService", "ListFollowers", "<userId>{user}</userId>", "Users"),
            ("SocialService", "ListFollowing", "<userId>{user}</userId>", "Users"),
            ("SocialService", "Like", "<tweetId>{tweet}</tweetId>", "LikeCount"),
            ("SocialService", "Unlike", "<tweetId>{tweet}</tweetId>", "LikeCount"),
            ("SocialService", "ListLikingUsers", "<tweetId>{tweet}</tweetId>", "Users"),
            ("SocialService", "ListLikedTweets", "<userId>{user}</userId>", "Tweets"),
            ("SocialService", "Retweet", "<tweetId>{tweet}</tweetId>", "RetweetCount"),
            ("SocialService", "UndoRetweet", "<tweetId>{tweet}</tweetId>", "RetweetCount"),
            ("SocialService", "ListRetweeters", "<tweetId>{tweet}</tweetId>", "Users"),
        }
        select new object[] { version, row.Service, row.Operation, row.Content, row.Expect };

    [TestMethod]
    [DynamicData(nameof(Operations))]
    public async Task Operation_AsRawEnvelope_AnswersInOurNamespace(SoapVersion version, string service, string operation, string content, string expect)
    {
        var (account, other, tweetId) = await FixtureAsync();
        var body = content.Replace("{tweet}", tweetId.ToString(), StringComparison.Ordinal)
            .Replace("{user}", account.User.Id.ToString(), StringComparison.Ordinal)
            .Replace("{other}", other.User.Id.ToString(), StringComparison.Ordinal)
            .Replace("{username}", account.User.Username, StringComparison.Ordinal);

        var response = await PostAsync(Service.Http, $"{service}.svc", version, Action(service, operation),
            Envelope(version, $"<{operation} xmlns=\"{Ns}\">{body}</{operation}>", UsernameToken(account.User.Username, account.Password)));

        Assert.AreEqual(HttpStatusCode.OK, response.Status, response.Body);
        Assert.IsNotNull(response.Xml.Descendants(Tns + $"{operation}Result").SingleOrDefault(), response.Body);
        Assert.IsTrue(response.Xml.Descendants(Tns + expect).Any(), $"{expect} in {response.Body}");
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11, "SocialService", "Like", "<tweetId>{id}</tweetId>", "NotFound")]
    [DataRow(SoapVersion.Soap12, "SocialService", "Follow", "<userId>{id}</userId>", "NotFound")]
    [DataRow(SoapVersion.Soap11, "TweetService", "SearchTweets", "<query>   </query>", "ValidationFailed")]
    [DataRow(SoapVersion.Soap12, "TweetService", "PostTweet", "<text>quote</text><quotedTweetId>{id}</quotedTweetId>", "NotFound")]
    [DataRow(SoapVersion.Soap12, "TweetService", "GetHomeTimeline", "<pageToken>forged</pageToken>", "ValidationFailed")]
    public async Task Operation_WithBadInput_IsATypedSenderFault(SoapVersion version, string service, string operation, string content, string code)
    {
        var (account, _, _) = await FixtureAsync();

        var response = await PostAsync(Service.Http, $"{service}.svc", version, Action(service, operation),
            Envelope(version, $"<{operation} xmlns=\"{Ns}\">{content.Replace("{id}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal)}</{operation}>",
                UsernameToken(account.User.Username, account.Password)));

        Assert.AreEqual(version == SoapVersion.Soap11 ? Soap11 + "Client" : Soap12 + "Sender", response.FaultCode);
        Assert.AreEqual(code, response.DetailCode);
    }

    [TestMethod]
    public async Task SocialWrite_WithoutSecurityHeader_IsUnauthenticated()
    {
        var response = await PostAsync(Service.Http, "SocialService.svc", SoapVersion.Soap12, Action("SocialService", "Like"),
            Envelope(SoapVersion.Soap12, $"<Like xmlns=\"{Ns}\"><tweetId>{Guid.CreateVersion7()}</tweetId></Like>"));

        Assert.AreEqual("Unauthenticated", response.DetailCode);
    }

    private static readonly SemaphoreSlim FixtureLock = new(1, 1);
    private static (Account Account, Account Other, Guid TweetId)? _fixture;

    /// <summary>Two accounts and a tweet shared by the rows, so the slow password hashing runs twice, not per row.</summary>
    private static async Task<(Account Account, Account Other, Guid TweetId)> FixtureAsync()
    {
        await FixtureLock.WaitAsync();
        try
        {
            if (_fixture is null)
            {
                var account = await Soap.SignUpAsync();
                var other = await Soap.SignUpAsync();
                var tweet = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("wire root", null, null, null);
                _fixture = (account, other, tweet.Id);
            }

            return _fixture.Value;
        }
        finally
        {
            FixtureLock.Release();
        }
    }
}
