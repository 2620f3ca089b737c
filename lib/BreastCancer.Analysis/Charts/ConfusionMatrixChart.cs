using BreastCancer.Analysis.Evaluation;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Confusion matrices side by side, one per model, laid out as scikit-learn's <c>ConfusionMatrixDisplay</c> draws
/// them: rows the true diagnosis (benign on top), columns the predicted one (benign on the left), each cell its count
/// and its share of the true class. The anti-diagonal reads as specificity (top left) and sensitivity (bottom right);
/// the bottom-left cell counts missed cancers, the top-right benign tumours sent to biopsy.
/// </summary>
public static class ConfusionMatrixChart
{
    /// <summary>The confusion matrix at 0.5 of every model of <paramref name="comparison"/>, summed over its folds.</summary>
    public static GenericChart Create(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Create([.. comparison.Models.Select(m => (ChartLabels.Short(m.Pipeline), m.PooledCounts))]);
    }

    /// <summary>The matrices of the named counts (e.g. each model's <see cref="CrossValidationResult.PooledCounts"/>).</summary>
    public static GenericChart Create(IReadOnlyList<(string Model, ConfusionCounts Counts)> matrices)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        string[] predicted = ["predicted benign", "predicted malignant"];
        string[] actual = ["malignant", "benign"];
        var panels = matrices.Select((m, i) =>
        {
            var c = m.Counts;
            double[][] shares =
            [
                [Share(c.FalseNegatives, c.FalseNegatives + c.TruePositives), Share(c.TruePositives, c.FalseNegatives + c.TruePositives)],
                [Share(c.TrueNegatives, c.TrueNegatives + c.FalsePositives), Share(c.FalsePositives, c.TrueNegatives + c.FalsePositives)],
            ];
            string[][] text =
            [
                [$"{c.FalseNegatives} ({shares[0][0]:P1})", $"{c.TruePositives} ({shares[0][1]:P1})"],
                [$"{c.TrueNegatives} ({shares[1][0]:P1})", $"{c.FalsePositives} ({shares[1][1]:P1})"],
            ];
            var heatmap = Chart.Heatmap<double, string, string, string>(zData: shares, X: predicted, Y: actual, Name: m.Model, ShowScale: false);
            foreach (var trace in GenericChart.getTraces(heatmap))
            {
                trace.SetProperty("text", text);
                trace.SetProperty("texttemplate", "%{text}");
                trace.SetProperty("zmin", 0.0);
                trace.SetProperty("zmax", 1.0);
                trace.SetProperty("colorscale", ColorScales.Blues);
                trace.SetProperty("hovertemplate", "true %{y}, %{x}: %{text}<extra>" + m.Model + "</extra>");
            }

            return heatmap;
        }).ToArray();
        var columns = Math.Min(matrices.Count, 4);
        var rows = (matrices.Count + columns - 1) / columns;
        var grid = Chart.Grid(panels, rows, columns, SubPlotTitles: matrices.Select(m => m.Model).ToArray(), YGap: 0.35, XGap: 0.15).WithSize(300 * columns + 120, 280 * rows + 60);
        return LayoutSettings.AxisTitles(grid, matrices.Count, _ => "predicted diagnosis", _ => "true diagnosis");
    }

    private static double Share(int count, int total) => total == 0 ? 0 : count / (double)total;
}
