using BreastCancer.Analysis.Exploration;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// A correlation heatmap: features in the order given (the clustering's leaf order, so that related features sit
/// together), a diverging colour scale from blue (−1) through white (0) to red (+1) (ColorBrewer RdBu, safe for colour
/// blindness), the value on hover, and each cluster outlined by a rectangle on the diagonal.
/// </summary>
public static class CorrelationHeatmapChart
{
    /// <summary>The heatmap of <paramref name="correlations"/>, with <paramref name="clusters"/> outlined when given.</summary>
    public static GenericChart Create(CorrelationMatrix correlations, FeatureClusters? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        var names = correlations.Features;
        var heatmap = Chart.Heatmap<double, string, string, string>(
            zData: correlations.Values.Select(row => row.ToArray()).ToArray(), X: names.ToArray(), Y: names.ToArray(),
            Name: correlations.Method.ToString(), ReverseYAxis: true);
        foreach (var trace in GenericChart.getTraces(heatmap))
        {
            trace.SetProperty("colorscale", ColorScales.RedBlue);
            trace.SetProperty("zmin", -1.0);
            trace.SetProperty("zmid", 0.0);
            trace.SetProperty("zmax", 1.0);
            trace.SetProperty("hovertemplate", "%{y} × %{x}<br>" + (correlations.Method == CorrelationMethod.Pearson ? "r" : "ρ") + " = %{z:.3f}<extra></extra>");
            trace.SetProperty("colorbar", LayoutSettings.Attributes(("title", LayoutSettings.Title(correlations.Method == CorrelationMethod.Pearson ? "Pearson r" : "Spearman ρ"))));
        }

        var size = 260 + 22 * names.Count;
        var chart = LayoutSettings.AxisTitles(heatmap.WithSize(size + 120, size), 1, _ => "feature", _ => "feature");
        if (clusters is null)
        {
            return chart;
        }

        var position = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        var shapes = clusters.Clusters.Where(c => c.All(position.ContainsKey)).Select(c =>
        {
            var (low, high) = (c.Min(f => position[f]) - 0.5, c.Max(f => position[f]) + 0.5);
            return (object)LayoutSettings.Shape("rect", low, low, high, high, ChartColors.InkHex, 2);
        }).ToArray();
        return LayoutSettings.With(chart, ("shapes", (object)shapes));
    }
}
