using TweetsSoap.Benchmarks.Harness;

namespace TweetsSoap.Benchmarks.Read;

/// <summary>The read benchmark's data and its cases.</summary>
internal static class ReadCases
{
    private const string Ns = "http://tweetssoap.example/2026/11";

    /// <summary>
    /// Seeds an author with 100 tweets (GetTweet reads the newest) and a reader who follows them (the home
    /// timeline), probes every case once, and writes the cases' scripts into <paramref name="folder"/>.
    /// </summary>
    public static async Task<List<WrkCase>> SeedAsync(Uri service, Uri peer, bool posts, string folder)
    {
        using var seeder = new JsonSeeder(service);
        var suffix = Random.Shared.Next(100_000);
        var author = await seeder.SignUpAsync($"bench{suffix}");
        var reader = await seeder.SignUpAsync($"reader{suffix}");
        var tweet = Guid.Empty;
        for (var i = 1; i <= 100; i++)
        {
            tweet = await seeder.PostAsync(author, $"seed tweet {i}");
        }

        await seeder.FollowAsync(reader, author);

        var getTweet = $"<GetTweet xmlns=\"{Ns}\"><tweetId>{tweet}</tweetId></GetTweet>";
        var cases = new List<WrkCase>
        {
            Json("ceiling", service, "GET", "/ping"),
            Soap("peer-get", peer, "GetTweet", "", getTweet),
            Soap("soap-get", service, "GetTweet", "", getTweet),
            Json("json-get", service, "GET", $"/api/tweets/{tweet}"),
            Soap("soap-list", service, "ListTweets", "", $"<ListTweets xmlns=\"{Ns}\"><maxResults>20</maxResults></ListTweets>"),
            Json("json-list", service, "GET", "/api/tweets?maxResults=20"),
            Soap("soap-home", service, "GetHomeTimeline", Token(reader), $"<GetHomeTimeline xmlns=\"{Ns}\"><maxResults>20</maxResults></GetHomeTimeline>"),
            Json("json-home", service, "GET", "/api/users/me/timeline?maxResults=20", authorization: $"Basic {reader.Basic}"),
        };
        if (posts)
        {
            cases.Add(Soap("soap-post", service, "PostTweet", Token(author), $"<PostTweet xmlns=\"{Ns}\"><text>benchmark tweet</text></PostTweet>"));
            cases.Add(Json("json-post", service, "POST", "/api/tweets", """{"text":"benchmark tweet"}""", $"Basic {author.Basic}"));
        }

        var result = new List<WrkCase>();
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        foreach (var @case in cases)
        {
            await @case.ProbeAsync(http);
            var script = Path.Combine(folder, @case.Name + ".lua");
            await File.WriteAllTextAsync(script, @case.Lua());
            result.Add(@case with { Script = script });
        }

        return result;
    }

    private static string Token(BenchUser user) =>
        "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"><wsse:UsernameToken>" +
        $"<wsse:Username>{user.Name}</wsse:Username>" +
        $"<wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">{user.Password}</wsse:Password>" +
        "</wsse:UsernameToken></wsse:Security>";

    private static WrkCase Soap(string name, Uri target, string operation, string header, string body) => new(
        name, target, "POST", "/TweetService.svc",
        new Dictionary<string, string> { ["Content-Type"] = "text/xml; charset=utf-8", ["SOAPAction"] = $"\"{Ns}/TweetService/{operation}\"" },
        $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>""");

    private static WrkCase Json(string name, Uri target, string method, string path, string? body = null, string? authorization = null)
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
        if (authorization is not null)
        {
            headers["Authorization"] = authorization;
        }

        return new WrkCase(name, target, method, path, headers, body);
    }
}
