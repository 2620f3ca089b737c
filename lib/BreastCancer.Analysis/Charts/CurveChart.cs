using BreastCancer.Analysis.Evaluation;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>Fold-averaged ROC and precision–recall curves (<see cref="CurveBand"/>), one line per model with its ±1 SD band.</summary>
public static class CurveChart
{
    /// <summary>
    /// The fold-averaged ROC curve of every model of <paramref name="comparison"/>; with <paramref name="corner"/> set,
    /// only the top-left corner, false-positive rate 0 to corner and true-positive rate 1 − corner to 1.
    /// </summary>
    public static GenericChart Roc(ModelComparison comparison, double? corner = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Roc([.. comparison.Models.Select(CurveBand.Roc)], corner);
    }

    /// <summary>
    /// The fold-averaged precision–recall curve of every model of <paramref name="comparison"/>, with the share of
    /// malignant rows as chance; with <paramref name="corner"/> set, only recall and precision from 1 − corner to 1.
    /// </summary>
    public static GenericChart PrecisionRecall(ModelComparison comparison, double? corner = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var labels = comparison.Models[0].PooledLabels;
        return PrecisionRecall([.. comparison.Models.Select(CurveBand.PrecisionRecall)], labels.Count(l => l) / (double)labels.Count, corner);
    }

    /// <summary>ROC curves: true-positive rate (sensitivity) against false-positive rate (1 − specificity), with the chance diagonal.</summary>
    public static GenericChart Roc(IReadOnlyList<CurveBand> curves, double? corner = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chance = Chart.Line<double, double, string>([0.0, 1.0], [0.0, 1.0], Name: "chance", LineColor: Color.fromHex(ChartColors.ReferenceHex), LineDash: StyleParam.DrawingStyle.Dash);
        var (x, y) = corner is { } c ? ((0.0, c), (1 - c, 1.0)) : ((0.0, 1.0), (0.0, 1.0));
        return Finish(Chart.Combine(Bands(curves, "ROC AUC").Append(chance)), "false-positive rate (1 − specificity)", x, "true-positive rate (sensitivity)", y);
    }

    /// <summary>Precision–recall curves: precision (positive predictive value) against recall (sensitivity), with the prevalence line.</summary>
    public static GenericChart PrecisionRecall(IReadOnlyList<CurveBand> curves, double prevalence, double? corner = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var chance = Chart.Line<double, double, string>([0.0, 1.0], [prevalence, prevalence], Name: "prevalence (chance)", LineColor: Color.fromHex(ChartColors.ReferenceHex), LineDash: StyleParam.DrawingStyle.Dash);
        var range = corner is { } c ? (1 - c, 1.0) : (0.0, 1.0);
        return Finish(Chart.Combine(Bands(curves, "AP").Append(chance)), "recall (sensitivity)", range, "precision (positive predictive value)", range);
    }

    private static GenericChart Finish(GenericChart chart, string xTitle, (double Low, double High) x, string yTitle, (double Low, double High) y) =>
        LayoutSettings.With(chart
            .WithXAxisStyle<double, double, string>(TitleText: xTitle, MinMax: new Tuple<double, double>(x.Low, x.High))
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, MinMax: new Tuple<double, double>(y.Low, y.High))
            .WithSize(760, 760), ("legend", LayoutSettings.LegendBelow()));

    private static IEnumerable<GenericChart> Bands(IReadOnlyList<CurveBand> curves, string area) =>
        curves.SelectMany((curve, i) =>
        {
            var grid = curve.Grid.ToArray();
            var name = ChartLabels.Short(curve.Pipeline);
            var mean = Chart.Line<double, double, string>(grid, curve.Mean.ToArray(), Name: $"{name} ({area} {curve.MeanArea:F4})", LineColor: ModelColors.Of(i));
            return BandEdges.Of(grid, curve.Low.ToArray(), curve.High.ToArray(), (name + " +1 SD", name + " −1 SD"), i, 0.08).Append(mean);
        });
}
