using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using HdrHistogram;

namespace TweetsSoap.Client.Compare;

/// <summary>The figures of one operation over one face.</summary>
public sealed record Figures(
    string Operation, Face Face, long RequestBytes, long RequestGzipBytes, long ResponseBytes, long ResponseGzipBytes,
    double MedianMs, double P99Ms, double RequestsPerSecond);

/// <summary>Sizes one exchange, then times many at a fixed concurrency into an HdrHistogram.</summary>
public static class Measurement
{
    /// <summary>Timed in slices, the faces taking turns, so a neighbour's burst of load slows every face alike.</summary>
    private const int Slices = 5;

    public static async Task<IReadOnlyList<Figures>> RunAsync(HttpClient http, Operation operation, CompareOptions options, Action advance)
    {
        var faces = Enum.GetValues<Face>();
        var sizes = new Dictionary<Face, (long, long, long, long)>();
        foreach (var face in faces)
        {
            var (requestBytes, requestGzip) = await SizeAsync(await operation.Request(face), isRequest: true, http);
            var (responseBytes, responseGzip) = await SizeAsync(await operation.Request(face), isRequest: false, http);
            sizes[face] = (requestBytes, requestGzip, responseBytes, responseGzip);
            for (var i = 0; i < Math.Min(20, options.Requests); i++)
            {
                await SendAsync(http, await operation.Request(face));
            }
        }

        var histograms = faces.ToDictionary(f => f, _ => new LongHistogram(Stopwatch.Frequency * 60, 3));
        var elapsed = faces.ToDictionary(f => f, _ => TimeSpan.Zero);
        var sent = faces.ToDictionary(f => f, _ => 0);
        for (var slice = 0; slice < Slices; slice++)
        {
            var count = options.Requests / Slices + (slice < options.Requests % Slices ? 1 : 0);
            foreach (var face in faces)
            {
                // Built before the clock starts: some requests first create what they consume (DeleteTweet's tweet).
                var requests = new HttpRequestMessage[count];
                for (var i = 0; i < count; i++)
                {
                    requests[i] = await operation.Request(face);
                }

                var clock = Stopwatch.StartNew();
                await TimeAsync(http, requests, options.Concurrency, histograms[face], advance);
                elapsed[face] += clock.Elapsed;
                sent[face] += count;
            }
        }

        return [.. faces.Select(f =>
        {
            var (requestBytes, requestGzip, responseBytes, responseGzip) = sizes[f];
            return new Figures(operation.Name, f, requestBytes, requestGzip, responseBytes, responseGzip,
                Ms(histograms[f].GetValueAtPercentile(50)), Ms(histograms[f].GetValueAtPercentile(99)), sent[f] / elapsed[f].TotalSeconds);
        })];
    }

    /// <summary>Sends the requests from <paramref name="concurrency"/> callers at once, recording each latency.</summary>
    private static async Task TimeAsync(HttpClient http, HttpRequestMessage[] requests, int concurrency, LongHistogram into, Action advance)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Length; i = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                await SendAsync(http, requests[i]);
                var ticks = Stopwatch.GetTimestamp() - start;
                lock (into)
                {
                    into.RecordValue(ticks);
                }

                advance();
            }
        }));
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static async Task SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        using (var response = await http.SendAsync(request))
        {
            var body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
            }
        }
    }

    /// <summary>
    /// The HTTP/1.1 message as it crosses the wire: start line, headers and body; and the same with the body
    /// gzip-compressed (what Content-Encoding: gzip would send). Headers are counted as HttpClient sends them.
    /// </summary>
    private static async Task<(long Plain, long Gzip)> SizeAsync(HttpRequestMessage request, bool isRequest, HttpClient http)
    {
        using (request)
        {
            if (isRequest)
            {
                var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
                var head = new StringBuilder($"{request.Method} /{request.RequestUri} HTTP/1.1\r\nHost: {http.BaseAddress!.Authority}\r\n");
                AppendHeaders(head, request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()));
                if (body.Length > 0)
                {
                    head.Append($"Content-Length: {body.Length}\r\n");
                }

                return Sizes(head.Append("\r\n").ToString(), body);
            }

            using var response = await http.SendAsync(request);
            var content = await response.Content.ReadAsByteArrayAsync();
            var start = new StringBuilder($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
            AppendHeaders(start, response.Headers.Concat(response.Content.Headers));
            return Sizes(start.Append("\r\n").ToString(), content);
        }
    }

    private static void AppendHeaders(StringBuilder into, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        foreach (var (name, values) in headers)
        {
            into.Append($"{name}: {string.Join(", ", values)}\r\n");
        }
    }

    private static (long Plain, long Gzip) Sizes(string head, byte[] body)
    {
        var headBytes = Encoding.ASCII.GetByteCount(head);
        if (body.Length == 0)
        {
            return (headBytes, headBytes);
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        // With gzip the message also says so: "Content-Encoding: gzip\r\n" is 24 bytes.
        return (headBytes + body.Length, headBytes + 24 + compressed.Length);
    }
}
