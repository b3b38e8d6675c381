using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using TweetsSoap.Benchmarks.Harness;

namespace TweetsSoap.Benchmarks.Alloc;

/// <summary>
/// Bytes allocated by one GetTweet over SOAP 1.1 and over JSON, against the real service on Kestrel in this process
/// (so the figure counts the server's allocations and the client's, alike for both faces).
/// </summary>
public class GetTweetAllocations
{
    private InProcessService _service = null!;
    private byte[] _envelope = null!;
    private string _jsonPath = null!;

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    private async Task StartAsync()
    {
        _service = await InProcessService.StartAsync([]);
        using var seeder = new JsonSeeder(_service.Http.BaseAddress!);
        var author = await seeder.SignUpAsync("alloc");
        var tweet = await seeder.PostAsync(author, "allocation benchmark");
        _envelope = Encoding.UTF8.GetBytes(
            $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetTweet xmlns="{InProcessService.Ns}"><tweetId>{tweet}</tweetId></GetTweet></s:Body></s:Envelope>""");
        _jsonPath = $"api/tweets/{tweet}";
    }

    [GlobalCleanup]
    public void Stop() => _service.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<int> Json()
    {
        using var response = await _service.Http.GetAsync(_jsonPath);
        return (await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark]
    public async Task<int> Soap()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "TweetService.svc") { Content = new ByteArrayContent(_envelope) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{InProcessService.Ns}/TweetService/GetTweet\"");
        using var response = await _service.Http.SendAsync(request);
        return (await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync()).Length;
    }
}
