using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TweetsSoap.Contracts;

namespace TweetsSoap.Tests.Support;

/// <summary>Calls the JSON face over real HTTP, as a REST client would, with or without Basic credentials.</summary>
public sealed class JsonApi(HttpClient http)
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, Account? account = null) =>
        SendAsync(method, path, body, account?.User.Username, account?.Password);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? username, string? password)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Options);
        }

        if (username is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        }

        return await http.SendAsync(request);
    }

    /// <summary>Sends, expects <paramref name="status"/>, and reads the body as <typeparamref name="T"/>.</summary>
    public async Task<T> ExpectAsync<T>(HttpStatusCode status, HttpMethod method, string path, object? body = null, Account? account = null)
    {
        using var response = await SendAsync(method, path, body, account);
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(status, response.StatusCode, text);
        StringAssert.StartsWith(response.Content.Headers.ContentType?.MediaType, "application/json");
        return JsonSerializer.Deserialize<T>(text, Options)!;
    }

    /// <summary>Reads a problem-details response: its status, its media type and the contract's fault fields.</summary>
    public static async Task<JsonProblem> ProblemOfAsync(HttpResponseMessage response)
    {
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        var problem = JsonSerializer.Deserialize<JsonProblem>(await response.Content.ReadAsStringAsync(), Options)!;
        Assert.AreEqual((int)response.StatusCode, problem.Status, "the status member repeats the HTTP status");
        return problem;
    }
}

/// <summary>An RFC 9457 problem as the JSON face writes it.</summary>
public sealed record JsonProblem(string Type, string Title, int Status, string Detail, ErrorCode Code, List<string>? Fields, string? CorrelationId, int? RetryAfterSeconds = null);
