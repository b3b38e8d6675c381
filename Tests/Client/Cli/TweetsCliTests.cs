using TweetsSoap.Client.Cli;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Client.Cli;

/// <summary>The command-line client's entry point, invoked in-process against the real service.</summary>
[TestClass]
public sealed class TweetsCliTests : ServiceTests<TweetsCliTests>
{
    private const string Password = "correct horse battery";

    [TestMethod]
    [DataRow("")]
    [DataRow("--soap12")]
    public async Task SignupPostListEditDelete_AsOneUser_PrintReadableResultsAndExitZero(string soap12)
    {
        var username = SoapClients.UniqueUsername();
        var login = new[] { "--username", username, "--password", Password };

        var signup = await RunAsync(["signup", .. login, "--email", $"{username}@example.org", "--first-name", "Ada", "--last-name", "Lovelace", "--birth-date", "1815-12-10", soap12]);
        var post = await RunAsync(["post", "Hello from the CLI 👋", .. login, soap12]);
        var tweetId = post.Output.Split(' ')[0];
        var edit = await RunAsync(["edit", tweetId, "Edited from the CLI", .. login, soap12]);
        var list = await RunAsync(["list", "--max-results", "5", soap12]);
        var delete = await RunAsync(["delete", tweetId, .. login, soap12]);

        Assert.AreEqual(0, signup.ExitCode, signup.Error);
        StringAssert.Contains(signup.Output, $"username:   {username}");
        StringAssert.Contains(signup.Output, "birth date: 1815-12-10");
        Assert.AreEqual(0, post.ExitCode, post.Error);
        StringAssert.Contains(post.Output, $"@{username} (Ada Lovelace)");
        StringAssert.Contains(post.Output, "  Hello from the CLI 👋");
        StringAssert.Contains(edit.Output, ", edited ");
        StringAssert.Contains(list.Output, "  Edited from the CLI");
        Assert.AreEqual(0, delete.ExitCode, delete.Error);
        Assert.AreEqual($"deleted tweet {tweetId}", delete.Output.Trim());
    }

    [TestMethod]
    public async Task UserCommands_WithCredentialsFromTheEnvironment_ReachEveryUserOperation()
    {
        var account = (await Soap.SignUpAsync()).User;
        Environment.SetEnvironmentVariable("TWEETSSOAP_USERNAME", account.Username);
        Environment.SetEnvironmentVariable("TWEETSSOAP_PASSWORD", Password);
        try
        {
            var login = await RunAsync(["login"]);
            var getUser = await RunAsync(["get-user", account.Id.ToString()]);
            var users = await RunAsync(["users", "--max-results", "1"]);
            var update = await RunAsync(["update-user", account.Id.ToString(), "--first-name", "Augusta"]);
            var delete = await RunAsync(["delete-user", account.Id.ToString()]);

            StringAssert.Contains(login.Output, $"email:      {account.Email}");
            StringAssert.Contains(getUser.Output, $"id:         {account.Id}");
            StringAssert.Contains(users.Output, "next page: --page-token ");
            StringAssert.Contains(update.Output, "name:       Augusta Lovelace");
            Assert.AreEqual($"deleted user {account.Id}", delete.Output.Trim());
            Assert.IsTrue(new[] { login, getUser, users, update, delete }.All(r => r.ExitCode == 0));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TWEETSSOAP_USERNAME", null);
            Environment.SetEnvironmentVariable("TWEETSSOAP_PASSWORD", null);
        }
    }

    [TestMethod]
    [DataRow("get", "NotFound")]
    [DataRow("post", "Unauthenticated")]
    public async Task Command_AnsweredWithAFault_PrintsCodeAndMessageAndExitsOne(string command, string code)
    {
        string[] args = command == "get"
            ? ["get", Guid.CreateVersion7().ToString()]
            : ["post", "hello", "--username", "nobody", "--password", "wrong password"];

        var result = await RunAsync(args);

        Assert.AreEqual(1, result.ExitCode);
        StringAssert.StartsWith(result.Error, $"fault {code}: ");
        StringAssert.Contains(result.Error, "correlation id: ");
    }

    [TestMethod]
    [DataRow("", "http://schemas.xmlsoap.org/soap/envelope/")]
    [DataRow("--soap12", "http://www.w3.org/2003/05/soap-envelope")]
    public async Task Get_WithXml_PrintsTheRequestAndResponseEnvelopes(string soap12, string envelopeNamespace)
    {
        var result = await RunAsync(["get", Guid.CreateVersion7().ToString(), "--xml", soap12]);

        StringAssert.Contains(result.Output, "--- request");
        StringAssert.Contains(result.Output, $"<s:Envelope xmlns:s=\"{envelopeNamespace}\">");
        StringAssert.Contains(result.Output, "<GetTweet xmlns=\"http://tweetssoap.example/2026/11\">");
        StringAssert.Contains(result.Output, "<Code>NotFound</Code>");
        Assert.DoesNotContain("addressing/none", result.Output, "only what goes on the wire is shown");
    }

    [TestMethod]
    [DataRow("post", "hello")]
    [DataRow("delete-user", "01a21f2a-dc02-73d8-bae5-5549d855da59")]
    public async Task AuthenticatedCommand_WithoutCredentials_ExitsTwoWithoutCalling(string command, string argument)
    {
        var result = await RunAsync([command, argument, "--xml"]);

        Assert.AreEqual(2, result.ExitCode);
        StringAssert.Contains(result.Error, "TWEETSSOAP_USERNAME");
        Assert.DoesNotContain("--- request", result.Output);
    }

    [TestMethod]
    [DataRow("list", "--url", "ftp://example.org")]
    [DataRow("get", "not-a-guid")]
    [DataRow("no-such-command")]
    public async Task Command_WithBadUsage_ExitsTwo(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.AreEqual(2, result.ExitCode);
        Assert.IsFalse(string.IsNullOrWhiteSpace(result.Error));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var withUrl = args.Contains("--url") ? args : [.. args, "--url", Service.BaseAddress.AbsoluteUri];
        var exitCode = await TweetsCli.RunAsync([.. withUrl.Where(a => a.Length > 0)], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
