using System.Globalization;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Display;

/// <summary>HTML views of the <c>Evaluation</c> area's result records.</summary>
public static class EvaluationHtml
{
    /// <summary>Mean ± SD of accuracy and ROC AUC over the folds.</summary>
    public static string Render(CrossValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return HtmlTable.Render("bc-cv", ["pipeline", "folds", "accuracy", "ROC AUC"],
            [[result.Pipeline, Numbers.Count(result.Folds.Count), Numbers.MeanSd(result.MeanAccuracy, result.AccuracySd), Numbers.MeanSd(result.MeanRocAuc, result.RocAucSd)]]);
    }

    /// <summary>One row per strategy: rows used, accuracy and ROC AUC (mean ± SD over folds).</summary>
    public static string Render(ImputationComparisonResult comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return HtmlTable.Render("bc-imputation", ["missing values", "rows used", "rows dropped", "accuracy", "ROC AUC"],
            comparison.Outcomes.Select(o => (IReadOnlyList<string>)
            [
                o.Strategy, Numbers.Count(o.RowsUsed), Numbers.Count(o.RowsDropped), Numbers.MeanSd(o.Result.MeanAccuracy, o.Result.AccuracySd), Numbers.MeanSd(o.Result.MeanRocAuc, o.Result.RocAucSd),
            ]), comparison.Protocol);
    }

    /// <summary>Grouped against ungrouped folds, and the difference.</summary>
    public static string Render(GroupingLeak leak)
    {
        ArgumentNullException.ThrowIfNull(leak);
        return TwoProtocols("bc-leak", "folds", ("grouped by patient", leak.Grouped), ("rows assigned one by one", leak.Ungrouped),
            ("optimism (ungrouped − grouped)", leak.AccuracyOptimism, leak.RocAucOptimism),
            string.Create(CultureInfo.InvariantCulture,
                $"{leak.Pipeline}, {leak.Grouped.Folds.Count} folds; ungrouped, {leak.TestRowsWithPatientInTraining:P1} of test rows had their patient among the training rows"));
    }

