using BreastCancer.Analysis.Data;
using MathNet.Numerics.Statistics;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Box plots of every feature after standardisation (z = (x − mean) / SD over the rows shown), benign and malignant
/// side by side per feature, so that features of different units share one axis and the shift between classes reads
/// as standard deviations.
/// </summary>
public static class StandardizedBoxChart
{
    /// <summary>The chart for the given rows (all when null), features in <paramref name="order"/> (catalogue order when null).</summary>
    public static GenericChart Create(BreastCancerData data, IReadOnlyList<int>? rows = null, IReadOnlyList<string>? order = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var features = order ?? data.FeatureNames;
        var standardized = features.ToDictionary(name => name, name =>
        {
            var values = selected.Select(r => data[r, data.IndexOf(name)]).ToArray();
            var observed = values.Where(v => !double.IsNaN(v)).ToArray();
            var (mean, sd) = (observed.Mean(), observed.StandardDeviation());
            return values.Select(v => (v - mean) / (sd > 0 ? sd : 1)).ToArray();
        });
        GenericChart Box(bool malignant)
        {
            var label = malignant ? "M" : "B";
            var points = features.SelectMany(name => selected.Select((r, i) => (Row: r, Value: standardized[name][i]))
                .Where(p => data.IsMalignant[p.Row] == malignant && !double.IsNaN(p.Value)).Select(p => (Feature: name, p.Value))).ToList();
            return Chart.BoxPlot<string, double, string>(
                X: points.Select(p => p.Feature).ToArray(), Y: points.Select(p => p.Value).ToArray(),
                Name: malignant ? "malignant (M)" : "benign (B)", MarkerColor: ClassColors.Of(label), BoxPoints: StyleParam.BoxPoints.False);
        }

        var chart = Chart.Combine([Box(false), Box(true)])
            .WithXAxisStyle<string, string, string>(TitleText: "feature")
            .WithYAxisStyle<double, double, string>(TitleText: "standardised value (SD from the mean)")
            .WithSize(1100, 520);
        return LayoutSettings.With(chart, ("boxmode", (object)"group"));
    }
}
