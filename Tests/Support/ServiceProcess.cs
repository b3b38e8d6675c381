using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// The service as operators run it: a separate <c>dotnet TweetsSoap.Service.dll</c> process on a free loopback
/// port, so a test can run several, kill one with SIGKILL or stop it with SIGTERM.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private bool _disposed;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
        Soap = new SoapClients(baseAddress);
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public SoapClients Soap { get; }

    public int Id => _process.Id;

    /// <summary>What the process wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <param name="settings">Command-line settings such as <c>--Storage:Provider=Postgres</c>.</param>
    public static async Task<ServiceProcess> StartAsync(params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "TweetsSoap.Service.dll"), $"--urls=http://127.0.0.1:{port}", .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilLiveAsync();
        return service;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine loses power under the process.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM: what an orchestrator sends before it replaces an instance.</summary>
    public void Terminate() => Native.Signal(_process.Id, Native.SigTerm);

    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Whether the port still accepts connections: Kestrel closes it first thing on shutdown.</summary>
    public async Task<bool> IsListeningAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Soap.Dispose();
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
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

    private async Task WaitUntilLiveAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The service did not answer /healthz within {StartDeadline}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
