using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace TweetsSoap.Benchmarks.Harness;

/// <summary>
/// The dated line every run starts with and the load line it ends with: figures from a loaded or a Debug run must
/// say so where they are printed, since they are worth little beside a quiet machine's.
/// </summary>
internal static class RunHeader
{
    public static void Write(TextWriter output, string benchmark, string settings)
    {
        output.WriteLine($"{benchmark}: {settings}");
        output.WriteLine(
            $"{DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, commit {Commit()}, " +
            $"{Environment.ProcessorCount} cores, load average {LoadAverage()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        if (IsDebugBuild)
        {
            output.WriteLine("Debug build: these figures are not comparable; run with `dotnet run -c Release --project Benchmarks`.");
        }

        output.WriteLine();
    }

    public static void WriteLoadAtEnd(TextWriter output) =>
        output.WriteLine($"load average at the end: {LoadAverage()}");

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static bool IsDebugBuild =>
        typeof(RunHeader).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;

    /// <summary>The commit the tree was at, and whether it had changes on top.</summary>
    private static string Commit()
    {
        var head = Git("rev-parse --short HEAD");
        if (head is null)
        {
            return "unknown";
        }

        return Git("status --porcelain --untracked-files=no") is { Length: > 0 } ? head + "+changes" : head;
    }

    internal static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryRoot.Path,
            };
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
