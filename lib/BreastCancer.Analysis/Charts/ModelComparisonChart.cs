using BreastCancer.Analysis.Evaluation;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// The comparison table as a chart: for each metric a panel with one point per model at its mean over the folds and a
/// horizontal bar for its corrected 95 % confidence interval (<see cref="MetricSummary"/>).
/// </summary>
public static class ModelComparisonChart
{
    /// <summary>One panel per metric, models top to bottom in the comparison's order.</summary>
    public static GenericChart Create(ModelComparison comparison, params Metric[] metrics)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Length == 0)
        {
            throw new ArgumentException("name at least one metric", nameof(metrics));
        }

        var names = comparison.Models.Select(m => ChartLabels.Short(m.Pipeline)).ToArray();
        var panels = metrics.Select(metric => Chart.Combine(comparison.Models.Select((model, i) =>
        {
            var summary = model.Summary(metric);
            var point = Chart.Point<double, string, string>([summary.Mean], [names[i]], Name: names[i], ShowLegend: false, MarkerColor: ModelColors.Of(i),
                MultiText: new[] { $"{metric.Label()} {summary.Mean:F4} (95 % CI {summary.Low:F4} to {summary.High:F4})" });
            foreach (var trace in GenericChart.getTraces(point))
            {
                trace.SetProperty("error_x", LayoutSettings.Attributes(("type", "data"), ("symmetric", false), ("array", new[] { summary.High - summary.Mean }),
                    ("arrayminus", new[] { summary.Mean - summary.Low }), ("color", ModelColors.HexOf(i))));
                trace.SetProperty("hovertemplate", "%{y}<br>%{text}<extra></extra>");
            }

            return point;
        }))).ToArray();
        var grid = Chart.Grid(panels, 1, metrics.Length, SubPlotTitles: metrics.Select(m => m.Label() + (m.HigherIsBetter() ? " (higher is better)" : " (lower is better)")).ToArray(), XGap: 0.08);
        var axes = Enumerable.Range(1, metrics.Length).Select(p => (p == 1 ? "yaxis" : $"yaxis{p}", (object)LayoutSettings.Attributes(
            ("autorange", "reversed"), ("categoryorder", "array"), ("categoryarray", names), ("showticklabels", p == 1), ("title", LayoutSettings.Title(p == 1 ? "model" : string.Empty)))));
        var titled = LayoutSettings.AxisTitles(grid, metrics.Length, p => $"{metrics[p].Label()} (mean, 95 % CI)", _ => null);
        return LayoutSettings.With(titled.WithSize(200 + 190 * metrics.Length, 140 + 34 * names.Length), [.. axes, ("margin", LayoutSettings.Attributes(("l", 200)))]);
    }
}
