using System.Globalization;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Selection;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>Charts of feature selection: selection frequencies, score against feature count, the L1 regularisation path.</summary>
public static class FeatureSelectionCharts
{
    /// <summary>A heatmap of how often each selector kept each feature over the bootstrap resamples (white 0 to dark blue 1).</summary>
    public static GenericChart Frequencies(BootstrapSelectionFrequency frequency)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        var heatmap = Chart.Heatmap<double, string, string, string>(
            zData: frequency.Frequencies.Select(r => r.ToArray()).ToArray(), X: frequency.Features.ToArray(), Y: frequency.Selectors.ToArray(),
            Name: "selection frequency", ReverseYAxis: true);
        foreach (var trace in GenericChart.getTraces(heatmap))
        {
            trace.SetProperty("zmin", 0.0);
            trace.SetProperty("zmax", 1.0);
            trace.SetProperty("colorscale", ColorScales.Blues);
            trace.SetProperty("hovertemplate", "%{y}<br>%{x}: kept in %{z:.0%} of resamples<extra></extra>");
            trace.SetProperty("colorbar", LayoutSettings.Attributes(("title", LayoutSettings.Title("share of resamples kept"))));
        }

        return LayoutSettings.AxisTitles(heatmap.WithSize(1100, 220 + 40 * frequency.Selectors.Count), 1, _ => "feature", _ => "selector");
    }

    /// <summary>Mean cross-validated ROC AUC and accuracy against the number of features kept, with ±1 SD over folds as error bars in the hover text.</summary>
    public static GenericChart ScoreByCount(FeatureCountCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var counts = curve.Results.Select(r => r.Count).ToArray();
        GenericChart Line(string name, Func<CrossValidationResult, double> mean, Func<CrossValidationResult, double> sd, string colour) =>
            Chart.Line<int, double, string>(counts, curve.Results.Select(r => mean(r.Result)).ToArray(), Name: name, ShowMarkers: true,
                MultiText: curve.Results.Select(r => string.Create(CultureInfo.InvariantCulture, $"± {sd(r.Result):F4}")).ToArray(), LineColor: Color.fromHex(colour));
        return Chart.Combine(
            [
                Line("ROC AUC", r => r.MeanRocAuc, r => r.RocAucSd, ChartColors.MarkHex),
                Line("accuracy", r => r.MeanAccuracy, r => r.AccuracySd, ChartColors.SecondMarkHex),
            ])
            .WithXAxisStyle<int, int, string>(TitleText: $"features kept (top by {curve.Ranking})")
            .WithYAxisStyle<double, double, string>(TitleText: "cross-validated score")
            .WithSize(760, 460);
    }

    /// <summary>Each feature's standardised coefficient against the L1 penalty (log axis); features leave the model as the penalty grows.</summary>
    public static GenericChart RegularizationPath(RegularizationPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var lines = Enumerable.Range(0, path.Features.Count)
            .Where(f => path.Coefficients.Any(c => c[f] != 0))
            .Select(f => Chart.Line<double, double, string>(path.Penalties.ToArray(), path.Coefficients.Select(c => c[f]).ToArray(), Name: path.Features[f]));
        return Chart.Combine(lines)
            .WithXAxisStyle<double, double, string>(TitleText: "L1 penalty λ₁ (log scale)", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "standardised coefficient")
            .WithSize(900, 520);
    }
}
