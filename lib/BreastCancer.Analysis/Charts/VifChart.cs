using BreastCancer.Analysis.Exploration;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>Variance inflation factors as horizontal bars on a logarithmic axis, largest at the top, with the usual warning level of 10 marked.</summary>
public static class VifChart
{
    /// <summary>The warning level marked on the chart (Kutner et al. 2005).</summary>
    public const double WarningLevel = 10;

    /// <summary>The chart of <paramref name="vif"/>; infinite values are drawn at the largest finite value and flagged in the hover text.</summary>
    public static GenericChart Create(VarianceInflation vif)
    {
        ArgumentNullException.ThrowIfNull(vif);
        var ordered = vif.Features.Reverse().ToList();
        var cap = ordered.Where(v => double.IsFinite(v.Vif)).Select(v => v.Vif).DefaultIfEmpty(WarningLevel).Max();
        var bars = Chart.Bar<double, string, string>(
            values: ordered.Select(v => double.IsFinite(v.Vif) ? v.Vif : cap).ToArray(),
            Keys: ordered.Select(v => v.Feature).ToArray(),
            Name: "VIF",
            MultiText: ordered.Select(v => double.IsFinite(v.Vif) ? v.Vif.ToString("G3", System.Globalization.CultureInfo.InvariantCulture) : "∞").ToArray(),
            MarkerColor: Color.fromHex(ChartColors.BarHex));
        var chart = bars
            .WithXAxisStyle<double, double, string>(TitleText: "variance inflation factor (log scale)", AxisType: StyleParam.AxisType.Log)
            .WithSize(820, 180 + 18 * ordered.Count);
        return LayoutSettings.With(chart, ("yaxis", LayoutSettings.Attributes(("title", LayoutSettings.Title("feature")))), ("shapes", (object)new object[] { LayoutSettings.Shape("line", WarningLevel, 0, WarningLevel, 1, ChartColors.HighlightHex, 2, "x", "paper", "dash") }));
    }
}
