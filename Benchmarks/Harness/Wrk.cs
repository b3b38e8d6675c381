using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>What one wrk run measured. <see cref="Errors"/> counts non-2xx answers and socket errors.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, string Output);

/// <summary>
/// wrk (Debian package <c>wrk</c>) with one thread, a Lua script and latency percentiles. The generous timeout keeps
/// slow, hash-bound requests in the latency figures instead of dropping them.
/// </summary>
internal static partial class Wrk
{
    public static void EnsureInstalled()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            probe.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("This benchmark drives wrk: install it first (`apt-get install wrk`).");
        }
    }

    public static async Task<WrkResult> RunAsync(Uri target, string script, int connections, int seconds, params string[] scriptArguments)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-t1", $"-c{connections}", $"-d{seconds}s", "--timeout", "30s", "--latency", "-s", script, target.ToString().TrimEnd('/')])
        {
            start.ArgumentList.Add(argument);
        }

        if (scriptArguments.Length > 0)
        {
            start.ArgumentList.Add("--");
            foreach (var argument in scriptArguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        return process.ExitCode == 0 ? Parse(text) : throw new InvalidOperationException($"wrk exited with {process.ExitCode}:\n{text}");
    }

    internal static WrkResult Parse(string output)
    {
        var requests = RequestsLine().Match(output);
        var rate = RateLine().Match(output);
        if (!requests.Success || !rate.Success)
        {
            throw new InvalidOperationException($"wrk printed no totals:\n{output}");
        }

        var errors = NonSuccessLine().Match(output) is { Success: true } nonSuccess ? long.Parse(nonSuccess.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (SocketErrorsLine().Match(output) is { Success: true } socket)
        {
            errors += socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
        }

        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"),
            Percentile(output, "99%"),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            errors,
            output);
    }

    /// <summary>A latency line of the distribution (e.g. <c>99%  2.10ms</c>) in milliseconds.</summary>
    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
