using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TweetsSoap.Service.OpenApi;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.OpenApi;

/// <summary>
/// Calls every documented operation the right way and several wrong ways (no or wrong credentials, an id that is
/// not a UUID or names nothing, someone else's resource, bad paging, a body that is missing, unreadable or not
/// JSON), and holds each answer against the document: its status must be one the operation declares, with the
/// declared <c>code</c>; and every declared status a client can cause must have been seen.
/// </summary>
[TestClass]
public sealed class OpenApiResponseTests : ServiceTests<OpenApiResponseTests>
{
    /// <summary>Statuses no client call can cause on a healthy service: throttling, unexpected errors, a database outage.</summary>
    private static readonly string[] NotProvoked = ["429", "500", "503"];

    private static readonly int FailedLoginsPerAccount = new TweetsSoap.Service.Identity.CredentialOptions().FailedLoginsPerAccount;

    [TestMethod]
    public async Task EveryOperation_AnswersOnlyDocumentedStatusesAndCodes_AndEveryDocumentedClientErrorIsReachable()
    {
        using var response = await Service.Http.GetAsync(OpenApiSetup.DocumentPath.TrimStart('/'));
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var world = await World.CreateAsync();
        var unexplained = new List<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!;
                var name = (string)operation["operationId"]!;
                var responses = operation["responses"]!.AsObject();
                var seen = new HashSet<string>();
                var probes = Probes(world, method.ToUpperInvariant(), path, operation).ToList();
                if (method == "delete")
                {
                    // A deletion done as documented goes last: the other probes still need what it deletes.
                    probes = [.. probes.Skip(1), probes[0]];
                }

                foreach (var probe in probes)
                {
                    var (status, code) = await SendAsync(probe);
                    seen.Add(status);
                    if (!responses.ContainsKey(status))
                    {
                        unexplained.Add($"{name} {probe.Label}: {status} {code} is not documented");
                    }
                    else if (code is not null && ReferencedCode(responses[status]!) != code)
                    {
                        unexplained.Add($"{name} {probe.Label}: {status} came with code {code}, documented {ReferencedCode(responses[status]!)}");
                    }
                }

                var unseen = responses.Select(r => r.Key).Except(seen).Except(NotProvoked).ToList();
                if (unseen.Count > 0)
                {
                    unexplained.Add($"{name}: documented {string.Join(", ", unseen)} never answered");
                }
            }
        }

        Assert.AreEqual(0, unexplained.Count, string.Join("\n", unexplained));
    }

    /// <summary>The code a problem response component stands for; 415 is a MalformedRequest with Kestrel's status.</summary>
    private static string? ReferencedCode(JsonNode response) =>
        ((string?)response["$ref"])?.Split('/')[^1] is { } id ? id == ProblemResponses.UnsupportedMediaType ? "MalformedRequest" : id : null;

    private static async Task<(string Status, string? Code)> SendAsync(Probe probe)
    {
        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path.TrimStart('/'));
        if (probe.Body is not null)
        {
            request.Content = new StringContent(probe.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(probe.MediaType);
        }

        if (probe.Caller is { } caller)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(caller)));
        }

        using var response = await Service.Http.SendAsync(request);
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return (status, null);
        }

        return (status, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
    }

    private static IEnumerable<Probe> Probes(World world, string method, string path, JsonNode operation)
    {
        var name = (string)operation["operationId"]!;
        var secured = operation["security"] is not null;
        var queryNames = operation["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToHashSet() ?? [];
        var hasBody = operation["requestBody"] is not null;
        var owner = method == "DELETE" && path == "/api/users/{id}" ? world.Fresh() : world.Ada;
        string Fill(Func<string, string> id) => System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m => id(m.Groups[1].Value));
        var happyPath = Fill(parameter => world.IdFor(method, path, parameter, owner));
        var query = name switch
        {
            "SearchTweets" => "?query=probe",
            "GetUsersByUsernames" => $"?usernames={world.Ada.Username}",
            _ => "",
        };
        var body = world.BodyFor(name);
        var json = "application/json";

        yield return new("as documented", method, happyPath + query, body, json, owner.Basic);
        if (queryNames.Contains("ids"))
        {
            yield return new("with ids", method, $"{happyPath}?ids={world.GraceTweet},{Guid.CreateVersion7()}", null, json, null);
        }

        if (secured)
        {
            yield return new("without credentials", method, happyPath + query, body, json, null);
        }

        if (name == "Login")
        {
            // Failed logins count per account and address, so only Login spends them: up to the account's limit, then one more.
            var stranger = world.Fresh();
            for (var attempt = 0; attempt <= FailedLoginsPerAccount; attempt++)
            {
                yield return new($"with a wrong password, attempt {attempt + 1}", method, happyPath, null, json, $"{stranger.Username}:not the password");
            }
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            yield return new("with an id that is not a UUID", method, Fill(_ => "not-a-uuid") + query, body, json, owner.Basic);
            yield return new("with an id that names nothing", method, Fill(_ => Guid.CreateVersion7().ToString()) + query, body, json, owner.Basic);
            yield return new("with the nil UUID, which is no id", method, Fill(_ => Guid.Empty.ToString()) + query, body, json, owner.Basic);
            if (method is "PUT" or "DELETE" && path is "/api/users/{id}" or "/api/tweets/{id}")
            {
                yield return new("on someone else's resource", method, Fill(_ => path.StartsWith("/api/users", StringComparison.Ordinal) ? world.Grace.Id : world.GraceTweet), body, json, world.Ada.Basic);
            }
        }

        if (queryNames.Contains("maxResults"))
        {
            yield return new("with maxResults 0", method, happyPath + (query.Length == 0 ? "?" : query + "&") + "maxResults=0", body, json, owner.Basic);
            yield return new("with maxResults that is not a number", method, happyPath + (query.Length == 0 ? "?" : query + "&") + "maxResults=many", body, json, owner.Basic);
        }

        if (name is "SearchTweets" or "GetUsersByUsernames")
        {
            yield return new("with nothing to look for", method, happyPath, null, json, null);
        }

        if (hasBody)
        {
            yield return new("with an empty object", method, happyPath, "{}", json, owner.Basic);
            yield return new("with unreadable JSON", method, happyPath, "{\"text\":", json, owner.Basic);
            yield return new("with a body that is not JSON", method, happyPath, "text=hello", "application/x-www-form-urlencoded", owner.Basic);
        }

        if (world.ConflictFor(name) is { } conflicting)
        {
            yield return new("conflicting with an earlier call", method, happyPath, conflicting, json, owner.Basic);
        }

        if (world.WrongFor(name) is { } wrong)
        {
            yield return new("with a field naming nothing or out of range", method, happyPath, wrong, json, owner.Basic);
        }
    }

    private sealed record Probe(string Label, string Method, string Path, string? Body, string MediaType, string? Caller);

    private sealed record Caller(string Id, string Username, string Password)
    {
        public string Basic => $"{Username}:{Password}";
    }

    /// <summary>Two users with a tweet each; deletions get fresh users and tweets so the others stay.</summary>
    private sealed class World
    {
        private const string Password = "correct horse battery";

        public required Caller Ada { get; init; }

        public required Caller Grace { get; init; }

        public required string GraceTweet { get; init; }

        public required string AdaTweet { get; init; }

        public static async Task<World> CreateAsync()
        {
            var ada = await SignUpAsync();
            var grace = await SignUpAsync();
            return new World { Ada = ada, Grace = grace, GraceTweet = await PostAsync(grace, "Grace's tweet"), AdaTweet = await PostAsync(ada, "Ada's tweet") };
        }

        public Caller Fresh() => SignUpAsync().GetAwaiter().GetResult();

        /// <summary>The id a path parameter takes when the call is made as documented.</summary>
        public string IdFor(string method, string path, string parameter, Caller owner) => (parameter, path) switch
        {
            ("userId", _) => Grace.Id,
            ("tweetId", _) => GraceTweet,
            ("id", "/api/users/{id}") when method is "PUT" or "DELETE" => owner.Id,
            ("id", _) when path.StartsWith("/api/users/", StringComparison.Ordinal) => Ada.Id,
            ("id", "/api/tweets/{id}") when method == "PUT" => AdaTweet,
            ("id", "/api/tweets/{id}") when method == "DELETE" => PostAsync(Ada, "to be deleted").GetAwaiter().GetResult(),
            _ => GraceTweet,
        };

        public string? BodyFor(string operation) => operation switch
        {
            "SignUp" => SignUpBody(SoapClients.UniqueUsername()),
            "PostTweet" => """{"text":"probe","clientRequestId":"probe-1"}""",
            "UpdateUser" => """{"lastName":"King"}""",
            "UpdateTweet" => """{"text":"edited probe"}""",
            _ => null,
        };

        /// <summary>A second call that takes what an earlier one took: Ada's username, or a retry id with other text.</summary>
        public string? ConflictFor(string operation) => operation switch
        {
            "SignUp" => SignUpBody(Ada.Username),
            "UpdateUser" => $$"""{"username":"{{Grace.Username}}"}""",
            "PostTweet" => """{"text":"another probe","clientRequestId":"probe-1"}""",
            _ => null,
        };

        /// <summary>A body that reads well but that the operation refuses: a reply to no tweet, an address that is not one.</summary>
        public string? WrongFor(string operation) => operation switch
        {
            "PostTweet" => $$"""{"text":"probe","inReplyToTweetId":"{{Guid.CreateVersion7()}}"}""",
            "UpdateUser" => """{"email":"not an address"}""",
            _ => null,
        };

        private static string SignUpBody(string username) =>
            $$"""{"username":"{{username}}","email":"{{username}}@example.org","password":"{{Password}}","firstName":"Probe","lastName":"User"}""";

        private static async Task<Caller> SignUpAsync()
        {
            var username = SoapClients.UniqueUsername();
            using var content = new StringContent(SignUpBody(username), Encoding.UTF8, "application/json");
            using var response = await Service.Http.PostAsync("api/signup", content);
            Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
            return new Caller((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!, username, Password);
        }

        private static async Task<string> PostAsync(Caller author, string text)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/tweets")
            {
                Content = new StringContent($$"""{"text":"{{text}}"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(author.Basic)));
            using var response = await Service.Http.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
            return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
        }
    }
}
