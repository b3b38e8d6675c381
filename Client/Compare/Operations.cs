using System.Text.Json;

namespace TweetsSoap.Client.Compare;

/// <summary>One operation as each face asks for it.</summary>
public sealed record Operation(string Name, Func<Face, HttpRequestMessage> Request);

/// <summary>The operations compared, on data this run creates: its own user and one tweet of that user.</summary>
public static class Operations
{
    public static async Task<IReadOnlyList<Operation>> PrepareAsync(HttpClient http)
    {
        var username = "cmp" + Guid.NewGuid().ToString("N")[..12];
        const string password = "compare password";
        var faces = new Faces(username, password);

        var signUp = faces.Json(HttpMethod.Post, "api/signup",
            $$"""{"username":"{{username}}","email":"{{username}}@example.org","password":"{{password}}","firstName":"Ada","lastName":"Lovelace"}""", false);
        var userId = await IdOfAsync(http, signUp);
        var tweetId = await IdOfAsync(http, faces.Json(HttpMethod.Post, "api/tweets", """{"text":"Hello from the comparison"}""", true));
        const string text = "Comparing SOAP and JSON on the same operation 👋";

        return
        [
            new("GetTweet", f => f == Face.Json
                ? faces.Json(HttpMethod.Get, $"api/tweets/{tweetId}", null, false)
                : faces.Soap(f, "TweetService", "GetTweet", $"<tweetId>{tweetId}</tweetId>", false)),
            new("ListTweets (20)", f => f == Face.Json
                ? faces.Json(HttpMethod.Get, "api/tweets?maxResults=20", null, false)
                : faces.Soap(f, "TweetService", "ListTweets", "<maxResults>20</maxResults>", false)),
            new("PostTweet", f => f == Face.Json
                ? faces.Json(HttpMethod.Post, "api/tweets", $$"""{"text":"{{text}}"}""", true)
                : faces.Soap(f, "TweetService", "PostTweet", $"<text>{text}</text>", true)),
            new("UpdateTweet", f => f == Face.Json
                ? faces.Json(HttpMethod.Put, $"api/tweets/{tweetId}", $$"""{"text":"{{text}}"}""", true)
                : faces.Soap(f, "TweetService", "UpdateTweet", $"<tweetId>{tweetId}</tweetId><text>{text}</text>", true)),
            new("GetUser", f => f == Face.Json
                ? faces.Json(HttpMethod.Get, $"api/users/{userId}", null, false)
                : faces.Soap(f, "UserService", "GetUser", $"<userId>{userId}</userId>", false)),
            new("ListUsers (20)", f => f == Face.Json
                ? faces.Json(HttpMethod.Get, "api/users?maxResults=20", null, false)
                : faces.Soap(f, "UserService", "ListUsers", "<maxResults>20</maxResults>", false)),
            new("Login", f => f == Face.Json
                ? faces.Json(HttpMethod.Post, "api/login", null, true)
                : faces.Soap(f, "UserService", "Login", "", true)),
        ];
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
