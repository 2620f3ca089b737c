using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>
/// The README's steps for the classic Jupyter Notebook, followed in Debian's Chromium: start the server from the
/// repository, open 02-eda from the list, Kernel → Restart &amp; Run All, confirm. The page loads require.js, which the
/// UMD loader of plotly.js registers itself with instead of setting <c>window.Plotly</c>, so this is the front end
/// where the charts would stay blank although the kernel's outputs are right; the test shows they draw, offline.
/// </summary>
public sealed class JupyterNotebookBrowserTests
{
    private const string Notebook = "02-eda.ipynb";

    /// <summary>A code cell on the classic Notebook's page.</summary>
    private const string CodeCell = ".cell.code_cell";
    private static readonly TimeSpan LoadLimit = TimeSpan.FromMinutes(2);

    /// <summary>A fresh machine restores the notebook's NuGet packages in its first cell.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What the notebook page asks for and Debian's server does not have, both harmless: ipywidgets' extension (not
    /// installed) and a CodeMirror mode for the notebooks' language, <c>polyglot-notebook</c> (none exists).
    /// </summary>
    private static readonly string[] MissingFiles =
        ["/nbextensions/widgets/notebook/js/extension.js", "/static/components/codemirror/mode/polyglot-notebook/polyglot-notebook.js"];

    [Fact]
    public async Task Restart_and_run_all_in_the_classic_notebook_runs_02_eda_with_no_error_and_draws_every_chart_offline()
    {
        var committed = await File.ReadAllBytesAsync(Path.Combine(Repository.NotebooksFolder, Notebook));
        var watch = new PageWatch(MissingFiles);
        using var server = await NotebookServer.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var tree = await browser.NewPageAsync();
        watch.Watch(tree);
        await tree.GotoAsync(server.Home.AbsoluteUri);

        var page = await tree.Context.RunAndWaitForPageAsync(() => tree.GetByRole(AriaRole.Link, new() { Name = Notebook, Exact = true }).ClickAsync());
        watch.Watch(page);
        await WaitUntilLoadedAsync(page);
        Assert.Equal(".net-csharp", await page.EvaluateAsync<string>("() => Jupyter.notebook.kernel.name"));
        Assert.Equal(".NET (C#)", await page.Locator(".kernel_indicator_name").TextContentAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Kernel", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Restart & Run All", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restart and Run All Cells" }).ClickAsync();
        await WaitUntilEveryCodeCellRanAsync(page);

        var cells = await CodeCellsAsync(page);
        var errors = cells.SelectMany((c, i) => JupyterOutputs.Of(c).Where(o => (string)o["output_type"]! == "error").Select(o => $"code cell {i + 1}: {o["evalue"]}")).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await JupyterOutputs.AssertEveryChartDrawnAsync(page.Locator(CodeCell), cells, Notebook);

        Assert.True(watch.Problems.Count == 0, string.Join("\n", watch.Problems));
        Assert.True(watch.Remote.Count == 0, "requests that left the machine:\n" + string.Join("\n", watch.Remote));
        Assert.Equal(committed, await File.ReadAllBytesAsync(Path.Combine(Repository.NotebooksFolder, Notebook)));
    }

    /// <summary>
    /// What a saved notebook shows when it is opened again after a chart's cell ran a second time, which replaces that
    /// cell's output: so plotly.js must not live there. A copy of 02-eda one folder down (<c>notebooks/.reopen/</c>),
    /// served writable: Restart &amp; Run All, run the first chart's cell again, save, open the notebook in a new page:
    /// every chart of the saved outputs draws, offline.
    /// </summary>
    [Fact]
    public async Task After_a_chart_cell_runs_again_the_saved_notebook_opened_again_draws_every_chart_offline()
    {
        var folder = Path.Combine(Repository.NotebooksFolder, ".reopen");
        try
        {
            NotebookJson.WriteCopyOneFolderDown(Notebook, folder);
            var watch = new PageWatch(MissingFiles);
            using var server = await NotebookServer.StartAsync(Path.Combine("notebooks", ".reopen"));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await DebianChromium.LaunchAsync(playwright);
            var address = new Uri(server.Address, $"notebooks/{Notebook}?token={server.Token}").AbsoluteUri;
            var page = await browser.NewPageAsync();
            watch.Watch(page);
            await page.GotoAsync(address);
            await WaitUntilLoadedAsync(page);

            await page.EvaluateAsync("() => Jupyter.notebook.restart_run_all({ confirm: false })");
            await WaitUntilEveryCodeCellRanAsync(page);
            var first = (await CodeCellsAsync(page)).FindIndex(c => JupyterOutputs.Charts(c) > 0);
            Assert.True(first >= 0, $"no chart in the outputs of {Notebook}");
            var ran = await page.EvaluateAsync<int>("i => Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')[i].input_prompt_number", first);
            await page.EvaluateAsync("i => Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')[i].execute()", first);
            await page.WaitForFunctionAsync("([i, ran]) => !Jupyter.notebook.kernel_busy && Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')[i].input_prompt_number > ran",
                new object[] { first, ran }, new() { Timeout = (float)RunLimit.TotalMilliseconds, PollingInterval = 250 });
            await page.EvaluateAsync("() => Jupyter.notebook.save_notebook()");
            await page.CloseAsync();

            var reopened = await browser.NewPageAsync();
            watch.Watch(reopened);
            await reopened.GotoAsync(address);
            await WaitUntilLoadedAsync(reopened);
            await JupyterOutputs.AssertEveryChartDrawnAsync(reopened.Locator(CodeCell), await CodeCellsAsync(reopened), Notebook);

            Assert.True(watch.Problems.Count == 0, string.Join("\n", watch.Problems));
            Assert.True(watch.Remote.Count == 0, "requests that left the machine:\n" + string.Join("\n", watch.Remote));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task WaitUntilLoadedAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => window.Jupyter?.notebook?._fully_loaded && Jupyter.notebook.kernel?.is_connected()", null,
            new() { Timeout = (float)LoadLimit.TotalMilliseconds });

    private static async Task WaitUntilEveryCodeCellRanAsync(IPage page) =>
        await page.WaitForFunctionAsync("""
            () => !Jupyter.notebook.kernel_busy &&
              Jupyter.notebook.get_cells().filter(c => c.cell_type === "code").every(c => typeof c.input_prompt_number === "number")
            """, null, new() { Timeout = (float)RunLimit.TotalMilliseconds, PollingInterval = 500 });

    /// <summary>The page's code cells in nbformat JSON, as the notebook would save them.</summary>
    private static async Task<List<JsonNode>> CodeCellsAsync(IPage page) =>
        [.. JsonNode.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(Jupyter.notebook.toJSON())"))!["cells"]!
            .AsArray().OfType<JsonNode>().Where(c => (string)c["cell_type"]! == "code")];
}
