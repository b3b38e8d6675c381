using System.CommandLine;
using TweetsSoap.Client.Compare;
using TweetsSoap.Client.Soap;

namespace TweetsSoap.Client.Cli;

/// <summary>
/// <c>dotnet run --project Client -- &lt;command&gt;</c>: one command per operation of the three services. Exit codes:
/// 0 done, 1 the service answered with a fault (its code and message on stderr), 2 bad usage or no answer.
/// </summary>
public static class TweetsCli
{
    private static readonly Option<string> Url = new("--url") { Description = "The service's base address", DefaultValueFactory = _ => "http://localhost:5000", Recursive = true };
    private static readonly Option<bool> Soap12 = new("--soap12") { Description = "Speak SOAP 1.2 instead of 1.1", Recursive = true };
    private static readonly Option<bool> Xml = new("--xml") { Description = "Print the raw request and response envelopes", Recursive = true };
    private static readonly Option<bool> Json = new("--json") { Description = "Print results as JSON, for scripts", Recursive = true };
    private static readonly Option<string?> Username = new("--username") { Description = "Your username (or TWEETSSOAP_USERNAME); for signup, the new one", Recursive = true };
    private static readonly Option<string?> Password = new("--password") { Description = "Your password (or TWEETSSOAP_PASSWORD); for signup, the new one", Recursive = true };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        Url.Validators.Clear();
        Url.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValueOrDefault<string>(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError("--url must be an absolute http or https address, such as http://localhost:5000.");
            }
        });
        var root = new RootCommand("TweetsSoap command-line client: calls every operation of the UserService, TweetService and SocialService SOAP endpoints.")
        {
            Url, Soap12, Xml, Json, Username, Password,
        };
        foreach (var command in UserCommands.All().Concat(TweetCommands.All()).Concat(SocialCommands.All()))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(Compare());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            return Session.Failure;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary><c>compare</c>: every operation over SOAP 1.1, SOAP 1.2 and JSON against a running service.</summary>
    private static Command Compare()
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Callers at once", DefaultValueFactory = _ => 8 };
        var requests = new Option<int>("--requests") { Description = "Timed requests per operation and face", DefaultValueFactory = _ => 300 };
        var output = new Option<string?>("--out") { Description = "A folder for compare.md and the charts" };
        foreach (var positive in new[] { concurrency, requests })
        {
            positive.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{positive.Name} must be a positive whole number.");
                }
            });
        }

        var command = new Command("compare", "Measure every operation over SOAP 1.1, SOAP 1.2 and JSON: bytes on the wire, latency, throughput") { concurrency, requests, output };
        command.SetAction(result => CompareCommand.RunAsync(new CompareOptions(
            new Uri(result.GetValue(Url)!.TrimEnd('/') + "/"), result.GetValue(concurrency), result.GetValue(requests), result.GetValue(output))));
        return command;
    }

    /// <summary>The session a command runs in, from the shared options and the environment.</summary>
    internal static Session SessionOf(ParseResult result) => new(
        new Uri(result.GetValue(Url)!),
        result.GetValue(Soap12) ? SoapProtocol.Soap12 : SoapProtocol.Soap11,
        result.GetValue(Username) ?? Environment.GetEnvironmentVariable("TWEETSSOAP_USERNAME"),
        result.GetValue(Password) ?? Environment.GetEnvironmentVariable("TWEETSSOAP_PASSWORD"),
        result.GetValue(Xml),
        result.GetValue(Json),
        result.InvocationConfiguration.Output,
        result.InvocationConfiguration.Error);

    /// <summary>A command whose action runs <paramref name="call"/> in a session.</summary>
    internal static Command Define(string name, string description, bool needsCredentials, IEnumerable<Symbol> symbols, Func<Session, ParseResult, Task> call)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        command.SetAction(result =>
        {
            var session = SessionOf(result);
            return session.RunAsync(needsCredentials, () => call(session, result));
        });
        return command;
    }

    /// <summary>A command for one call whose result is printed by <paramref name="print"/> (or as JSON).</summary>
    internal static Command Define<T>(string name, string description, bool needsCredentials, IEnumerable<Symbol> symbols, Func<Session, ParseResult, Task<T?>> call, Action<TextWriter, T> print)
        where T : class =>
        Define(name, description, needsCredentials, symbols, async (s, r) => s.Print(await call(s, r), print));

    /// <summary>A command for one call that answers nothing but success.</summary>
    internal static Command Define(string name, string description, bool needsCredentials, IEnumerable<Symbol> symbols, Func<Session, ParseResult, Task> call, Func<ParseResult, string> done) =>
        Define(name, description, needsCredentials, symbols, async (s, r) =>
        {
            await call(s, r);
            s.PrintDone(done(r));
        });

    /// <summary>
    /// A command for a paged listing: <c>--max-results</c> and <c>--page-token</c> ask for one page as the operation
    /// does; <c>--all</c> follows the next-page tokens to the end.
    /// </summary>
    internal static Command DefinePaged<TItem>(string name, string description, bool needsCredentials, IEnumerable<Symbol> symbols,
        Func<Session, ParseResult, int?, string?, Task<Page<TItem>>> fetch, Action<TextWriter, TItem> print)
    {
        var maxResults = new Option<int?>("--max-results") { Description = "Page size, 1 to 100 (default 20)" };
        var pageToken = new Option<string?>("--page-token") { Description = "The next-page token of the previous page" };
        var all = new Option<bool>("--all") { Description = "Follow the next-page tokens and list everything" };
        return Define(name, description, needsCredentials, [.. symbols, maxResults, pageToken, all], (s, r) =>
            Pager.RunAsync(s, r.GetValue(all), r.GetValue(pageToken), token => fetch(s, r, r.GetValue(maxResults), token), print));
    }
}
