using System.Text.Json.Nodes;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>
/// The notebooks as VS Code's Jupyter extension runs them: Jupyter's own client and the <c>.net-csharp</c> kernel of
/// the pinned dotnet-interactive tool, each notebook in a kernel process of its own. The runner's run and this one
/// follow each other in the same checkout, so the second is also a restart and a run from the top over the files the
/// first left.
/// </summary>
[Collection(StudyRuns.Name)]
public sealed class JupyterKernelTests(ExecutedWorkbook runner, JupyterWorkbook jupyter)
{
    [Fact]
    public void Every_notebook_runs_in_jupyter_with_no_error_output_and_every_code_cell_executed()
    {
        Assert.True(jupyter.ExitCode == 0, jupyter.Log);
        foreach (var name in Names())
        {
            var cells = NotebookJson.CodeCells(Path.Combine(jupyter.OutDirectory, name + ".ipynb"));

            Assert.All(cells, c => Assert.NotNull(c["execution_count"]));
            var errors = cells.SelectMany((c, i) => Outputs(c).Where(o => (string)o["output_type"]! == "error").Select(o => $"{name}, code cell {i + 1}: {o["evalue"]}")).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void Jupyter_draws_a_chart_in_every_cell_where_the_runner_draws_one_and_in_no_other()
    {
        var charts = 0;
        foreach (var name in Names())
        {
            var ours = NotebookJson.CodeCells(Path.Combine(runner.OutDirectory, name + ".ipynb"));
            var theirs = NotebookJson.CodeCells(Path.Combine(jupyter.OutDirectory, name + ".ipynb"));

            Assert.Equal(ours.Count, theirs.Count);
            for (var i = 0; i < ours.Count; i++)
            {
                Assert.True(Charts(ours[i]) == Charts(theirs[i]), $"{name}, code cell {i + 1}: {Charts(ours[i])} charts from the runner, {Charts(theirs[i])} from Jupyter");
                charts += Charts(theirs[i]);
            }
        }

        Assert.True(charts >= Names().Count, $"{charts} charts in {Names().Count} notebooks");
    }

    [Fact]
    public void The_runner_gives_the_outputs_jupyter_gives_cell_by_cell()
    {
        foreach (var name in Names())
        {
            var ours = NotebookJson.CodeCells(Path.Combine(runner.OutDirectory, name + ".ipynb"));
            var theirs = NotebookJson.CodeCells(Path.Combine(jupyter.OutDirectory, name + ".ipynb"));

            for (var i = 0; i < ours.Count; i++)
            {
                Assert.Equal($"{name} {i + 1}: {Shape(ours[i])}", $"{name} {i + 1}: {Shape(theirs[i])}");
            }
        }
    }

    private static List<string> Names() => [.. Repository.Notebooks.Select(n => Path.GetFileNameWithoutExtension(n))];

    /// <summary>A cell's outputs, less the script the Jupyter front end of the kernel adds to find its output cell (no value of the notebook's).</summary>
    private static IEnumerable<JsonNode> Outputs(JsonNode cell) =>
        cell["outputs"]!.AsArray().OfType<JsonNode>().Where(o => !Html(o).Contains("dotnet-interactive-this-cell", StringComparison.Ordinal));

    private static int Charts(JsonNode cell) => Outputs(cell).Count(o => Html(o).Contains("Plotly.newPlot(", StringComparison.Ordinal));

    private static string Shape(JsonNode cell) => string.Join(", ", Outputs(cell).Select(o => (string)o["output_type"]! switch
    {
        "stream" => $"stream {o["name"]}",
        "error" => "error",
        var type => $"{type} {string.Join("+", o["data"]!.AsObject().Select(d => d.Key).Order(StringComparer.Ordinal))}{(Html(o).Contains("Plotly.newPlot(", StringComparison.Ordinal) ? " chart" : "")}",
    }));

    private static string Html(JsonNode output) => output["data"]?["text/html"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string)l!)),
        JsonValue text => (string)text!,
        _ => "",
    };
}
