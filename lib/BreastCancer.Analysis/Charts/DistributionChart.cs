using BreastCancer.Analysis.Data;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Every feature's distribution by class on one page: a grid of small overlaid histograms, benign and malignant in
/// their class colours (<see cref="ClassColors"/>) on shared bins, each panel titled by its feature, one legend for all.
/// </summary>
public static class DistributionChart
{
    /// <summary>The grid for the given rows (all when null), <paramref name="columns"/> panels a row.</summary>
    public static GenericChart ByClass(BreastCancerData data, IReadOnlyList<int>? rows = null, int columns = 5)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var panels = data.FeatureNames.Select((name, f) => Chart.Combine(
        [
            Histogram(selected.Where(r => !data.IsMalignant[r]).Select(r => data[r, f]), "B", name, showLegend: f == 0),
            Histogram(selected.Where(r => data.IsMalignant[r]).Select(r => data[r, f]), "M", name, showLegend: f == 0),
        ])).ToList();
        var gridRows = (panels.Count + columns - 1) / columns;
        var grid = Chart.Grid(panels, gridRows, columns, SubPlotTitles: data.FeatureNames.ToArray(), YGap: 0.45, XGap: 0.15)
            .WithSize(1100, 210 * gridRows);
        return LayoutSettings.AxisTitles(LayoutSettings.With(grid, ("barmode", (object)"overlay")), panels.Count, _ => "value", _ => "tumours");
    }

    private static GenericChart Histogram(IEnumerable<double> values, string label, string feature, bool showLegend) =>
        Chart.Histogram<double, double, string>(
            X: values.Where(v => !double.IsNaN(v)).ToArray(),
            Name: label == "M" ? "malignant (M)" : "benign (B)",
            ShowLegend: showLegend,
            Opacity: 0.6,
            MarkerColor: ClassColors.Of(label),
            BinGroup: feature);
}
