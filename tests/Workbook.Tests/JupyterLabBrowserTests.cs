using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>
/// The README's steps for JupyterLab, followed in Debian's Chromium: start it from the repository
/// (<c>tools/jupyterlab/lab.sh</c>, JupyterLab 3.6's front end on Debian's Jupyter server), open 02-eda from the file
/// browser, Kernel → Restart Kernel and Run All Cells…, Restart, then File → Save Notebook, and open the saved notebook
/// in a new page. JupyterLab has no require.js (the classic Notebook has), and it runs a text/html output's scripts only
/// in a trusted notebook; the test shows every chart draws, offline, live and from the saved file. A writable copy one
/// folder down (<c>notebooks/.lab/</c>), so that saving leaves the committed notebook as it is.
/// </summary>
public sealed class JupyterLabBrowserTests
{
    private const string Notebook = "02-eda.ipynb";

    /// <summary>A code cell of JupyterLab's notebook.</summary>
    private const string CodeCell = ".jp-Notebook .jp-CodeCell";
    private static readonly TimeSpan LoadLimit = TimeSpan.FromMinutes(2);

    /// <summary>A fresh machine restores the notebook's NuGet packages in its first cell.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The script the .NET Interactive kernel puts in its first output, which loads the kernel's JavaScript API, first
    /// loads require.js from this CDN address where the page has none, as in JupyterLab. Offline, that request fails
    /// and the API is missing; nothing in the workbook uses it. The kernel's doing, not the workbook's: the one request
    /// that may leave the machine.
    /// </summary>
    private const string KernelRequireJs = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";

    /// <summary>
    /// Failures the test expects: <see cref="KernelRequireJs"/>, and JupyterLab 3.6 asking jupyter_server 2's
    /// <c>/api/me</c> for the signed-in user, which Debian's jupyter_server 1.23 does not have (the page goes on
    /// with an anonymous one).
    /// </summary>
    private static readonly string[] Expected = [KernelRequireJs, "/api/me"];

    [Fact]
    public async Task Restart_kernel_and_run_all_in_JupyterLab_runs_02_eda_with_no_error_and_every_chart_draws_offline_live_and_saved()
    {
        var folder = Path.Combine(Repository.NotebooksFolder, ".lab");
        try
        {
            NotebookJson.WriteCopyOneFolderDown(Notebook, folder);
            var watch = new PageWatch(Expected);
            using var server = await NotebookServer.StartLabAsync(Path.Combine("notebooks", ".lab"));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await DebianChromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync();
            watch.Watch(page);
            await page.GotoAsync(server.Home.AbsoluteUri);

            await page.Locator(".jp-DirListing-item", new() { HasText = Notebook }).DblClickAsync(new() { Timeout = Milliseconds(LoadLimit) });
            await Assertions.Expect(page.Locator(".jp-NotebookPanel-toolbar .jp-Toolbar-kernelName")).ToHaveTextAsync(".NET (C#)", new() { Timeout = Milliseconds(LoadLimit) });
            Assert.Equal(".net-csharp", await KernelOfTheSessionAsync(server));

            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Kernel", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { NameRegex = new Regex("^Restart Kernel and Run All Cells") }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Restart", Exact = true }).ClickAsync();
            await page.WaitForFunctionAsync("""
                () => {
                  const prompts = [...document.querySelectorAll(".jp-Notebook .jp-CodeCell .jp-InputArea-prompt")].map(p => p.textContent.trim());
                  return prompts.length > 0 && prompts.every(p => /^\[\d+\]:$/.test(p));
                }
                """, null, new() { Timeout = Milliseconds(RunLimit), PollingInterval = 500 });

            await page.GetByRole(AriaRole.Menuitem, new() { Name = "File", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { NameRegex = new Regex(@"^Save Notebook\s+Ctrl\+S$") }).ClickAsync();
            var cells = await SavedCodeCellsAsync(Path.Combine(folder, Notebook));
            var errors = cells.SelectMany((c, i) => JupyterOutputs.Of(c).Where(o => (string)o["output_type"]! == "error").Select(o => $"code cell {i + 1}: {o["evalue"]}")).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            await JupyterOutputs.AssertEveryChartDrawnAsync(page.Locator(CodeCell), cells, Notebook);

            var reopened = await browser.NewPageAsync();
            watch.Watch(reopened);
            await reopened.GotoAsync(new Uri(server.Address, $"lab/tree/{Notebook}?token={server.Token}").AbsoluteUri);
            await Assertions.Expect(reopened.Locator(CodeCell)).ToHaveCountAsync(cells.Count, new() { Timeout = Milliseconds(LoadLimit) });
            await JupyterOutputs.AssertEveryChartDrawnAsync(reopened.Locator(CodeCell), cells, Notebook);

            Assert.True(watch.Problems.Count == 0, string.Join("\n", watch.Problems));
            Assert.True(watch.Remote.All(url => url == KernelRequireJs), "requests that left the machine:\n" + string.Join("\n", watch.Remote));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static float Milliseconds(TimeSpan limit) => (float)limit.TotalMilliseconds;

    /// <summary>The name of the kernel the server started for the page's one session, once it has.</summary>
    private static Task<string> KernelOfTheSessionAsync(NotebookServer server) =>
        UntilAnsweredAsync(async () => (await server.GetAsync("api/sessions")).AsArray() is { Count: > 0 } sessions ? (string)Assert.Single(sessions)!["kernel"]!["name"]! : null,
            $"JupyterLab started no kernel for {Notebook}");

    /// <summary>The code cells of the notebook JupyterLab saved, once every one of them holds its execution count.</summary>
    private static Task<List<JsonNode>> SavedCodeCellsAsync(string path) =>
        UntilAnsweredAsync(() => Task.FromResult(NotebookJson.CodeCells(path) is var cells && cells.All(c => c["execution_count"] is JsonValue) ? cells : null),
            $"{path} was not saved with every code cell run");

    /// <summary>Asks <paramref name="probe"/> every 250 ms until it answers (not null); fails with <paramref name="failure"/> after <see cref="LoadLimit"/>.</summary>
    private static async Task<T> UntilAnsweredAsync<T>(Func<Task<T?>> probe, string failure)
        where T : class
    {
        var deadline = DateTime.UtcNow + LoadLimit;
        while (true)
        {
            if (await probe() is { } answer)
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{failure} within {LoadLimit}");
            await Task.Delay(250);
        }
    }
}
