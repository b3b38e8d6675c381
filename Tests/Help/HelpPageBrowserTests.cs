using System.Reflection;
using System.ServiceModel;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using TweetsSoap.Service.OpenApi;
using TweetsSoap.Service.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Help;

/// <summary>The help pages and their try-it panels in a real browser against the live service.</summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class HelpPageBrowserTests : ServiceTests<HelpPageBrowserTests>
{
    private static IPlaywright _playwright = null!;
    private static IBrowser _browser = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize(InheritanceBehavior.None)]
    public static async Task LaunchBrowserAsync(TestContext context) => (_playwright, _browser) = await Browser.LaunchAsync();

    [ClassCleanup(InheritanceBehavior.None)]
    public static async Task CloseBrowserAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    [TestMethod]
    public async Task TryIt_SignUpThenPostTweet_ShowsTheTweetAndWithoutCredentialsAHighlightedFault()
    {
        var page = await NewPageAsync(1000, 1400);
        var username = SoapClients.UniqueUsername();
        const string password = "correct horse battery";

        await page.GotoAsync(new Uri(Service.BaseAddress, "UserService.svc").ToString());
        var signUp = page.Locator("#op-SignUp .try");
        await Edit(signUp, text => text.Replace(">ada<", $">{username}<").Replace("ada@example.org", $"{username}@example.org")
            .Replace("correct horse", password));
        var signedUp = await SendAsync(signUp);
        await Assertions.Expect(signedUp.Locator(".status")).ToHaveTextAsync(new Regex("^HTTP 200"));
        await Assertions.Expect(signedUp.Locator(".response-body")).ToContainTextAsync($"<Username>{username}</Username>");

        await page.GotoAsync(new Uri(Service.BaseAddress, "TweetService.svc").ToString());
        var postTweet = page.Locator("#op-PostTweet .try");
        var text = "Sent from the help page " + Guid.NewGuid().ToString("N")[..8];
        await Edit(postTweet, envelope => envelope.Replace("Hello from SOAP", text));
        await postTweet.Locator("input[name=username]").FillAsync(username);
        await postTweet.Locator("input[name=password]").FillAsync(password);
        var posted = await SendAsync(postTweet);

        await Assertions.Expect(posted.Locator(".status")).ToHaveTextAsync(new Regex("^HTTP 200"));
        await Assertions.Expect(posted).Not.ToHaveClassAsync(new Regex(@"\bfault\b"));
        await Assertions.Expect(posted.Locator(".response-body")).ToContainTextAsync($"<Text>{text}</Text>");
        await Assertions.Expect(posted.Locator(".response-headers")).ToContainTextAsync("content-type: text/xml");
        await Assertions.Expect(posted.Locator(".sent-body")).ToContainTextAsync("<wsse:Username>" + username);
        await ScreenshotAsync(page.Locator("#op-PostTweet"), "help-page-post-tweet.png");
        var tweets = await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(null, 100, null);
        Assert.IsTrue(tweets.Tweets.Any(t => t.Text == text && t.Author.Username == username), "the panel posted a real tweet");

        await postTweet.Locator("input[name=username]").FillAsync("");
        await postTweet.Locator("input[value='1.2']").CheckAsync();
        var refused = await SendAsync(postTweet);

        await Assertions.Expect(refused.Locator(".status")).ToHaveTextAsync(new Regex("^HTTP 500"));
        await Assertions.Expect(refused).ToHaveClassAsync(new Regex(@"\bfault\b"));
        await Assertions.Expect(refused.Locator(".fault-summary")).ToContainTextAsync("Unauthenticated");
        await Assertions.Expect(refused.Locator(".response-headers")).ToContainTextAsync("content-type: application/soap+xml");
        await ScreenshotAsync(page.Locator("#op-PostTweet"), "help-page-fault.png");
    }

    [TestMethod]
    public async Task TryIt_EveryOperationInBothVersions_SendsItsSampleAndGetsASoapAnswer()
    {
        var account = await Soap.SignUpAsync();
        var page = await NewPageAsync(1000, 900);
        foreach (var endpoint in SoapEndpoint.All)
        {
            await page.GotoAsync(new Uri(Service.BaseAddress, endpoint.Path.TrimStart('/')).ToString());
            var operations = await page.Locator("section.operation").EvaluateAllAsync<string[]>("sections => sections.map(s => s.dataset.operation)");
            CollectionAssert.AreEquivalent(Operations(endpoint.Contract), operations, endpoint.Name);

            foreach (var operation in operations)
            {
                var panel = page.Locator($"#op-{operation} .try");
                await panel.Locator("input[name=username]").FillAsync(account.User.Username);
                await panel.Locator("input[name=password]").FillAsync(account.Password);
                foreach (var version in new[] { "1.1", "1.2" })
                {
                    await panel.Locator($"input[value='{version}']").CheckAsync();
                    var result = await SendAsync(panel);

                    // The sample must be a message the service reads: an answer, or a fault about the data, never about the message.
                    await Assertions.Expect(result.Locator(".status")).ToHaveTextAsync(new Regex("^HTTP (200|500)"));
                    await Assertions.Expect(result.Locator(".response-body")).ToContainTextAsync("Envelope");
                    var fault = await result.Locator(".fault-summary").TextContentAsync();
                    Assert.DoesNotContain("MalformedRequest", fault!, $"{operation} over SOAP {version}");
                    Assert.DoesNotContain("InternalError", fault!, $"{operation} over SOAP {version}");
                }
            }
        }
    }

    [TestMethod]
    public async Task RootPage_SideBySide_ShowsAnOperationsPartOfTheServedWsdlBesideItsPartOfTheServedOpenApi()
    {
        var page = await NewPageAsync(1200, 1400);
        await page.GotoAsync(Service.BaseAddress.ToString());
        var section = page.Locator("#side-by-side");
        var soap = section.Locator(".wsdl pre");
        var json = section.Locator(".openapi pre");

        foreach (var (service, operation, method, route) in new[] { ("TweetService", "PostTweet", "post", "/api/tweets"), ("UserService", "Login", "post", "/api/login") })
        {
            await section.Locator("select").SelectOptionAsync($"{service}.{operation}");
            await Assertions.Expect(soap).ToHaveAttributeAsync("data-operation", operation);
            await Assertions.Expect(json).ToHaveAttributeAsync("data-operation", operation);

            var wsdl = XDocument.Parse(await Service.Http.GetStringAsync($"{service}.svc?wsdl"));
            var schema = XDocument.Parse(await Service.Http.GetStringAsync("xsd/TweetsSoap.xsd"));
            // The part is shown as written inside the documents, whose roots declare the prefixes.
            var prefixes = string.Join(" ", wsdl.Root!.Attributes().Concat(schema.Root!.Attributes()).Where(a => a.IsNamespaceDeclaration).Select(a => a.ToString()).Distinct());
            var fragments = (await soap.TextContentAsync())!.Split("\n\n").Select(f => XElement.Parse($"<part {prefixes}>{f}</part>").Elements().Single()).ToList();
            var expected = wsdl.Root.Elements().Where(e => e.Name.LocalName == "portType").Elements()
                .Concat(wsdl.Root.Elements().Where(e => e.Name.LocalName == "binding").Elements())
                .Where(e => (string?)e.Attribute("name") == operation)
                .Concat(wsdl.Root.Elements().Where(e => e.Name.LocalName == "message" && ((string)e.Attribute("name")!).StartsWith($"{service}_{operation}_", StringComparison.Ordinal) || (string?)e.Attribute("name") == $"{service}Fault"))
                .Concat(schema.Root!.Elements().Where(e => (string?)e.Attribute("name") is { } n && (n == operation || n == operation + "Response")));
            CollectionAssert.AreEqual(expected.Select(Canonical).ToList(), fragments.Select(Canonical).ToList(), $"{operation}: the WSDL part is the served WSDL's and schema's");

            var openApi = JsonNode.Parse(await Service.Http.GetStringAsync(OpenApiSetup.DocumentPath.TrimStart('/')))!;
            var shown = JsonNode.Parse((await json.TextContentAsync())!)!;
            Assert.IsTrue(JsonNode.DeepEquals(openApi["paths"]![route]![method], shown["paths"]![route]![method]), $"{operation}: the OpenAPI part is the served document's");

            await Assertions.Expect(section.Locator(".wsdl a.help")).ToHaveAttributeAsync("href", $"/{service}.svc#op-{operation}");
            await Assertions.Expect(section.Locator(".wsdl a.document")).ToHaveAttributeAsync("href", $"/{service}.svc?wsdl");
            await Assertions.Expect(section.Locator(".openapi a.reference")).ToHaveAttributeAsync("href", $"{OpenApiSetup.ReferencePath}#tag/{service.ToLowerInvariant()}/{method.ToUpperInvariant()}{route}");
            await Assertions.Expect(section.Locator(".openapi a.document")).ToHaveAttributeAsync("href", OpenApiSetup.DocumentPath);
        }

        await section.Locator("select").SelectOptionAsync("TweetService.PostTweet");
        await Assertions.Expect(soap).ToHaveAttributeAsync("data-operation", "PostTweet");
        await Assertions.Expect(json).ToHaveAttributeAsync("data-operation", "PostTweet");
        await ScreenshotAsync(section, "root-page-side-by-side.png");
        await section.Locator(".wsdl a.help").ClickAsync();
        await Assertions.Expect(page.Locator("#op-PostTweet h2")).ToBeVisibleAsync();
        await page.GoBackAsync();
        await Assertions.Expect(json).ToHaveAttributeAsync("data-operation", "PostTweet");
        await section.Locator(".openapi a.reference").ClickAsync();
        // The reference's script is 5 MB: wait for the page to load as GotoAsync does, not only for the click.
        await page.WaitForURLAsync("**" + OpenApiSetup.ReferencePath + "#**", new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.Locator("[id$='POST/api/tweets']").First).ToBeInViewportAsync();
    }

    /// <summary>An element as a reader compares it: namespace declarations and indentation left out.</summary>
    private static string Canonical(XElement element)
    {
        var copy = new XElement(element);
        foreach (var e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            e.Nodes().OfType<XText>().Where(t => string.IsNullOrWhiteSpace(t.Value)).Remove();
        }

        return copy.ToString(SaveOptions.DisableFormatting);
    }

    [TestMethod]
    public async Task HelpPage_WithJavaScriptOff_ShowsTheDocsButNoDeadPanels()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(Service.BaseAddress, "TweetService.svc").ToString());

        await Assertions.Expect(page.Locator("#op-PostTweet h2")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#op-PostTweet .try")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("noscript").First).ToBeAttachedAsync();
    }

    [TestMethod]
    [DataRow("/")]
    [DataRow("/TweetService.svc")]
    [DataRow("/UserService.svc")]
    public async Task HelpPage_OnANarrowScreen_DoesNotScrollSideways(string path)
    {
        var page = await NewPageAsync(360, 740);

        await page.GotoAsync(new Uri(Service.BaseAddress, path.TrimStart('/')).ToString());
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.AreEqual(0, overflow, "page wider than the screen");
    }

    private static string[] Operations(Type contract) =>
        [.. contract.GetMethods().Where(m => m.GetCustomAttribute<OperationContractAttribute>() is not null).Select(m => m.Name)];

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                TestContext.WriteLine("browser console: " + message.Text);
            }
        };
        return page;
    }

    private static async Task Edit(ILocator panel, Func<string, string> change)
    {
        var envelope = panel.Locator("textarea");
        await envelope.FillAsync(change(await envelope.InputValueAsync()));
    }

    /// <summary>Clicks Send and returns the result area, once the answer is shown.</summary>
    private static async Task<ILocator> SendAsync(ILocator panel)
    {
        await panel.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Send" }).ClickAsync();
        var result = panel.Locator(".result");
        await Assertions.Expect(result).ToBeVisibleAsync();
        return result;
    }

    /// <summary>
    /// Attaches a screenshot to the test result; with <c>TWEETSSOAP_DOCS_SCREENSHOTS=1</c> it also replaces the one
    /// of that name in <c>docs/images/</c>, so the pictures in the docs come from this test, not from a hand.
    /// </summary>
    private async Task ScreenshotAsync(ILocator locator, string name)
    {
        var directory = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await locator.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        TestContext.AddResultFile(path);
        if (Environment.GetEnvironmentVariable("TWEETSSOAP_DOCS_SCREENSHOTS") == "1")
        {
            File.Copy(path, Repository.PathOf("docs", "images", name), overwrite: true);
        }
    }
}
