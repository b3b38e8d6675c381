using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using TweetsSoap.Service;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>
/// The service on Kestrel in this process, on a loopback port and a fresh SQLite file (or the given storage), for
/// benchmarks that time single calls or count allocations rather than drive load.
/// </summary>
internal sealed class InProcessService : IAsyncDisposable
{
    public const string Ns = "http://tweetssoap.example/2026/11";

    private readonly WebApplication _app;
    private readonly string _directory;

    private InProcessService(WebApplication app, string directory, HttpClient http)
    {
        _app = app;
        _directory = directory;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <param name="configure">Changes to the services before the host is built (e.g. another login ledger).</param>
    public static async Task<InProcessService> StartAsync(string[] settings, Action<IServiceCollection>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-bench-").FullName;
        var builder = WebApplication.CreateBuilder(
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:SqlitePath={Path.Combine(directory, "tweets.db")}",
            "--Logging:LogLevel:Default=None",
            .. settings,
        ]);
        builder.Services.AddTweetsSoap(builder.Configuration, builder.Environment);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseTweetsSoap();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new InProcessService(app, directory, new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") });
    }

    /// <summary>Posts a SOAP 1.1 envelope; the answer's status and body.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body)> PostSoapAsync(string service, string operation, string body, string header = "")
    {
        var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>{header}</s:Header><s:Body>{body}</s:Body></s:Envelope>""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{service}.svc") { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Add("SOAPAction", $"\"{Ns}/{service}/{operation}\"");
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
