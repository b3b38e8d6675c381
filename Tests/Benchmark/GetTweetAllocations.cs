using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Benchmark;

/// <summary>
/// Bytes allocated by one GetTweet over SOAP 1.1 and over JSON, against the real service on Kestrel in this process
/// (so the figure counts the server's allocations and the client's, alike for both faces).
/// </summary>
[MemoryDiagnoser]
public class GetTweetAllocations
{
    private const string Ns = "http://tweetssoap.example/2026/11";
    private ServiceFixture _service = null!;
    private byte[] _envelope = null!;
    private string _jsonPath = null!;

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    private async Task StartAsync()
    {
        _service = await ServiceFixture.StartAsync("--Logging:LogLevel:Default=Warning");
        using var clients = new SoapClients(_service);
        var author = await clients.SignUpAsync();
        var tweet = await clients.Tweets(SoapVersion.Soap11, author).PostTweetAsync("allocation benchmark", null, null, null)
            ?? throw new InvalidOperationException("PostTweet answered no tweet.");
        _envelope = Encoding.UTF8.GetBytes(
            $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetTweet xmlns="{Ns}"><tweetId>{tweet.Id}</tweetId></GetTweet></s:Body></s:Envelope>""");
        _jsonPath = $"api/tweets/{tweet.Id}";
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
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{Ns}/TweetService/GetTweet\"");
        using var response = await _service.Http.SendAsync(request);
        return (await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync()).Length;
    }
}
