using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BreastCancer.Web.Tests;

/// <summary>
/// The real app on Kestrel on a free loopback port (on a models folder, with its own temporary monitoring database),
/// and one page of Debian's Chromium driven by Playwright for .NET (no browser download), recording every response
/// and every console error or warning, page error and failed request.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly WebApp _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _problems = [];
    private readonly List<(string Method, string Path, int Status)> _responses = [];

    private BrowserSession(WebApp app, Uri address, IPlaywright playwright, IBrowser browser, IPage page)
    {
        _app = app;
        Address = address;
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _problems.Add($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => _problems.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) => _responses.Add((response.Request.Method, new Uri(response.Url).PathAndQuery, response.Status));
    }

    /// <summary>Where the app listens, <c>http://127.0.0.1:port</c>.</summary>
    public Uri Address { get; }

    public IPage Page { get; }

    /// <summary>Console errors and warnings, page errors and failed requests, in order.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Every response the page received: method, path with query, status.</summary>
    public IReadOnlyList<(string Method, string Path, int Status)> Responses => _responses;

    public static async Task<BrowserSession> StartAsync(string modelFolder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (tools/test.sh does)");
        var app = new WebApp(modelFolder, settings);
        IPlaywright? playwright = null;
        try
        {
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var address = new Uri(Assert.Single(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses));
            playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            return new BrowserSession(app, address, playwright, browser, page);
        }
        catch
        {
            playwright?.Dispose();
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The console error Chromium logs for a response of <paramref name="status"/> to <paramref name="path"/>, as recorded in <see cref="Problems"/>.</summary>
    public string FailedToLoad(string path, int status, string reason) =>
        $"console error: Failed to load resource: the server responded with a status of {status} ({reason}) ({new Uri(Address, path)}:0:0)";

    /// <summary>Opens <paramref name="pathAndQuery"/> of the app and returns the document's response.</summary>
    public async Task<IResponse> OpenAsync(string pathAndQuery) =>
        await Page.GotoAsync(new Uri(Address, pathAndQuery).AbsoluteUri) ?? throw new InvalidOperationException($"no response for {pathAndQuery}");

    /// <summary>A full-page screenshot to <c>bc-browser-<paramref name="name"/>.png</c> in the temporary folder, to look at (not committed).</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"bc-browser-{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }
}
