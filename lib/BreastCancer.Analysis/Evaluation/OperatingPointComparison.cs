namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// The clinical operating point of each model of a comparison: the threshold chosen in each training fold for the
/// target sensitivity, and the sensitivity and specificity it gave on the test folds, with the missed cancers and
/// unneeded biopsies summed over the folds.
/// </summary>
/// <param name="TargetSensitivity">The sensitivity asked for in the training folds.</param>
/// <param name="Models">One row per model.</param>
public sealed record OperatingPointComparison(double TargetSensitivity, IReadOnlyList<ModelOperatingPoint> Models)
{
    /// <summary>The operating points of a comparison run with <see cref="OperatingPointOptions"/>.</summary>
    public static OperatingPointComparison Of(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var first = comparison.Models.SelectMany(m => m.Folds).FirstOrDefault()?.OperatingPoint
            ?? throw new InvalidOperationException("the comparison chose no operating points; run it with OperatingPointOptions");
        return new OperatingPointComparison(first.TargetSensitivity,
            [.. comparison.Models.Select(m => new ModelOperatingPoint(
                m.Pipeline,
                MetricSummary.Of([.. m.Folds.Select(f => f.OperatingPoint!.Threshold)], m.Folds.Average(f => f.TestRows), m.Folds.Average(f => f.TrainingRows), 0, 1),
                m.Folds.Average(f => f.OperatingPoint!.Training.Sensitivity),
                m.OperatingPointSummary(Metric.Sensitivity),
                m.OperatingPointSummary(Metric.Specificity),
                m.Folds.Select(f => f.OperatingPoint!.Test.Counts).Aggregate((a, b) => a + b)))]);
    }
}

/// <summary>One model at its operating point.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Threshold">The thresholds chosen in the training folds.</param>
/// <param name="TrainingSensitivity">Mean sensitivity reached on the training folds' out-of-fold predictions.</param>
/// <param name="TestSensitivity">Sensitivity on the test folds.</param>
/// <param name="TestSpecificity">Specificity on the test folds.</param>
/// <param name="TestCounts">Confusion counts on the test folds, summed.</param>
public sealed record ModelOperatingPoint(string Model, MetricSummary Threshold, double TrainingSensitivity, MetricSummary TestSensitivity, MetricSummary TestSpecificity, ConfusionCounts TestCounts);
