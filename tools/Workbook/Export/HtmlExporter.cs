using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using ColorCode;
using Workbook.Notebooks;
using Workbook.Running;

namespace Workbook.Export;

/// <summary>
/// Writes self-contained HTML exports: each notebook's Markdown rendered, code highlighted, outputs inline, each
/// cell's run time, a table of contents, links to the previous and next notebook and to the index. Outputs are the
/// kernel's, as VS Code shows them: plotly.js comes with the setup cell's output (Plotly.NET's own copy, which the
/// workbook's chart formatter sends with a session's first chart instead when no setup showed it), none is added. The index lists the notebooks and each one's slowest
/// cells. Nothing on the page is fetched from the network.
/// </summary>
public static class HtmlExporter
{
    private const int SlowestCellsListed = 5;
    private const int FirstLineShown = 80;

    private static readonly Lazy<string> Style = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Workbook.Export.export.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd() + new HtmlClassFormatter().GetCSSString();
    });

    /// <summary>The export of one notebook run.</summary>
    public static string RenderNotebook(NotebookRun run, PageLinks links)
    {
        var markdown = new MarkdownRenderer();
        var body = new StringBuilder();
        var needsMath = false;
        var cells = run.Document.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    var html = markdown.Render(cell.Source);
                    needsMath |= MathScript.IsNeededBy(html);
                    body.Append(CultureInfo.InvariantCulture, $"<section class=\"cell markdown\" id=\"cell-{cell.Number}\">\n{html}</section>\n");
                    break;
                case CellKind.Raw:
                    body.Append(CultureInfo.InvariantCulture, $"<section class=\"cell raw\" id=\"cell-{cell.Number}\"><pre>{Encode(cell.Source)}</pre></section>\n");
                    break;
                default:
                    run.Cells.TryGetValue(i, out var executed);
                    AppendCodeCell(body, cell, executed);
                    break;
            }
        }

        var title = run.Document.Title;
        var page = new StringBuilder();
        AppendHead(page, title, needsMath);
        page.Append("<body>\n");
        AppendNavigation(page, links, "top");
        page.Append("<div class=\"layout\">\n");
        AppendContents(page, markdown.Headings);
        page.Append("<main>\n");
        page.Append(CultureInfo.InvariantCulture,
            $"<p class=\"run-info\">{Encode(run.Document.Name)}.ipynb · executed {DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} · {Seconds(run.Duration)}</p>\n");
        if (run.Error is { } error)
        {
            page.Append(CultureInfo.InvariantCulture,
                $"<div class=\"failure\" role=\"alert\">This notebook stopped at <a href=\"#cell-{error.Cell}\">cell {error.Cell}</a>{(error.Line is { } line ? $", line {line}" : "")}: {Encode(error.Message)}</div>\n");
        }

        page.Append(body);
        page.Append("</main>\n</div>\n");
        AppendNavigation(page, links, "bottom");
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The index page: every notebook of the run with its title, status and time, then each notebook's slowest code cells.</summary>
    public static string RenderIndex(IReadOnlyList<NotebookRun> runs)
    {
        var page = new StringBuilder();
        AppendHead(page, "Breast cancer diagnosis workbook", needsMath: false);
        page.Append("<body>\n<main class=\"index\">\n<h1>Breast cancer diagnosis workbook</h1>\n");
        var failed = runs.Count(r => !r.Succeeded);
        page.Append(CultureInfo.InvariantCulture,
            $"<p class=\"run-info\">{runs.Count} notebooks, {failed} failed, {Seconds(TimeSpan.FromTicks(runs.Sum(r => r.Duration.Ticks)))} in all · executed {DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</p>\n");
        page.Append("<table>\n<thead><tr><th>Notebook</th><th>File</th><th>Status</th><th>Code cells run</th><th>Time</th></tr></thead>\n<tbody>\n");
        foreach (var run in runs)
        {
            var status = run.Error is { } e ? $"failed at cell {e.Cell}" : "ok";
            var codeCells = run.Document.Cells.Count(c => c.Kind == CellKind.Code);
            page.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"{(run.Succeeded ? "ok" : "failed")}\"><td><a href=\"{Encode(run.Document.Name)}.html\">{Encode(run.Document.Title)}</a></td><td><a href=\"{Encode(run.Document.Name)}.ipynb\">{Encode(run.Document.Name)}.ipynb</a></td><td class=\"status\">{status}</td><td>{run.Cells.Count} of {codeCells}</td><td>{Seconds(run.Duration)}</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        AppendSlowestCells(page, runs);
        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendSlowestCells(StringBuilder page, IReadOnlyList<NotebookRun> runs)
    {
        page.Append(CultureInfo.InvariantCulture,
            $"<h2 id=\"slowest-cells\">Slowest cells</h2>\n<p class=\"run-info\">The {SlowestCellsListed} code cells of each notebook that took longest (wall-clock time, compilation included) and their share of the notebook's time.</p>\n");
        page.Append("<table class=\"slowest\">\n<thead><tr><th>Notebook</th><th>Cell</th><th>Time</th><th>Share</th><th>First line</th></tr></thead>\n<tbody>\n");
        foreach (var run in runs)
        {
            var name = Encode(run.Document.Name);
            foreach (var (cell, executed) in run.SlowestCells(SlowestCellsListed))
            {
                var share = run.Duration > TimeSpan.Zero ? executed.Duration / run.Duration : 0;
                page.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{name}</td><td><a href=\"{name}.html#cell-{cell.Number}\">cell {cell.Number}</a></td><td class=\"time\">{Seconds(executed.Duration)}</td><td class=\"time\">{share:P0}</td><td><code>{Encode(Shortened(cell.FirstLine))}</code></td></tr>\n");
            }
        }

        page.Append("</tbody>\n</table>\n");
    }

    private static string Shortened(string line) => line.Length <= FirstLineShown ? line : line[..(FirstLineShown - 1)] + "…";

    private static void AppendCodeCell(StringBuilder body, NotebookCell cell, ExecutedCell? executed)
    {
        var state = executed is null ? "not-run" : executed.Error is null ? "ok" : "failed";
        var prompt = executed is null ? "[ ]" : $"[{executed.ExecutionCount}]";
        var time = executed is null ? "not run" : Seconds(executed.Duration);
        body.Append(CultureInfo.InvariantCulture, $"<section class=\"cell code {state}\" id=\"cell-{cell.Number}\">\n");
        body.Append(CultureInfo.InvariantCulture, $"<div class=\"cell-head\"><span class=\"prompt\">{prompt}</span><span class=\"cell-number\">cell {cell.Number}</span><span class=\"time\">{time}</span></div>\n");
        body.Append("<div class=\"source\">").Append(new HtmlClassFormatter().GetHtmlString(cell.Source, Languages.CSharp)).Append("</div>\n");
        if (executed is { Outputs.Count: > 0 })
        {
            body.Append("<div class=\"outputs\">\n");
            foreach (var output in executed.Outputs)
            {
                body.Append(RenderOutput(output)).Append('\n');
            }

            body.Append("</div>\n");
        }

        body.Append("</section>\n");
    }

    private static string RenderOutput(CellOutput output) => output switch
    {
        StreamOutput stream => $"<pre class=\"output stream {stream.Name}\">{Encode(stream.Text)}</pre>",
        DisplayOutput display when display.Data.TryGetValue("text/html", out var html) => $"<div class=\"output display\">{html}</div>",
        DisplayOutput display when display.Data.TryGetValue("image/svg+xml", out var svg) => $"<div class=\"output display\">{svg}</div>",
        DisplayOutput display when display.Data.TryGetValue("image/png", out var png) => $"<div class=\"output display\"><img alt=\"output\" src=\"data:image/png;base64,{png}\"></div>",
        DisplayOutput display => $"<pre class=\"output display\">{Encode(display.Data.Values.FirstOrDefault() ?? "")}</pre>",
        ErrorOutput error => $"<pre class=\"output error\"><strong>{Encode(error.Name)}</strong>: {Encode(error.Value)}</pre>",
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output kind"),
    };

    private static void AppendHead(StringBuilder page, string title, bool needsMath)
    {
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>\n<style>\n{Style.Value}\n</style>\n");
        if (needsMath)
        {
            page.Append("<style>\n").Append(MathScript.Style).Append("\n</style>\n<script>\n").Append(MathScript.Source).Append("\n</script>\n");
        }

        page.Append("</head>\n");
    }

    private static void AppendNavigation(StringBuilder page, PageLinks links, string where)
    {
        page.Append(CultureInfo.InvariantCulture, $"<nav class=\"pager {where}\">");
        page.Append(links.Previous is { } previous ? $"<a rel=\"prev\" href=\"{Encode(previous.Href)}\">← {Encode(previous.Title)}</a>" : "<span></span>");
        page.Append("<a href=\"index.html\">Index</a>");
        page.Append(links.Next is { } next ? $"<a rel=\"next\" href=\"{Encode(next.Href)}\">{Encode(next.Title)} →</a>" : "<span></span>");
        page.Append("</nav>\n");
    }

    private static void AppendContents(StringBuilder page, IReadOnlyList<MarkdownRenderer.Heading> headings)
    {
        page.Append("<nav class=\"contents\"><h2>Contents</h2>\n<ul>\n");
        foreach (var heading in headings)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li class=\"level-{heading.Level}\"><a href=\"#{Encode(heading.Id)}\">{Encode(heading.Text)}</a></li>\n");
        }

        page.Append("</ul>\n</nav>\n");
    }

    private static string Seconds(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:F2} s");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
