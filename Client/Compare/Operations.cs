using System.Text.Json;

namespace TweetsSoap.Client.Compare;

/// <summary>
/// One operation as each face asks for it. <see cref="Request"/> may first create what the request consumes (the
/// tweet a DeleteTweet deletes): that set-up is not timed, only the request it returns.
/// </summary>
public sealed record Operation(string Name, Func<Face, Task<HttpRequestMessage>> Request);

/// <summary>
/// Every operation of the three services, on data this run creates: two users, Ada (who calls) and Grace, a tweet
/// of Grace's that Ada answers, likes and retweets, and Ada following Grace, so every listing has something to list.
/// </summary>
public static class Operations
{
    private const string Password = "compare password";
    private const string Text = "Comparing SOAP and JSON on the same operation 👋";

    public static async Task<IReadOnlyList<Operation>> PrepareAsync(HttpClient http)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var created = 0;
        string Fresh() => $"c{run}{Interlocked.Increment(ref created)}";

        var (ada, adaId) = await SignUpAsync(http, Fresh());
        var (grace, graceId) = await SignUpAsync(http, Fresh());
        var tweetId = await IdOfAsync(http, grace.Json(HttpMethod.Post, "api/tweets", """{"text":"Hello from the #comparison"}""", true));
        var replyId = await IdOfAsync(http, ada.Json(HttpMethod.Post, "api/tweets", $$"""{"text":"A reply","inReplyToTweetId":"{{tweetId}}"}""", true));
        foreach (var path in new[] { $"api/users/me/following/{graceId}", $"api/users/me/likes/{tweetId}", $"api/users/me/retweets/{tweetId}" })
        {
            await IdOfAsync(http, ada.Json(HttpMethod.Put, path, null, true));
        }

        const string page = "<maxResults>20</maxResults>";
        Operation Op(string name, string service, string soapArguments, bool authenticated, HttpMethod method, string path, string? body = null) =>
            new(name, f => Task.FromResult(f == Face.Json
                ? ada.Json(method, path, body, authenticated)
                : ada.Soap(f, service, name.Split(' ')[0], soapArguments, authenticated)));

