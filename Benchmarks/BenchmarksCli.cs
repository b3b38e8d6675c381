using System.CommandLine;
using TweetsSoap.Benchmarks.Alloc;
using TweetsSoap.Benchmarks.Auth;
using TweetsSoap.Benchmarks.Pages;
using TweetsSoap.Benchmarks.Read;
using TweetsSoap.Benchmarks.Text;
using TweetsSoap.Benchmarks.Write;

namespace TweetsSoap.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project Benchmarks -- &lt;benchmark&gt;</c>: every benchmark of TweetsSoap, each printing a
/// dated header (UTC time, commit, cores, load average) and its table. Not tests: they print numbers to read.
/// </summary>
public static class BenchmarksCli
{
    public static RootCommand Root(TextWriter output) => new("TweetsSoap's benchmarks: run with -c Release, on a quiet machine for figures worth quoting")
    {
        ReadCommand.Create(output),
        WriteCommand.Create(output),
        AuthCommand.Create(output),
        PagesCommand.Create(output),
        TextCommand.Create(output),
        AllocCommand.Create(output),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Root(output).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            return 2;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
