using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TweetsSoap.Service.OpenApi;
using TweetsSoap.Service.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.OpenApi;

/// <summary>
/// The JSON face's interactive reference (Scalar) and the root page's side-by-side table in a real browser. The
/// machine has no internet, and neither may the users: every request the pages make must stay on the service.
/// </summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class ReferencePageBrowserTests : ServiceTests<ReferencePageBrowserTests>
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
    public async Task Reference_Offline_ShowsEveryServiceAndOperationWithTheContractsText()
    {
        var (page, elsewhere) = await NewPageAsync();

        await page.GotoAsync(new Uri(Service.BaseAddress, OpenApiSetup.ReferencePath.TrimStart('/')).ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TweetsSoap JSON API", Exact = true })).ToBeVisibleAsync();
        var sidebar = page.GetByRole(AriaRole.Complementary);
        foreach (var endpoint in SoapEndpoint.All)
        {
            await Assertions.Expect(sidebar.GetByText(endpoint.Name, new() { Exact = true })).ToBeVisibleAsync();
        }

        await sidebar.GetByText("TweetService", new() { Exact = true }).ClickAsync();
        var postTweet = page.Locator("[id$='POST/api/tweets']").First;
        await Assertions.Expect(postTweet).ToContainTextAsync("Posts a tweet as the caller, optionally as a reply or a quote");
        await Assertions.Expect(postTweet).ToContainTextAsync("Weighted length 1 to 280");
        await ScreenshotAsync(page, "reference-post-tweet.png");
        Assert.AreEqual(0, elsewhere.Count, "requests left the service: " + string.Join(", ", elsewhere));
    }

    [TestMethod]
    public async Task RootPage_ShowsEachOperationsSoapActionBesideItsJsonRoute_AndLinksBothContracts()
    {
        var (page, elsewhere) = await NewPageAsync();

        await page.GotoAsync(Service.BaseAddress.ToString());

        var postTweet = page.Locator("tr[data-operation=PostTweet]");
        await Assertions.Expect(postTweet.Locator(".soap")).ToContainTextAsync("http://tweetssoap.example/2026/11/TweetService/PostTweet");
        await Assertions.Expect(postTweet.Locator(".json")).ToHaveTextAsync(new Regex(@"^\s*POST /api/tweets\s*$"));
        await Assertions.Expect(page.Locator("tr[data-operation=GetTweets] .json")).ToContainTextAsync("GET /api/tweets?ids=");
        Assert.AreEqual(27, await page.Locator("tr[data-operation] .json code").CountAsync() - 1,
            "every operation has a JSON route; ListTweets' route also runs GetTweets");
        await ScreenshotAsync(page, "root-page-two-contracts.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "interactive reference" }).ClickAsync();
        // The reference's script is 5 MB: wait for the page to load as GotoAsync does, not only for the click.
        await page.WaitForURLAsync("**" + OpenApiSetup.ReferencePath, new() { WaitUntil = WaitUntilState.Load });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "TweetsSoap JSON API", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(Service.BaseAddress, OpenApiSetup.DocumentPath.TrimStart('/')).ToString());
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("\"openapi\": \"3.1.1\"");
        Assert.AreEqual(0, elsewhere.Count, "requests left the service: " + string.Join(", ", elsewhere));
    }

    /// <summary>A page that records every request to another host; offline, each would fail.</summary>
    private async Task<(IPage Page, ConcurrentBag<string> Elsewhere)> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 1000 } });
        var elsewhere = new ConcurrentBag<string>();
        var page = await context.NewPageAsync();
        page.SetDefaultNavigationTimeout(120_000);
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Authority != Service.BaseAddress.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                TestContext.WriteLine("browser console: " + message.Text);
            }
        };
        return (page, elsewhere);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(TestContext.TestRunResultsDirectory ?? Path.GetTempPath(), "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.AddResultFile(path);
    }
}