        return
        [
            new("SignUp", f =>
            {
                var username = Fresh();
                return Task.FromResult(f == Face.Json
                    ? ada.Json(HttpMethod.Post, "api/signup", SignUpJson(username), false)
                    : ada.Soap(f, "UserService", "SignUp", $"<username>{username}</username><email>{username}@example.org</email><password>{Password}</password><firstName>Ada</firstName><lastName>Lovelace</lastName>", false));
            }),
            Op("Login", "UserService", "", true, HttpMethod.Post, "api/login"),
            Op("GetUser", "UserService", $"<userId>{adaId}</userId>", false, HttpMethod.Get, $"api/users/{adaId}"),
            Op("GetUsersByUsernames (2)", "UserService", $"<usernames xmlns:a=\"{Arrays}\"><a:string>{ada.Username}</a:string><a:string>{grace.Username}</a:string></usernames>", false,
                HttpMethod.Get, $"api/users/by?usernames={ada.Username},{grace.Username}"),
            Op("ListUsers (20)", "UserService", page, false, HttpMethod.Get, "api/users?maxResults=20"),
            Op("UpdateUser", "UserService", $"<userId>{adaId}</userId><firstName>Augusta</firstName>", true, HttpMethod.Put, $"api/users/{adaId}", """{"firstName":"Augusta"}"""),
            new("DeleteUser", async f =>
            {
                var (doomed, doomedId) = await SignUpAsync(http, Fresh());
                return f == Face.Json
                    ? doomed.Json(HttpMethod.Delete, $"api/users/{doomedId}", null, true)
                    : doomed.Soap(f, "UserService", "DeleteUser", $"<userId>{doomedId}</userId>", true);
            }),
            Op("PostTweet", "TweetService", $"<text>{Text}</text>", true, HttpMethod.Post, "api/tweets", $$"""{"text":"{{Text}}"}"""),
            Op("GetTweet", "TweetService", $"<tweetId>{tweetId}</tweetId>", false, HttpMethod.Get, $"api/tweets/{tweetId}"),
            Op("GetTweets (2)", "TweetService", $"<tweetIds xmlns:a=\"{Arrays}\"><a:guid>{tweetId}</a:guid><a:guid>{replyId}</a:guid></tweetIds>", false,
                HttpMethod.Get, $"api/tweets?ids={tweetId},{replyId}"),
            Op("ListTweets (20)", "TweetService", page, false, HttpMethod.Get, "api/tweets?maxResults=20"),
            Op("GetUserTimeline (20)", "TweetService", $"<userId>{adaId}</userId>{page}", false, HttpMethod.Get, $"api/users/{adaId}/tweets?maxResults=20"),
            Op("GetHomeTimeline (20)", "TweetService", page, true, HttpMethod.Get, "api/users/me/timeline?maxResults=20"),
            Op("GetConversation (20)", "TweetService", $"<conversationId>{tweetId}</conversationId>{page}", false, HttpMethod.Get, $"api/conversations/{tweetId}?maxResults=20"),
            Op("SearchTweets (20)", "TweetService", $"<query>#comparison</query>{page}", false, HttpMethod.Get, "api/tweets/search?query=%23comparison&maxResults=20"),
            Op("UpdateTweet", "TweetService", $"<tweetId>{replyId}</tweetId><text>{Text}</text>", true, HttpMethod.Put, $"api/tweets/{replyId}", $$"""{"text":"{{Text}}"}"""),
            new("DeleteTweet", async f =>
            {
                var doomedId = await IdOfAsync(http, ada.Json(HttpMethod.Post, "api/tweets", """{"text":"soon gone"}""", true));
                return f == Face.Json
                    ? ada.Json(HttpMethod.Delete, $"api/tweets/{doomedId}", null, true)
                    : ada.Soap(f, "TweetService", "DeleteTweet", $"<tweetId>{doomedId}</tweetId>", true);
            }),
            Op("Follow", "SocialService", $"<userId>{graceId}</userId>", true, HttpMethod.Put, $"api/users/me/following/{graceId}"),
            Op("Unfollow", "SocialService", $"<userId>{adaId}</userId>", true, HttpMethod.Delete, $"api/users/me/following/{adaId}"),
            Op("ListFollowers (20)", "SocialService", $"<userId>{graceId}</userId>{page}", false, HttpMethod.Get, $"api/users/{graceId}/followers?maxResults=20"),
            Op("ListFollowing (20)", "SocialService", $"<userId>{adaId}</userId>{page}", false, HttpMethod.Get, $"api/users/{adaId}/following?maxResults=20"),
            Op("Like", "SocialService", $"<tweetId>{tweetId}</tweetId>", true, HttpMethod.Put, $"api/users/me/likes/{tweetId}"),
            Op("Unlike", "SocialService", $"<tweetId>{replyId}</tweetId>", true, HttpMethod.Delete, $"api/users/me/likes/{replyId}"),
            Op("ListLikingUsers (20)", "SocialService", $"<tweetId>{tweetId}</tweetId>{page}", false, HttpMethod.Get, $"api/tweets/{tweetId}/liking-users?maxResults=20"),
            Op("ListLikedTweets (20)", "SocialService", $"<userId>{adaId}</userId>{page}", false, HttpMethod.Get, $"api/users/{adaId}/liked-tweets?maxResults=20"),
            Op("Retweet", "SocialService", $"<tweetId>{tweetId}</tweetId>", true, HttpMethod.Put, $"api/users/me/retweets/{tweetId}"),
            Op("UndoRetweet", "SocialService", $"<tweetId>{replyId}</tweetId>", true, HttpMethod.Delete, $"api/users/me/retweets/{replyId}"),
            Op("ListRetweeters (20)", "SocialService", $"<tweetId>{tweetId}</tweetId>{page}", false, HttpMethod.Get, $"api/tweets/{tweetId}/retweeted-by?maxResults=20"),
        ];
    }

    private const string Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

    private static string SignUpJson(string username) =>
        $$"""{"username":"{{username}}","email":"{{username}}@example.org","password":"{{Password}}","firstName":"Ada","lastName":"Lovelace"}""";

    private static async Task<(Faces Faces, string Id)> SignUpAsync(HttpClient http, string username)
    {
        var faces = new Faces(username, Password);
        return (faces, await IdOfAsync(http, faces.Json(HttpMethod.Post, "api/signup", SignUpJson(username), false)));
    }

    private static async Task<string> IdOfAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Preparing the comparison failed: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
            }

            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        }
    }
}
