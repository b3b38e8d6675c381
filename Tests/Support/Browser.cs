using Microsoft.Playwright;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright. Playwright's own browser download cannot run on these
/// machines, so it is pointed at the packaged browser (installed by .ci/install).
/// </summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // The first exchange with a busy 2-core machine can take a while; waits are for conditions, not for time.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }
}
