using System.Globalization;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Analysis.Display;

/// <summary>HTML views of a served model's monitoring: a drift report, live performance, the answers of the web app and a retrain's report.</summary>
public static class MonitoringHtml
{
    /// <summary>
    /// A drift report: the verdict, the predicted malignancy rate against the reference's, and every feature that drifted
    /// (or, when none did, the five with the largest PSI) with PSI, its band, KS D and p before and after Holm's adjustment.
    /// </summary>
    public static string Render(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rate = report.PredictionRate;
        var shown = report.Features.Where(f => f.Drifted).OrderByDescending(f => f.Psi).ToList();
        var caption = shown.Count > 0
            ? $"{shown.Count} of {report.Features.Count} features drifted"
            : $"no feature drifted; the five largest PSI of {report.Features.Count}";
        if (shown.Count == 0)
        {
            shown = [.. report.Features.OrderByDescending(f => f.Psi).Take(5)];
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Window of {report.WindowSize} predictions against {report.ReferenceSize} training rows: {(report.Drifted ? "drift detected" : "no drift")}. "
            + $"Called malignant: {rate.WindowRate:P1} of the window ({rate.WindowMalignant}) against {rate.ReferenceRate:P1} of the training rows (z = {rate.Z:F2}, p = {rate.P:G2}; "
            + $"{(rate.Drifted ? "the rate has drifted" : "the rate is stable")}). A feature alerts when its PSI > {report.Thresholds.PsiAlert:0.##} and its Holm-adjusted KS p < {report.Thresholds.KsAlpha:0.###}; the rate when p < {report.Thresholds.RateAlpha:0.###}.");
        var table = HtmlTable.Render("bc-drift", ["feature", "PSI", "band", "KS D", "KS p", "Holm-adjusted p", "drifted"],
            shown.Select(f => (IReadOnlyList<string>)
            [
                f.Feature, Numbers.Format(f.Psi, "F3"), f.Band.ToString(), Numbers.Format(f.KsStatistic, "F3"), Numbers.Format(f.KsP, "G2"), Numbers.Format(f.AdjustedP, "G2"), f.Drifted ? "yes" : "no",
            ]),
            caption);
        return HtmlTable.Paragraph(summary) + table;
    }

    /// <summary>Live performance: sensitivity and specificity with their counts and Wilson intervals, and the ROC AUC (or why it is undefined).</summary>
    public static string Render(LivePerformance performance)
    {
        ArgumentNullException.ThrowIfNull(performance);
        static IReadOnlyList<string> Rate(string name, RateEstimate r) => r.Undefined is { } why
            ? [name, why, "", ""]
            : [name, Numbers.Format(r.Value, "F3"), $"{Numbers.Count(r.Successes)} of {Numbers.Count(r.Trials)}", $"{Numbers.Format(r.Low, "F3")} to {Numbers.Format(r.High, "F3")}"];
        var c = performance.Counts;
        return HtmlTable.Render("bc-live-performance", ["measure", "value", "cases", "95 % interval (Wilson)"],
            [
                Rate("sensitivity", performance.Sensitivity), Rate("specificity", performance.Specificity),
                ["ROC AUC", performance.RocAucUndefined ?? Numbers.Format(performance.RocAuc, "F4"), Numbers.Count(performance.Rows), ""],
            ],
            string.Create(CultureInfo.InvariantCulture, $"the latest {performance.Rows} confirmed outcomes: TP {c.TruePositives}, FP {c.FalsePositives}, TN {c.TrueNegatives}, FN {c.FalseNegatives}"));
    }

    /// <summary>A retrain: what was compared and trained, whether the challenger was promoted, then the comparison (<see cref="DeploymentHtml.Render(ChallengerComparison)"/>).</summary>
    public static string Render(RetrainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Champion {report.Champion}; challenger {report.Challenger} trained on {report.TrainingRows} rows ({report.NewOutcomes} new confirmed outcomes added"
            + $"{(report.OutcomesAlreadyTrainedOn > 0 ? $", {report.OutcomesAlreadyTrainedOn} already trained on left out" : "")}) in {report.Seconds:F1} s: "
            + $"{(report.Promoted ? "promoted, and served from now on" : "saved but not promoted; the champion is still served")}.");
        return HtmlTable.Paragraph(text) + DeploymentHtml.Render(report.Comparison);
    }

    /// <summary>The web app's answers: each prediction's id, probability, decision and model version.</summary>
    public static string Render(IReadOnlyList<ServedPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return HtmlTable.Render("bc-served", ["#", "prediction id", "probability of malignancy", "decision", "model"],
            predictions.Select((p, i) => (IReadOnlyList<string>)
            [
                Numbers.Count(i + 1), p.PredictionId.ToString(), Numbers.Format(p.Probability, "P1"), p.BiopsyRecommended ? "biopsy recommended" : "biopsy not recommended", p.ModelVersion,
            ]),
            string.Create(CultureInfo.InvariantCulture, $"{predictions.Count} predictions, {predictions.Count(p => p.BiopsyRecommended)} recommending biopsy"));
    }
}
