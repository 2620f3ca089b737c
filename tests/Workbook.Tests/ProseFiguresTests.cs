using System.Text.Json.Nodes;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>What <see cref="ProseFigures"/> counts as a figure and as its output, on hand-made notebooks.</summary>
public sealed class ProseFiguresTests
{
    [Fact]
    public void A_figure_is_shown_by_an_output_that_rounds_to_it_or_by_its_percentage_and_not_by_its_neighbour()
    {
        var notebook = Notebook(Markdown("ROC AUC 0.9977, 62.7 % benign, a gap of 2.9 × 10⁻⁸ and a shift of −0.0105; also 0.9978."),
            Code("x", Text("auc 0.99771234; share 0.6274; gap 2.9E-008; shift -0.01049")));

        Assert.Equal(["0.9978"], ProseFigures.Unshown(notebook).Select(f => f.Text));
    }

    [Fact]
    public void A_chart_counts_only_for_the_prose_beside_it()
    {
        var chart = Code("Chart()", new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = "<script>var data = [{\"y\":[0.4312]}];</script>" } });
        var notebook = Notebook(Markdown("The bar reaches 0.431."), chart, Code("a"), Code("b"), Code("c"), Markdown("Far below, 0.431 again."));

        var unshown = ProseFigures.Unshown(notebook);

        Assert.Equal([(5, "0.431")], unshown.Select(f => (f.Cell, f.Text)));
        Assert.True(ProseFigures.ShownAnywhere(notebook, unshown[0]));
    }

    [Fact]
    public void Integers_version_numbers_and_figures_in_code_are_not_prose_figures()
    {
        Assert.Equal(["0.5", "1,646.25"], ProseFigures.Figures("Seed 1, 30 folds, version 1.0.712001, threshold 0.5 and an area of 1,646.25.").Select(f => f.Text));
    }

    private static JsonObject Notebook(params JsonNode[] cells) => new JsonObject { ["cells"] = new JsonArray(cells) };

    private static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["source"] = new JsonArray(text) };

    private static JsonObject Code(string source, params JsonNode[] outputs) => new() { ["cell_type"] = "code", ["source"] = new JsonArray(source), ["outputs"] = new JsonArray(outputs) };

    private static JsonObject Text(string text) => new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text };
}
