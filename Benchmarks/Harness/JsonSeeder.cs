using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>A seeded user: what wrk scripts need to act as them.</summary>
internal sealed record BenchUser(string Name, string Password, Guid Id)
{
    public string Basic => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Name}:{Password}"));
}

/// <summary>Seeds a running service through its JSON face, as any client would.</summary>
internal sealed class JsonSeeder(Uri service) : IDisposable
{
    public const string Password = "correct horse battery";

    private readonly HttpClient _http = new() { BaseAddress = service, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<BenchUser> SignUpAsync(string name)
    {
        using var response = await _http.PostAsJsonAsync("api/signup", new { username = name, email = $"{name}@example.org", password = Password, firstName = "Ada", lastName = "Lovelace" });
        return new BenchUser(name, Password, await IdOfAsync(response, "signup"));
    }

    public async Task<Guid> PostAsync(BenchUser author, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/tweets") { Content = JsonContent.Create(new { text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", author.Basic);
        using var response = await _http.SendAsync(request);
        return await IdOfAsync(response, "post");
    }

    public async Task FollowAsync(BenchUser follower, BenchUser followee)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/users/me/following/{followee.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", follower.Basic);
        using var response = await _http.SendAsync(request);
        await EnsureSuccessAsync(response, "follow");
    }

    public void Dispose() => _http.Dispose();

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response, string what)
    {
        await EnsureSuccessAsync(response, what);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding ({what}) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
