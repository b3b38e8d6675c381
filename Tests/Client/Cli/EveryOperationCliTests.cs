using System.Reflection;
using System.ServiceModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using TweetsSoap.Client.Cli;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Client.Cli;

/// <summary>The command-line client reaches every operation of the three services, pages with --all and prints JSON.</summary>
[TestClass]
public sealed partial class EveryOperationCliTests : ServiceTests<EveryOperationCliTests>
{
    private const string Password = "correct horse battery";

    [TestMethod]
    public async Task Commands_InOneScenario_CallEveryOperationOfTheContract()
    {
        var ada = SoapClients.UniqueUsername();
        var bob = SoapClients.UniqueUsername();
        string[] asAda = ["--username", ada, "--password", Password, "--xml"];
        string[] asBob = ["--username", bob, "--password", Password, "--xml"];
        var calls = new List<Result>();
        async Task<Result> Run(params string[] args)
        {
            var result = await RunAsync([.. args, "--xml"]);
            Assert.AreEqual(0, result.ExitCode, $"{string.Join(' ', args)}: {result.Error}");
            calls.Add(result);
            return result;
        }

        var adaId = IdOf((await Run(["signup", .. asAda, "--email", $"{ada}@example.org", "--first-name", "Ada", "--last-name", "L"])).Output);
        var bobId = IdOf((await Run(["signup", .. asBob, "--email", $"{bob}@example.org", "--first-name", "Bob", "--last-name", "B"])).Output);
        await Run(["login", .. asAda]);
        await Run(["get-user", adaId]);
        await Run(["users", "--max-results", "1"]);
        await Run(["users-by", ada, bob]);
        await Run(["update-user", adaId, "--first-name", "Augusta", .. asAda]);
        var tweetId = FirstId((await Run(["post", "#cli hello", .. asAda])).Output);
        await Run(["post", "a reply", "--reply-to", tweetId, .. asBob]);
        await Run(["get", tweetId]);
        await Run(["get-tweets", tweetId]);
        await Run(["list", "--author", adaId]);
        await Run(["timeline", adaId]);
        await Run(["conversation", tweetId]);
        await Run(["search", "#cli"]);
        await Run(["edit", tweetId, "#cli edited", .. asAda]);
        await Run(["follow", adaId, .. asBob]);
        await Run(["home", .. asBob]);
        await Run(["followers", adaId]);
        await Run(["following", bobId]);
        await Run(["like", tweetId, .. asBob]);
        await Run(["liking-users", tweetId]);
        await Run(["liked-tweets", bobId]);
        await Run(["retweet", tweetId, .. asBob]);
        await Run(["retweeters", tweetId]);
        await Run(["undo-retweet", tweetId, .. asBob]);
        await Run(["unlike", tweetId, .. asBob]);
        await Run(["unfollow", adaId, .. asBob]);
        await Run(["delete", tweetId, .. asAda]);
        await Run(["delete-user", bobId, .. asBob]);

        var called = calls.Select(c => RequestElement().Match(c.Output).Groups["operation"].Value).ToHashSet();
        var declared = new[] { typeof(Contracts.IUserService), typeof(Contracts.ITweetService), typeof(Contracts.ISocialService) }
            .SelectMany(contract => contract.GetMethods())
            .Where(method => method.GetCustomAttribute<OperationContractAttribute>() is not null)
            .Select(method => method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name)
            .ToHashSet();
        CollectionAssert.AreEquivalent(declared.Order().ToList(), called.Order().ToList());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("--soap12")]
    public async Task PagedCommand_WithAll_WalksEveryPageAndReportsProgressOnStderr(string soap12)
    {
        var username = SoapClients.UniqueUsername();
        string[] login = ["--username", username, "--password", Password, soap12];
        var userId = IdOf((await RunAsync(["signup", .. login, "--email", $"{username}@example.org", "--first-name", "A", "--last-name", "B"])).Output);
        for (var i = 0; i < 5; i++)
        {
            Assert.AreEqual(0, (await RunAsync(["post", $"tweet {i}", .. login])).ExitCode);
        }

        var onePage = await RunAsync(["timeline", userId, "--max-results", "2", soap12]);
        var all = await RunAsync(["timeline", userId, "--max-results", "2", "--all", soap12]);

        StringAssert.Contains(onePage.Output, "(2 shown)");
        StringAssert.Contains(onePage.Output, "next page: --page-token ");
        Assert.AreEqual(0, all.ExitCode, all.Error);
        StringAssert.Contains(all.Output, "(5 shown)");
        Assert.DoesNotContain("next page", all.Output);
        CollectionAssert.AreEqual(
            new[] { "tweet 4", "tweet 3", "tweet 2", "tweet 1", "tweet 0" },
            all.Output.Split('\n').Where(line => line.StartsWith("  tweet ", StringComparison.Ordinal)).Select(line => line.Trim()).ToArray());
        StringAssert.Contains(all.Error, "page 3: 5 so far");
    }

    [TestMethod]
    public async Task Commands_WithJson_PrintParsableResultsForScripts()
    {
        var username = SoapClients.UniqueUsername();
        string[] login = ["--username", username, "--password", Password, "--json"];
        var signup = await RunAsync(["signup", .. login, "--email", $"{username}@example.org", "--first-name", "A", "--last-name", "B"]);
        using var user = JsonDocument.Parse(signup.Output);
        var userId = user.RootElement.GetProperty("id").GetString()!;
        var post = await RunAsync(["post", "json #out", .. login]);
        using var tweet = JsonDocument.Parse(post.Output);
        var page = await RunAsync(["timeline", userId, "--all", "--json"]);
        using var items = JsonDocument.Parse(page.Output);
        var delete = await RunAsync(["delete", tweet.RootElement.GetProperty("id").GetString()!, .. login]);
        using var done = JsonDocument.Parse(delete.Output);

        Assert.AreEqual(username, user.RootElement.GetProperty("username").GetString());
        Assert.IsFalse(user.RootElement.TryGetProperty("extensionData", out _));
        Assert.AreEqual("json #out", tweet.RootElement.GetProperty("text").GetString());
        Assert.AreEqual("json #out", items.RootElement.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.AreEqual(1, items.RootElement.GetProperty("items").GetArrayLength());
        StringAssert.StartsWith(done.RootElement.GetProperty("message").GetString(), "deleted tweet ");
    }

    private static string IdOf(string userOutput) => UserId().Match(userOutput).Groups["id"].Value;

    /// <summary>The id that starts the first line after the envelopes.</summary>
    private static string FirstId(string tweetOutput) =>
        tweetOutput.Split('\n').SkipWhile(line => line.TrimEnd() != "---").Skip(1).First().Split(' ')[0];

    private static async Task<Result> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await TweetsCli.RunAsync([.. args.Where(a => a.Length > 0), "--url", Service.BaseAddress.AbsoluteUri], output, error);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"--- request.*?<s:Body[^>]*>\s*<(?<operation>\w+)", RegexOptions.Singleline)]
    private static partial Regex RequestElement();

    [GeneratedRegex(@"id:\s+(?<id>[0-9a-f-]{36})")]
    private static partial Regex UserId();

    private sealed record Result(int ExitCode, string Output, string Error);
}
