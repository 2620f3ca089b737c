using System.Text.Json.Nodes;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>
/// Every decimal figure a notebook's prose quotes is one its own executed outputs show (<see cref="ProseFigures"/>), so
/// that a change of seed, default or data that moves a result fails here instead of leaving stale prose behind.
/// </summary>
[Collection(StudyRuns.Name)]
public sealed class ProseFigureTests(ExecutedWorkbook workbook)
{
    /// <summary>Figures that are not results of the run: constants of a formula and targets set before the study.</summary>
    private static readonly Dictionary<(string Notebook, string Figure), string> NotResults = new()
    {
        [("01-data", "1.4826")] = "the MAD's consistency constant for a normal distribution",
        [("06-tuning", "1.96")] = "the normal quantile of a 95 % interval",
        [("06-tuning", "0.981")] = "the accuracy target the study set itself",
        [("08-deployment-and-monitoring", "1.96")] = "the normal quantile of a 95 % interval",
    };

    /// <summary>
    /// Figures the prose works out from shown ones (a complement, a ratio of interval widths, a bound from a formula): the
    /// parts are checked, the arithmetic is not; each is a candidate for a code cell that shows it.
    /// </summary>
    private static readonly Dictionary<(string Notebook, string Figure), string> WorkedOut = new()
    {
        [("05-models", "3.4")] = "one minus a sensitivity of the operating-point table, in per cent",
        [("05-models", "2.4")] = "one minus a sensitivity of the operating-point table, in per cent",
        [("05-models", "2.6")] = "one minus a sensitivity of the operating-point table, in per cent",
        [("07-explanations", "2.9")] = "the median ratio of the permutation table's two interval widths",
        [("08-deployment-and-monitoring", "−0.061")] = "Tango's bound worked out in the text for one discordant case",
    };

    /// <summary>Figures read from a chart far from the prose that quotes them, or from another notebook: each is checked there.</summary>
    private static readonly Dictionary<(string Notebook, string Figure), (string Notebook, string CellCode)> ReadElsewhere = new()
    {
        [("06-tuning", "0.9956")] = ("06-tuning", "SearchCharts.NestedAgainstNonNested"),
        [("07-explanations", "0.996")] = ("06-tuning", "final"),
    };

    [Fact]
    public void Every_decimal_figure_in_the_prose_is_shown_by_the_notebooks_outputs()
    {
        var unshown = new List<string>();
        var quoted = 0;
        foreach (var notebook in Repository.Notebooks.Select(Path.GetFileNameWithoutExtension))
        {
            var executed = Executed(notebook!);
            quoted += executed["cells"]!.AsArray().OfType<JsonNode>().Where(c => (string)c["cell_type"]! == "markdown").Sum(c => ProseFigures.Figures(NotebookJson.Source(c)).Count);
            foreach (var figure in ProseFigures.Unshown(executed))
            {
                var key = (notebook!, figure.Text);
                if (NotResults.ContainsKey(key) || WorkedOut.ContainsKey(key))
                {
                    continue;
                }

                if (ReadElsewhere.TryGetValue(key, out var source) && ProseFigures.ShownAnywhere(Cells(Executed(source.Notebook), source.CellCode), figure))
                {
                    continue;
                }

                unshown.Add($"{notebook}.ipynb cell {figure.Cell}: {figure.Text} is in no output it could be read from");
            }
        }

        Assert.True(quoted > 500, $"only {quoted} figures found in the prose");
        Assert.True(unshown.Count == 0, string.Join('\n', unshown));
    }

    [Fact]
    public void Every_listed_exception_is_still_quoted_so_that_the_lists_cannot_hide_a_figure_that_left_the_prose()
    {
        foreach (var (notebook, figure) in NotResults.Keys.Concat(WorkedOut.Keys).Concat(ReadElsewhere.Keys))
        {
            var source = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, notebook + ".ipynb")))!;
            Assert.Contains(source["cells"]!.AsArray().OfType<JsonNode>().Where(c => (string)c["cell_type"]! == "markdown")
                .SelectMany(c => ProseFigures.Figures(NotebookJson.Source(c))), f => f.Text == figure);
        }
    }

    private JsonNode Executed(string notebook) => JsonNode.Parse(File.ReadAllText(Path.Combine(workbook.OutDirectory, notebook + ".ipynb")))!;

    /// <summary>The notebook with only its code cells whose source contains <paramref name="code"/>.</summary>
    private static JsonObject Cells(JsonNode notebook, string code) =>
        new JsonObject { ["cells"] = new JsonArray([.. notebook["cells"]!.AsArray().OfType<JsonNode>().Where(c => (string)c["cell_type"]! == "code" && NotebookJson.Source(c).Contains(code, StringComparison.Ordinal)).Select(c => c.DeepClone())]) };
}
