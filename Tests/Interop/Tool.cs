using System.Diagnostics;

namespace TweetsSoap.Tests.Interop;

/// <summary>Runs a third-party program (a SOAP client script or a code generator) and fails the test if it fails.</summary>
public static class Tool
{
    public static async Task<(string Stdout, string Stderr)> RunAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within 3 minutes.\n{await stderr}");
        }

        Assert.AreEqual(0, process.ExitCode, $"{program} {string.Join(' ', arguments)} failed:\n{await stderr}\n{await stdout}");
        return (await stdout, await stderr);
    }
}
