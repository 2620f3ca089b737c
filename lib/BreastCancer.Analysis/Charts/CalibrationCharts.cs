using BreastCancer.Analysis.Evaluation;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>Reliability diagrams (<see cref="Calibration"/>), flexible calibration curves (<see cref="FlexibleCalibration"/>) and decision curves (<see cref="DecisionCurve"/>) of several models.</summary>
public static class CalibrationCharts
{
    /// <summary>The reliability diagram of every model of <paramref name="comparison"/>, from its out-of-fold predictions pooled over the folds, in 10 bins.</summary>
    public static GenericChart Reliability(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Reliability([.. comparison.Models.Select(m => (m.Pipeline, Calibration.Compute(m.PooledLabels, m.PooledProbabilities)))]);
    }

    /// <summary>The decision curve of every model of <paramref name="comparison"/> over threshold probabilities 0.01 to <paramref name="highest"/>, from pooled out-of-fold predictions.</summary>
    public static GenericChart DecisionCurves(ModelComparison comparison, double highest = 0.6)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var thresholds = Enumerable.Range(1, (int)Math.Round(highest * 100)).Select(t => t / 100.0).ToList();
        return DecisionCurves([.. comparison.Models.Select(m => (m.Pipeline, DecisionCurve.Compute(m.PooledLabels, m.PooledProbabilities, thresholds)))]);
    }

    /// <summary>Flexible (loess) calibration curves with their bootstrap bands, and the diagonal of perfect calibration.</summary>
    public static GenericChart Flexible(IReadOnlyList<(string Model, FlexibleCalibration Curve)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var traces = models.SelectMany((m, i) =>
        {
            var grid = m.Curve.Grid.ToArray();
            var name = ChartLabels.Short(m.Model);
            var observed = Chart.Line<double, double, string>(grid, m.Curve.Observed.ToArray(), Name: $"{name} (loess, span {m.Curve.Span:0.##})", LineColor: ModelColors.Of(i));
            return BandEdges.Of(grid, m.Curve.Low.ToArray(), m.Curve.High.ToArray(), (name + " 95 % band", name + " 95 % band"), i, 0.15).Append(observed);
        });
        var diagonal = Chart.Line<double, double, string>([0.0, 1.0], [0.0, 1.0], Name: "perfectly calibrated", LineColor: Color.fromHex(ChartColors.ReferenceHex), LineDash: StyleParam.DrawingStyle.Dash);
        return LayoutSettings.With(Chart.Combine(traces.Append(diagonal))
            .WithXAxisStyle<double, double, string>(TitleText: "predicted probability of malignancy", MinMax: new Tuple<double, double>(0, 1))
            .WithYAxisStyle<double, double, string>(TitleText: "observed share malignant (loess, 95 % bootstrap band)", MinMax: new Tuple<double, double>(0, 1))
            .WithSize(760, 760), ("legend", LayoutSettings.LegendBelow()));
    }

    /// <summary>Observed share of malignant tumours against mean predicted probability per bin, with the diagonal of perfect calibration.</summary>
    public static GenericChart Reliability(IReadOnlyList<(string Model, Calibration Calibration)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var lines = models.Select((m, i) => Chart.Line<double, double, string>(
            m.Calibration.Bins.Select(b => b.MeanPrediction).ToArray(), m.Calibration.Bins.Select(b => b.ObservedShare).ToArray(),
            Name: $"{ChartLabels.Short(m.Model)} (ECE {m.Calibration.ExpectedCalibrationError:F3})", ShowMarkers: true, LineColor: ModelColors.Of(i),
            MultiText: m.Calibration.Bins.Select(b => $"{b.Count} predictions in [{b.Low:F1}, {b.High:F1})").ToArray()));
        var diagonal = Chart.Line<double, double, string>([0.0, 1.0], [0.0, 1.0], Name: "perfectly calibrated", LineColor: Color.fromHex(ChartColors.ReferenceHex), LineDash: StyleParam.DrawingStyle.Dash);
        return LayoutSettings.With(Chart.Combine(lines.Append(diagonal))
            .WithXAxisStyle<double, double, string>(TitleText: "mean predicted probability of malignancy (bin)")
            .WithYAxisStyle<double, double, string>(TitleText: "observed share malignant")
            .WithSize(760, 760), ("legend", LayoutSettings.LegendBelow()));
    }

    /// <summary>Net benefit against threshold probability for each model, biopsying everyone, and no one.</summary>
    public static GenericChart DecisionCurves(IReadOnlyList<(string Model, DecisionCurve Curve)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("no curves", nameof(models));
        }

        var thresholds = models[0].Curve.Thresholds.ToArray();
        var lines = models.Select((m, i) => Chart.Line<double, double, string>(m.Curve.Thresholds.ToArray(), m.Curve.Model.ToArray(), Name: ChartLabels.Short(m.Model), LineColor: ModelColors.Of(i)));
        var all = Chart.Line<double, double, string>(thresholds, models[0].Curve.TreatAll.ToArray(), Name: "biopsy all", LineColor: Color.fromHex(ChartColors.ReferenceHex));
        var none = Chart.Line<double, double, string>([thresholds[0], thresholds[^1]], [0.0, 0.0], Name: "biopsy none", LineColor: Color.fromHex(ChartColors.ReferenceHex), LineDash: StyleParam.DrawingStyle.Dash);
        var prevalence = models[0].Curve.TreatAll[0];
        return LayoutSettings.With(Chart.Combine(lines.Append(all).Append(none))
            .WithXAxisStyle<double, double, string>(TitleText: "threshold probability pₜ")
            .WithYAxisStyle<double, double, string>(TitleText: "net benefit", MinMax: new Tuple<double, double>(-0.05, Math.Max(0.05, prevalence) + 0.02))
            .WithSize(820, 680), ("legend", LayoutSettings.LegendBelow()));
    }
}
