using BreastCancer.Analysis.Evaluation;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>Fold-averaged ROC and precision–recall curves (<see cref="CurveBand"/>), one line per model with its ±1 SD band.</summary>
public static class CurveChart
{
    /// <summary>The fold-averaged ROC curve of every model of <paramref name="comparison"/>.</summary>
    public static GenericChart Roc(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Roc([.. comparison.Models.Select(CurveBand.Roc)]);
    }

    /// <summary>The fold-averaged precision–recall curve of every model of <paramref name="comparison"/>, with the share of malignant rows as chance.</summary>
    public static GenericChart PrecisionRecall(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var labels = comparison.Models[0].PooledLabels;
        return PrecisionRecall([.. comparison.Models.Select(CurveBand.PrecisionRecall)], labels.Count(l => l) / (double)labels.Count);
    }

    /// <summary>ROC curves: true-positive rate (sensitivity) against false-positive rate (1 − specificity), with the chance diagonal.</summary>
    public static GenericChart Roc(IReadOnlyList<CurveBand> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chance = Chart.Line<double, double, string>([0.0, 1.0], [0.0, 1.0], Name: "chance", LineColor: Color.fromHex("#999999"), LineDash: StyleParam.DrawingStyle.Dash);
        return Chart.Combine(Bands(curves, "ROC AUC").Append(chance))
            .WithXAxisStyle<double, double, string>(TitleText: "false-positive rate (1 − specificity)")
            .WithYAxisStyle<double, double, string>(TitleText: "true-positive rate (sensitivity)")
            .WithSize(760, 600);
    }

    /// <summary>Precision–recall curves: precision (positive predictive value) against recall (sensitivity), with the prevalence line.</summary>
    public static GenericChart PrecisionRecall(IReadOnlyList<CurveBand> curves, double prevalence)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chance = Chart.Line<double, double, string>([0.0, 1.0], [prevalence, prevalence], Name: "prevalence (chance)", LineColor: Color.fromHex("#999999"), LineDash: StyleParam.DrawingStyle.Dash);
        return Chart.Combine(Bands(curves, "AP").Append(chance))
            .WithXAxisStyle<double, double, string>(TitleText: "recall (sensitivity)")
            .WithYAxisStyle<double, double, string>(TitleText: "precision (positive predictive value)")
            .WithSize(760, 600);
    }

    private static IEnumerable<GenericChart> Bands(IReadOnlyList<CurveBand> curves, string area) =>
        curves.SelectMany((curve, i) =>
        {
            var grid = curve.Grid.ToArray();
            var upper = Chart.Line<double, double, string>(grid, curve.High.ToArray(), ShowLegend: false, Name: curve.Pipeline + " +1 SD", LineColor: ModelColors.Of(i));
            var lower = Chart.Line<double, double, string>(grid, curve.Low.ToArray(), ShowLegend: false, Name: curve.Pipeline + " −1 SD", LineColor: ModelColors.Of(i));
            foreach (var trace in GenericChart.getTraces(upper).Concat(GenericChart.getTraces(lower)))
            {
                trace.SetProperty("hoverinfo", "skip");
                var line = new DynamicObj.DynamicObj();
                line.SetProperty("width", 0);
                trace.SetProperty("line", line);
            }

            foreach (var trace in GenericChart.getTraces(lower))
            {
                trace.SetProperty("fill", "tonexty");
                trace.SetProperty("fillcolor", ModelColors.Translucent(i, 0.15));
            }

            var mean = Chart.Line<double, double, string>(grid, curve.Mean.ToArray(), Name: $"{curve.Pipeline} ({area} {curve.MeanArea:F4})", LineColor: ModelColors.Of(i));
            return new[] { upper, lower, mean };
        });
}
