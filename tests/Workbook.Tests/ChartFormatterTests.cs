using Workbook.Notebooks;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>
/// Which formatter draws a Plotly.NET chart in the kernel. Plotly.NET.Interactive, the kernel extension Plotly.NET
/// publishes, registers a formatter (when its package is loaded) whose script loads plotly.js with require.js from the
/// plotly CDN, so with no network (this machine, an export opened offline) its charts stay blank; the workbook's
/// setup shows the copy of plotly.js Plotly.NET ships in its own output, and the workbook's formatter fetches nothing. The formatter registered last wins:
/// every notebook registers the workbook's after loading its packages.
/// </summary>
public sealed class ChartFormatterTests : IDisposable
{
    private const string Extension = "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"";
    private const string Chart = "Plotly.NET.CSharp.Chart.Point<double, double, string>(new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 })";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_formatter_registered_last_draws_the_chart_plotly_net_interactives_fetches_plotly_js_from_a_cdn_and_the_workbooks_setup_brings_it()
    {
        var run = await Session.RunAsync(_folder,
            Code(StudySetup.PackagesCell), Code(StudySetup.FormattersCell), Code(Extension), Code(Chart), Code(StudySetup.FormattersCell), Code(Chart));

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Contains(run.CodeCells()[2].Outputs, o => o is DisplayOutput d && d.Data.Values.Any(v => v.Contains("Loading extensions from", StringComparison.Ordinal) && v.Contains("Plotly.NET.Interactive", StringComparison.Ordinal)));
        var extensions = run.CodeCells()[3].Result().Html();
        var workbooks = run.CodeCells()[5].Result().Html();
        Assert.Contains("Plotly.newPlot(", extensions, StringComparison.Ordinal);
        Assert.Contains("requirejs.config(", extensions, StringComparison.Ordinal);
        Assert.Matches("paths:\\{plotly:'https://cdn\\.plot\\.ly/", extensions);
        Assert.DoesNotContain("plotly.js v", extensions, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(", workbooks, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v", workbooks, StringComparison.Ordinal);
        Assert.DoesNotContain("requirejs", workbooks, StringComparison.Ordinal);
        Assert.DoesNotMatch("https?://", workbooks);
        Assert.Contains(run.CodeCells()[0].Outputs, o => o is DisplayOutput d && d.Data.TryGetValue("text/html", out var html)
            && html.StartsWith("<script type=\"text/javascript\">(function () { if (window.Plotly) { return; } var define; /**\n* plotly.js v2.28.0", StringComparison.Ordinal));
    }
}
