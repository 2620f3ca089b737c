using System.Text.Json.Nodes;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>
/// What an analyst does to a notebook besides running it once from the top: running a cell again. A notebook is run
/// in the kernel with every code cell submitted twice in a row (the second time over the state the first left). A
/// restart and a run from the top is what the second of the runner's and Jupyter's runs does
/// (<see cref="JupyterKernelTests"/>). 08 changes the web app's state in almost every cell (outcomes, retraining,
/// promotion, the temporary folder), so it is the notebook this test matters most for; 07 and 08 read the model 06
/// saves, so the tests run in the study's collection, after its run. Left out: 04 to 06, whose
/// searches and cross-validations would double the suite's longest cells; their cells only compute and display.
/// </summary>
[Collection(StudyRuns.Name)]
public sealed class AnalystHabitsTests(ExecutedWorkbook study) : IDisposable
{
    private readonly string _folder = Path.Combine(Repository.NotebooksFolder, ".twice");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("00-overview")]
    [InlineData("01-data")]
    [InlineData("02-eda")]
    [InlineData("03-correlation")]
    [InlineData("07-explanations")]
    [InlineData("08-deployment-and-monitoring")]
    public async Task Running_every_code_cell_twice_in_a_row_fails_no_cell(string name)
    {
        Assert.True(study.ExitCode == 0, $"07 and 08 read the model that notebook 06 saves in the study's run, which failed: {study.Summary}");
        var copy = WriteWithEveryCodeCellTwice(name);

        var run = await Session.RunAsync(copy);

        Assert.True(run.Succeeded, run.Error?.Describe(name));
        Assert.Equal(2 * NotebookJson.CodeCells(Path.Combine(Repository.NotebooksFolder, name + ".ipynb")).Count, run.Cells.Count);
    }

    /// <summary>The notebook with each code cell followed by a copy of itself, one folder down (relative paths and the #load of the setup adjusted).</summary>
    private string WriteWithEveryCodeCellTwice(string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, name + ".ipynb")))!;
        var cells = new JsonArray();
        foreach (var cell in notebook["cells"]!.AsArray().OfType<JsonNode>())
        {
            if ((string)cell["cell_type"]! != "code")
            {
                cells.Add(cell.DeepClone());
                continue;
            }

            var source = NotebookJson.OneFolderDown(NotebookJson.Source(cell));
            foreach (var suffix in new[] { "", "-again" })
            {
                var copy = cell.DeepClone();
                copy["id"] = (string)cell["id"]! + suffix;
                copy["source"] = source;
                cells.Add(copy);
            }
        }

        notebook["cells"] = cells;
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, name + ".ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
