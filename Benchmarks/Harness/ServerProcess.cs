using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>
/// A server under load in a process of its own (the service, the SoapCore peer), as operators run it: wrk and this
/// harness do not share its thread pool or its garbage collector. Killed when disposed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>CPU time the process has used so far (user and system), from /proc.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The service built beside this harness (from this tree, in the harness's configuration).</summary>
    public static string ServiceAssembly => Path.Combine(AppContext.BaseDirectory, "TweetsSoap.Service.dll");

    public static string PeerAssembly => Path.Combine(AppContext.BaseDirectory, "TweetsSoap.SoapCorePeer.dll");

    /// <summary>Starts <c>dotnet <paramref name="assembly"/></c> on a free loopback port and waits for <paramref name="readyPath"/>.</summary>
    public static async Task<ServerProcess> StartAsync(string assembly, string readyPath, params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (var argument in (string[])[assembly, $"--urls=http://127.0.0.1:{port}", .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilAnsweringAsync(readyPath);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilAnsweringAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.ArgumentList[0]} exited with {_process.ExitCode} while starting:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{_process.StartInfo.ArgumentList[0]} did not answer {path} within two minutes:\n{string.Join('\n', _output)}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
