using Microsoft.Playwright;

namespace Workbook.Tests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright for .NET (no browser download), opening exports from <c>file://</c> and
/// reporting console errors, page errors, failed or non-local requests, and how many charts and formulas were drawn.
/// </summary>
internal sealed class ExportBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ExportBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<ExportBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await DebianChromium.LaunchAsync(playwright);
        return new ExportBrowser(playwright, browser);
    }

    public async Task<PageReport> OpenAsync(string path)
    {
        var problems = new List<string>();
        var page = await _browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add($"network request: {request.Url}");
            }
        };

        await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var counts = await page.EvaluateAsync<int[]>("""
            () => {
              const scripts = [...document.querySelectorAll("script")].map(s => s.textContent).join("\n");
              const expected = (scripts.match(/Plotly\.newPlot\('/g) || []).length;
              const drawn = [...document.querySelectorAll(".js-plotly-plot")].filter(chart =>
                chart.querySelector("svg.main-svg") &&
                chart.querySelectorAll(".point, .bars path, .lines path, .heatmaplayer image, .violinlayer path, .boxlayer path, .pielayer path").length > 0).length;
              const math = document.querySelectorAll(".math").length;
              const rendered = [...document.querySelectorAll(".math")].filter(m => m.querySelector("math")).length;
              return [expected, drawn, math, rendered];
            }
            """);
        var title = await page.TitleAsync();
        await page.CloseAsync();
        return new PageReport(title, problems, counts[0], counts[1], counts[2], counts[3]);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}

/// <summary>What one page did when opened.</summary>
internal sealed record PageReport(string Title, IReadOnlyList<string> Problems, int ChartsExpected, int ChartsDrawn, int MathExpected, int MathRendered);
