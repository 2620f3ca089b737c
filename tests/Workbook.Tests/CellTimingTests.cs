using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Export;
using Workbook.Notebooks;
using Workbook.Running;
using Workbook.Tests.Support;
using static Workbook.Tests.Support.NotebookFile;

namespace Workbook.Tests;

/// <summary>Each code cell's wall-clock time: recorded by the runner, written as Jupyter's execution metadata, shown in the exports.</summary>
public sealed class CellTimingTests : IDisposable
{
    private const string Sleep = "System.Threading.Thread.Sleep(300);";
    private static readonly TimeSpan Slept = TimeSpan.FromMilliseconds(300);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Each_cell_records_when_it_started_and_how_long_it_took()
    {
        var run = await RunAsync();

        var (warmUp, sleeping, trivial) = (run.Cells[0], run.Cells[2], run.Cells[3]);
        Assert.True(sleeping.Duration >= Slept, $"the sleeping cell took {sleeping.Duration}");
        Assert.True(sleeping.Duration > trivial.Duration, $"sleeping {sleeping.Duration}, trivial {trivial.Duration}");
        Assert.True(sleeping.Started >= warmUp.Started + warmUp.Duration, $"{sleeping.Started:O} is before the warm-up cell ended");
        Assert.True(trivial.Started >= sleeping.Started + sleeping.Duration, $"{trivial.Started:O} is before the sleeping cell ended");
        Assert.True(run.Cells.Values.Sum(c => c.Duration.Ticks) <= run.Duration.Ticks);
    }

    [Fact]
    public async Task The_slowest_cells_come_slowest_first_with_their_cell()
    {
        var run = await RunAsync();

        var slowest = run.SlowestCells(2);

        Assert.Equal(2, slowest.Count);
        Assert.True(slowest[0].Executed.Duration >= slowest[1].Executed.Duration);
        var sleeping = Assert.Single(slowest, s => s.Cell.Number == 3);
        Assert.Equal(Sleep, sleeping.Cell.FirstLine);
        Assert.Same(run.Cells[2], sleeping.Executed);
        Assert.Equal(run.Cells.Count, run.SlowestCells(10).Count);
    }

    [Fact]
    public async Task The_written_notebook_records_each_cells_start_and_end_as_jupyter_does_and_keeps_the_polyglot_metadata()
    {
        var run = await RunAsync();
        var written = _folder.File("written.ipynb");
        File.WriteAllText(written, run.Document.ToJson(run.Cells));

        Assert.Null(Nbformat.Validate(written));
        var cells = JsonNode.Parse(File.ReadAllText(written))!["cells"]!.AsArray();
        var sleeping = cells[2]!["metadata"]!;
        Assert.Equal("csharp", (string)sleeping["polyglot_notebook"]!["kernelName"]!);
        Assert.Equal("csharp", (string)sleeping["dotnet_interactive"]!["language"]!);
        var execution = sleeping[ExecutionTiming.MetadataKey]!.AsObject();
        Assert.Equal(["iopub.execute_input", "iopub.status.busy", "iopub.status.idle", "shell.execute_reply"], execution.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(execution, p => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", (string)p.Value!));
        var recorded = Time(execution, "shell.execute_reply") - Time(execution, "iopub.execute_input");
        Assert.True(recorded >= Slept, $"recorded {recorded}");
        Assert.True((recorded - run.Cells[2].Duration).Duration() < TimeSpan.FromMilliseconds(1), $"recorded {recorded}, measured {run.Cells[2].Duration}");
        Assert.Equal(Time(execution, "iopub.execute_input"), Time(execution, "iopub.status.busy"));
        Assert.Equal(Time(execution, "shell.execute_reply"), Time(execution, "iopub.status.idle"));
        Assert.Null(cells[1]!["metadata"]![ExecutionTiming.MetadataKey]);
        Assert.True(Time(cells[3]!["metadata"]![ExecutionTiming.MetadataKey]!.AsObject(), "iopub.execute_input") >= Time(execution, "shell.execute_reply"));
    }

    [Fact]
    public async Task The_committed_form_carries_no_timing()
    {
        var run = await RunAsync();

        var cells = JsonNode.Parse(run.Document.ToJson())!["cells"]!.AsArray();

        Assert.All(cells, c => Assert.Null(c!["metadata"]![ExecutionTiming.MetadataKey]));
    }

    [Fact]
    public async Task The_export_shows_each_code_cells_time_beside_its_execution_count()
    {
        var run = await RunAsync();

        var html = HtmlExporter.RenderNotebook(run, new PageLinks(null, null));

        var sleeping = ShownSeconds(html, cell: 3, executionCount: 2);
        var trivial = ShownSeconds(html, cell: 4, executionCount: 3);
        Assert.True(sleeping >= Slept.TotalSeconds, $"shown {sleeping} s");
        Assert.Equal(run.Cells[2].Duration.TotalSeconds, sleeping, 0.005);
        Assert.Equal(run.Cells[3].Duration.TotalSeconds, trivial, 0.005);
    }

    [Fact]
    public async Task The_index_lists_the_five_slowest_cells_of_each_notebook_with_links_times_and_first_lines()
    {
        var run = await RunAsync(Code("var a = 1;"), Code("var b = 2;"), Code("var c = 3;"));

        var index = HtmlExporter.RenderIndex([run]);

        var rows = Regex.Matches(index, "<tr><td>test</td><td><a href=\"test\\.html#cell-(\\d+)\">cell \\1</a></td><td class=\"time\">(\\d+\\.\\d\\d) s</td><td class=\"time\">\\d+ %</td><td><code>(.*?)</code></td></tr>");
        Assert.Equal(5, rows.Count);
        var times = rows.Select(r => double.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderDescending(), times);
        var sleeping = Assert.Single(rows, r => r.Groups[1].Value == "3");
        Assert.Equal(Sleep, sleeping.Groups[3].Value);
        Assert.True(double.Parse(sleeping.Groups[2].Value, CultureInfo.InvariantCulture) >= Slept.TotalSeconds, sleeping.Value);
    }

    /// <summary>A warm-up cell, Markdown, the sleeping cell (cell 3), a trivial cell (cell 4), then <paramref name="more"/>.</summary>
    private Task<NotebookRun> RunAsync(params string[] more) =>
        Session.RunAsync(_folder, [Code("var warm = 0;"), Markdown("# Timing"), Code(Sleep), Code("var trivial = 1;"), .. more]);

    private static DateTimeOffset Time(JsonObject execution, string key) =>
        DateTimeOffset.Parse((string)execution[key]!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static double ShownSeconds(string html, int cell, int executionCount)
    {
        var head = Regex.Match(html, $"<section class=\"cell code ok\" id=\"cell-{cell}\">\n<div class=\"cell-head\"><span class=\"prompt\">\\[{executionCount}\\]</span><span class=\"cell-number\">cell {cell}</span><span class=\"time\">(\\d+\\.\\d\\d) s</span></div>");
        Assert.True(head.Success, $"no timed head for cell {cell}");
        return double.Parse(head.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
