using Microsoft.Playwright;

namespace Workbook.Tests.Support;

/// <summary>Debian's Chromium, headless, as every browser test launches it (never a downloaded browser).</summary>
internal static class DebianChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Launches it with Playwright, quiet: no background networking, component updates or sync.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        Assert.True(File.Exists(Path), $"{Path} is missing: install Debian's chromium (the README's set-up command does)");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
