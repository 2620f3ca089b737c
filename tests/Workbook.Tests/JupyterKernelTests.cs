using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
            var errors = cells.SelectMany((c, i) => JupyterOutputs.Of(c).Where(o => (string)o["output_type"]! == "error").Select(o => $"{name}, code cell {i + 1}: {o["evalue"]}")).ToList();
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
                Assert.True(JupyterOutputs.Charts(ours[i]) == JupyterOutputs.Charts(theirs[i]), $"{name}, code cell {i + 1}: {JupyterOutputs.Charts(ours[i])} charts from the runner, {JupyterOutputs.Charts(theirs[i])} from Jupyter");
                charts += JupyterOutputs.Charts(theirs[i]);
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

    [Fact]
    public void Plotly_js_is_in_each_notebooks_setup_cell_once_and_in_no_other_so_running_a_chart_cell_again_keeps_the_saved_charts_drawable()
    {
        foreach (var name in Names())
        {
            foreach (var (side, folder) in new[] { ("runner", runner.OutDirectory), ("Jupyter", jupyter.OutDirectory) })
            {
                var cells = NotebookJson.CodeCells(Path.Combine(folder, name + ".ipynb"));
                var copies = cells.Select(c => JupyterOutputs.Of(c).Sum(o => Regex.Count(JupyterOutputs.Html(o), @"\* plotly\.js v2\."))).ToList();

                Assert.True(copies[0] == 1 && copies.Skip(1).All(n => n == 0), $"{side}, {name}: copies of plotly.js per code cell: {string.Join(", ", copies)}");
            }
        }
    }

    private static List<string> Names() => [.. Repository.Notebooks.Select(n => Path.GetFileNameWithoutExtension(n))];

    private static string Shape(JsonNode cell) => string.Join(", ", JupyterOutputs.Of(cell).Select(o => (string)o["output_type"]! switch
    {
        "stream" => $"stream {o["name"]}",
        "error" => "error",
        var type => $"{type} {string.Join("+", o["data"]!.AsObject().Select(d => d.Key).Order(StringComparer.Ordinal))}{(JupyterOutputs.IsChart(o) ? " chart" : "")}",
    }));
}
