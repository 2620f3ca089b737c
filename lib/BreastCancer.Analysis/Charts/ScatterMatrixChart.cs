using BreastCancer.Analysis.Data;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// A scatter-plot matrix of a few features coloured by class: each off-diagonal panel plots one feature against
/// another, each diagonal panel shows the feature's histograms by class and is titled by the feature; the panels of a column share
/// its x feature, those of a row its y feature.
/// </summary>
public static class ScatterMatrixChart
{
    private static readonly bool[] Classes = [false, true];

    /// <summary>The matrix of <paramref name="features"/> over the given rows (all when null).</summary>
    public static GenericChart Create(BreastCancerData data, IReadOnlyList<string> features, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(features);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var panels = new List<GenericChart>();
        var titles = new List<string>();
        foreach (var y in features)
        {
            foreach (var x in features)
            {
                var first = panels.Count == 0;
                panels.Add(Chart.Combine(Classes.Select(malignant =>
                {
                    var points = selected.Where(r => data.IsMalignant[r] == malignant).ToList();
                    var name = malignant ? "malignant (M)" : "benign (B)";
                    var colour = ClassColors.Of(malignant ? "M" : "B");
                    return x == y
                        ? Chart.Histogram<double, double, string>(X: points.Select(r => data[r, data.IndexOf(x)]).ToArray(), Name: name, ShowLegend: first, Opacity: 0.6, MarkerColor: colour)
                        : Chart.Point<double, double, string>(points.Select(r => data[r, data.IndexOf(x)]).ToArray(), points.Select(r => data[r, data.IndexOf(y)]).ToArray(),
                            Name: name, ShowLegend: first, Opacity: 0.55, MarkerColor: colour);
                })));
                titles.Add(x == y ? x : "");
            }
        }

        var grid = Chart.Grid(panels, features.Count, features.Count, SubPlotTitles: titles.ToArray(), YGap: 0.3, XGap: 0.1).WithSize(1000, 1000);
        var n = features.Count;
        return LayoutSettings.AxisTitles(LayoutSettings.With(grid, ("barmode", (object)"overlay")), n * n,
            p => features[p % n], p => p / n == p % n ? "tumours" : features[p / n]);
    }
}