    /// <summary>Every metric of every model: mean over the folds and the corrected 95 % interval.</summary>
    public static string Render(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var folds = comparison.Models.Count > 0 ? comparison.Models[0].Folds.Count : 0;
        return HtmlTable.Render("bc-models", ["model", .. MetricExtensions.All.Select(m => m.Label())],
            comparison.Models.Select(model => (IReadOnlyList<string>)[model.Pipeline, .. MetricExtensions.All.Select(m => WithInterval(model.Summary(m)))]),
            string.Create(CultureInfo.InvariantCulture,
                $"mean over {folds} test folds (95 % CI, Nadeau–Bengio corrected); threshold 0.5; Brier score and log loss: lower is better; {comparison.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Each model against the reference: difference, its 95 % interval, t and p.</summary>
    public static string Render(PairedComparisons paired)
    {
        ArgumentNullException.ThrowIfNull(paired);
        return HtmlTable.Render("bc-paired", ["model", $"{paired.Metric.Label()} − reference", "95 % CI", "t", "p"],
            paired.Comparisons.Select(c => (IReadOnlyList<string>)
            [
                c.Model, Numbers.Signed(c.Test.MeanDifference), $"{Numbers.Signed(c.Test.Low)} to {Numbers.Signed(c.Test.High)}",
                Numbers.Format(c.Test.T, "F2"), PValue(c.Test.P),
            ]),
            $"reference: {paired.Reference}; corrected resampled t-test (Nadeau & Bengio 2003) on the same folds, {(paired.Comparisons.Count > 0 ? paired.Comparisons[0].Test.DegreesOfFreedom : 0)} degrees of freedom; p is not adjusted for the {paired.Comparisons.Count} comparisons");
    }

    /// <summary>Each model's threshold, test sensitivity and specificity, missed cancers and unneeded biopsies.</summary>
    public static string Render(OperatingPointComparison points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return HtmlTable.Render("bc-operating", ["model", "threshold", "sensitivity (training folds)", "sensitivity (test folds)", "specificity (test folds)", "missed cancers", "unneeded biopsies"],
            points.Models.Select(p => (IReadOnlyList<string>)
            [
                p.Model, Numbers.MeanSd(p.Threshold.Mean, p.Threshold.Sd), Numbers.Format(p.TrainingSensitivity, "F4"), WithInterval(p.TestSensitivity), WithInterval(p.TestSpecificity),
                $"{Numbers.Count(p.TestCounts.FalseNegatives)} of {Numbers.Count(p.TestCounts.FalseNegatives + p.TestCounts.TruePositives)}",
                $"{Numbers.Count(p.TestCounts.FalsePositives)} of {Numbers.Count(p.TestCounts.FalsePositives + p.TestCounts.TrueNegatives)}",
            ]),
            string.Create(CultureInfo.InvariantCulture,
                $"threshold chosen in each training fold for sensitivity ≥ {points.TargetSensitivity:F2} on out-of-fold predictions of its rows (an inner cross-validation, or a calibrated model's own), then applied unchanged to the test fold; counts summed over the test folds"));
    }

    /// <summary>
    /// Every metric on the held-out rows, at 0.5 and at the threshold chosen on the training rows; accuracy,
    /// sensitivity, specificity and precision, which are proportions of counted tumours, with their Wilson 95 %
    /// intervals (<see cref="RateEstimate.Wilson"/>), and the threshold-free metrics with their bootstrap intervals.
    /// </summary>
    public static string Render(HeldOutScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var point = score.OperatingPoint;
        return HtmlTable.Render("bc-heldout", ["metric", "at 0.5", string.Create(CultureInfo.InvariantCulture, $"at {point.Threshold:F3} (sensitivity target {point.TargetSensitivity:F2})")],
            [
                .. MetricExtensions.All.Where(m => m is not (Metric.RocAuc or Metric.AveragePrecision or Metric.Brier or Metric.LogLoss))
                    .Select(m => (IReadOnlyList<string>)[m.Label(), HeldOut(m, score.Metrics), HeldOut(m, point.Test)]),
                ["confusion (TP / FP / TN / FN)", Counts(score.Metrics.Counts), Counts(point.Test.Counts)],
                .. HeldOutScore.ThresholdFree.Select(m => (IReadOnlyList<string>)
                [
                    m.Label(), string.Create(CultureInfo.InvariantCulture, $"{m.Of(score.Metrics):F4} ({score.IntervalOf(m).Low:F4}–{score.IntervalOf(m).High:F4})"), "(threshold-free)",
                ]),
            ],
            string.Create(CultureInfo.InvariantCulture,
                $"{score.Pipeline}: fitted on {score.TrainingRows} training rows, scored once on {score.TestRows} held-out rows; proportions with Wilson 95 % intervals, the threshold-free metrics with 95 % intervals from {HeldOutScore.Resamples} bootstrap resamples of the held-out rows within each class"));
    }

    /// <summary>A calibration slope and calibration-in-the-large, each with its 95 % interval, and what a calibrated model would show.</summary>
    public static string Render(CalibrationRegression fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return HtmlTable.Render("bc-calibration-fit", ["rows", "malignant", "calibration slope (95 % CI)", "calibration-in-the-large (95 % CI)"],
            [[Numbers.Count(fit.Rows), Numbers.Count(fit.Positives), Estimate(fit.Slope), Estimate(fit.InterceptInTheLarge)]],
            "logistic recalibration, logit P(malignant) = a + b · logit p: slope b (1 when calibrated; below 1, probabilities too extreme) and, with b held at 1, a (0 when calibrated; above 0, probabilities too low)");
    }

    /// <summary>Every model's calibration slope and calibration-in-the-large on one repetition's out-of-fold predictions.</summary>
    public static string Render(CalibrationComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return HtmlTable.Render("bc-calibration-fits", ["model", "rows", "calibration slope (95 % CI)", "calibration-in-the-large (95 % CI)"],
            comparison.Models.Select(m => (IReadOnlyList<string>)[m.Model, Numbers.Count(m.Fit.Rows), Estimate(m.Fit.Slope), Estimate(m.Fit.InterceptInTheLarge)]),
            string.Create(CultureInfo.InvariantCulture,
                $"out-of-fold predictions of repetition {comparison.Repeat + 1}, each training row once; slope 1 and intercept 0 when calibrated (Van Calster et al. 2019)"));
    }

    private static string Estimate(IntervalEstimate estimate) =>
        string.Create(CultureInfo.InvariantCulture, $"{estimate.Value:F2} ({estimate.Low:F2} to {estimate.High:F2})");

    /// <summary>A learning curve: for each share of the training folds, the rows fitted on and the cross-validated accuracy and ROC AUC (mean ± SD over folds).</summary>
    public static string Render(LearningCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return HtmlTable.Render("bc-learning-curve", ["share of training rows", "rows fitted (mean)", "accuracy (mean ± SD)", "ROC AUC (mean ± SD)"],
            curve.Points.Select(p => (IReadOnlyList<string>)
            [
                Numbers.Format(p.Share, "P0"), Numbers.Format(p.TrainingRows, "F0"),
                Numbers.MeanSd(p.Result.Summary(Metric.Accuracy).Mean, p.Result.Summary(Metric.Accuracy).Sd),
                Numbers.MeanSd(p.Result.Summary(Metric.RocAuc).Mean, p.Result.Summary(Metric.RocAuc).Sd),
            ]),
            string.Create(CultureInfo.InvariantCulture, $"{curve.Pipeline}: each training fold cut to a stratified random share, scored on the fold's whole test rows; {curve.Points[0].Result.Folds.Count} folds"));
    }

    /// <summary>A held-out metric, with its Wilson interval when it is a proportion of counted tumours.</summary>
    private static string HeldOut(Metric metric, ClassificationMetrics metrics)
    {
        return ProportionInterval.Wilson(metric, metrics.Counts) is { } interval
            ? string.Create(CultureInfo.InvariantCulture, $"{metric.Of(metrics):F4} ({interval.Low:F3}–{interval.High:F3})")
            : Numbers.Format(metric.Of(metrics), "F4");
    }

    private static string Counts(ConfusionCounts c) => $"{c.TruePositives} / {c.FalsePositives} / {c.TrueNegatives} / {c.FalseNegatives}";

    private static string WithInterval(MetricSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{summary.Mean:F4} ({summary.Low:F3}–{summary.High:F3})");

    private static string PValue(double p) => p < 0.001 ? "< 0.001" : Numbers.Format(p, "F3");

    /// <summary>Two cross-validation protocols of one pipeline, each as mean ± SD, and their signed difference.</summary>
    internal static string TwoProtocols(string cssClass, string header, (string Label, CrossValidationResult Result) first, (string Label, CrossValidationResult Result) second,
        (string Label, double Accuracy, double RocAuc) difference, string caption) =>
        HtmlTable.Render(cssClass, [header, "accuracy", "ROC AUC"],
        [
            Row(first.Label, first.Result),
            Row(second.Label, second.Result),
            [difference.Label, Numbers.Signed(difference.Accuracy), Numbers.Signed(difference.RocAuc)],
        ], caption);

    private static IReadOnlyList<string> Row(string label, CrossValidationResult result) =>
        [label, Numbers.MeanSd(result.MeanAccuracy, result.AccuracySd), Numbers.MeanSd(result.MeanRocAuc, result.RocAucSd)];
}
