using System.Text.RegularExpressions;
using Workbook.Export;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>What an export contains: rendered Markdown, highlighted code, the kernel's outputs, times, contents, links, scripts.</summary>
public sealed class HtmlExportTests : IDisposable
{
    private const string ChartCell = """
        display(Plotly.NET.CSharp.Chart.Point<double, double, string>(new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 }));
        Plotly.NET.CSharp.Chart.Line<double, double, string>(new[] { 1.0, 2.0 }, new[] { 5.0, 6.0 })
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Markdown_is_rendered_with_tables_math_contents_and_links_to_other_exports()
    {
        var html = await ExportAsync(
            Markdown("# The title\n\nSee [the data](01-data.ipynb#top) and [a site](https://example.org/x.ipynb).\n\n## Method\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nThe area is $\\pi r^2$."),
            Markdown("## Method\n\nAgain, in another cell."),
            Code("var x = 1;"));

        Assert.Contains("<h1 id=\"the-title\">The title</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"01-data.html#top\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/x.ipynb\"", html, StringComparison.Ordinal);
        Assert.Matches("<table>(.|\n)*<th>a</th>(.|\n)*<td>2</td>", html);
        Assert.Contains("<span class=\"math\">\\(\\pi r^2\\)</span>", html, StringComparison.Ordinal);
        Assert.Contains("temml.render", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"level-2\"><a href=\"#method\">Method</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"level-2\"><a href=\"#method-2\">Method</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"method-2\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_is_highlighted_and_outputs_and_run_times_are_inline()
    {
        var html = await ExportAsync(Code("var greeting = \"hi\";\nConsole.WriteLine(greeting + \" <there>\");\n6 * 7"));

        Assert.Matches("<span class=\"keyword\">var</span>", html);
        Assert.Contains("<pre class=\"output stream stdout\">hi &lt;there&gt;\n</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<pre>42</pre>", html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"prompt\">\\[1\\]</span><span class=\"cell-number\">cell 1</span><span class=\"time\">\\d+\\.\\d\\d s</span>", html);
        Assert.DoesNotContain("temml", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plotly_js_comes_once_with_the_setup_cell_before_every_chart_and_nothing_is_fetched()
    {
        var html = await ExportAsync(Code(StudySetup.PackagesCell), Code(StudySetup.FormattersCell), Code(ChartCell), Code(ChartCell.Replace("Line", "Bar", StringComparison.Ordinal)));

        Assert.Equal(4, Regex.Count(html, "Plotly\\.newPlot\\('"));
        Assert.Single(Regex.Matches(html, "plotly\\.js v2\\.28\\.0"));
        Assert.True(html.IndexOf("plotly.js v", StringComparison.Ordinal) < html.IndexOf("Plotly.newPlot('", StringComparison.Ordinal));
        var markup = Regex.Replace(html, "<script[^>]*>(.|\n)*?</script>", "<script></script>");
        Assert.DoesNotMatch("<script[^>]+src=", markup);
        Assert.DoesNotMatch("<link[^>]+href=", markup);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", markup);
    }

    [Fact]
    public async Task A_page_without_charts_carries_no_plotly_js()
    {
        var html = await ExportAsync(Code("1"));

        Assert.DoesNotContain("plotly.js v", html, StringComparison.Ordinal);
        Assert.True(html.Length < 100_000, $"{html.Length} characters");
    }

    private async Task<string> ExportAsync(params string[] cells)
    {
        var run = await Session.RunAsync(_folder, cells);
        Assert.True(run.Succeeded, run.Error?.Message);
        return HtmlExporter.RenderNotebook(run, new PageLinks(null, null));
    }
}
