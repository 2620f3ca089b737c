using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Workbook.Tests.Support;

/// <summary>How the Jupyter tests read a code cell's outputs in nbformat JSON, whether from a file or from a live page.</summary>
internal static class JupyterOutputs
{
    /// <summary>A cell's outputs, less the script the Jupyter front end of the kernel adds to find its output cell (no value of the notebook's).</summary>
    public static IEnumerable<JsonNode> Of(JsonNode cell) =>
        cell["outputs"]!.AsArray().OfType<JsonNode>().Where(o => !Html(o).Contains("dotnet-interactive-this-cell", StringComparison.Ordinal));

    /// <summary>Whether an output draws a Plotly chart: a chart's script calls <c>Plotly.newPlot('id', …)</c> (plotly.js itself, in the setup's output, names <c>Plotly.newPlot(</c> too).</summary>
    public static bool IsChart(JsonNode output) => Html(output).Contains("Plotly.newPlot('", StringComparison.Ordinal);

    /// <summary>The charts among a cell's outputs.</summary>
    public static int Charts(JsonNode cell) => Of(cell).Count(IsChart);

    /// <summary>An output's <c>text/html</c>, joined; empty when it has none.</summary>
    public static string Html(JsonNode output) => output["data"]?["text/html"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string)l!)),
        JsonValue text => (string)text!,
        _ => "",
    };

    /// <summary>
    /// Every code cell of a page (<paramref name="codeCells"/>, in the order of <paramref name="cells"/>) shows as many
    /// drawn charts (a plot with its SVG) as its outputs hold, and <paramref name="notebook"/>'s outputs hold at least one.
    /// </summary>
    public static async Task AssertEveryChartDrawnAsync(ILocator codeCells, IReadOnlyList<JsonNode> cells, string notebook)
    {
        Assert.True(cells.Sum(Charts) > 0, $"no chart in the outputs of {notebook}");
        for (var i = 0; i < cells.Count; i++)
        {
            await Assertions.Expect(codeCells.Nth(i).Locator(".js-plotly-plot:has(svg.main-svg)")).ToHaveCountAsync(Charts(cells[i]));
        }
    }
}
