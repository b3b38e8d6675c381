using System.Diagnostics;

namespace TweetsSoap.Benchmarks.Read;

/// <summary>One wrk case: one request, repeated by wrk through a Lua script written from it.</summary>
internal sealed record WrkCase(string Name, Uri Target, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string Script { get; init; } = "";

    // Lua long strings ([==[ ... ]==]) take envelopes and paths as they are, quotes and all.
    public string Lua() =>
        $"wrk.method = \"{Method}\"\nwrk.path = [==[{Path}]==]\n"
        + string.Concat(Headers.Select(h => $"wrk.headers[\"{h.Key}\"] = [==[{h.Value}]==]\n"))
        + (Body is null ? "" : $"wrk.body = [==[{Body}]==]\n");

    /// <summary>
    /// Sends the request once and fails unless it succeeds, with the answer: wrk counts only completed requests,
    /// so a case that faults or takes longer than a round would otherwise show up as a row of near-zero figures.
    /// </summary>
    public async Task ProbeAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Target, Path.TrimStart('/')));
        if (Body is not null)
        {
            request.Content = new StringContent(Body);
            request.Content.Headers.Remove("Content-Type");
        }

        foreach (var (name, value) in Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{Name} answered {(int)response.StatusCode} to its probe:\n{answer}");
        }

        Console.Error.WriteLine($"probe {Name}: {(int)response.StatusCode} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
    }
}
