using System.Globalization;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Display;

/// <summary>HTML views of the <c>Deployment</c> area's result records other than the model card (<see cref="ModelCardHtml"/>).</summary>
public static class DeploymentHtml
{
    /// <summary>
    /// A challenger comparison: each compared metric on the pooled outcomes, the paired difference (challenger − champion)
    /// with its 95 % interval, the largest loss the interval allows, the allowance and whether it passed; then every fold;
    /// the caption gives the protocol and the verdict.
    /// </summary>
    public static string Render(ChallengerComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var overall = HtmlTable.Render("bc-challenger", ["metric", "champion", "challenger", "difference (95 % interval)", "largest loss in the interval", "allowed loss", "criterion"],
            comparison.Metrics.Select(m => (IReadOnlyList<string>)
            [
                m.Metric.Label(), Numbers.Format(m.Champion, "F4"), Numbers.Format(m.Challenger, "F4"), Difference(m), Numbers.Signed(m.WorstLoss),
                m.AllowedLoss is { } allowed ? Numbers.Format(allowed, "F4") : "", m.AllowedLoss is null ? "reported" : m.Passed ? "not worse" : "possibly worse",
            ]),
            $"{comparison.Challenger} against champion {comparison.Champion}: {comparison.Protocol}. Verdict: {(comparison.Verdict.Promote ? "promote" : "keep the champion")}.");
        var folds = HtmlTable.Render("bc-challenger-folds",
            ["fold", "outcomes (malignant)", "threshold champion / challenger", .. ChallengerComparison.Compared.Select(m => $"{m.Label()} champion / challenger")],
            comparison.Folds.Select(f => (IReadOnlyList<string>)
            [
                Numbers.Count(f.Fold + 1), $"{Numbers.Count(f.Outcomes.Count)} ({Numbers.Count(f.Labels.Count(l => l))})",
                Pair(f.Champion.Threshold, f.Challenger.Threshold), .. ChallengerComparison.Compared.Select(m => Pair(m.Of(f.Champion.Metrics), m.Of(f.Challenger.Metrics))),
            ]),
            string.Create(CultureInfo.InvariantCulture, $"sensitivity and specificity at each model's own threshold, chosen for sensitivity ≥ {comparison.TargetSensitivity:F2} on its training rows"));
        return overall + folds + string.Concat(comparison.Verdict.Reasons.Select(HtmlTable.Paragraph));
    }

    /// <summary>A compared metric's difference challenger − champion with its 95 % interval: <c>+0.0123 (−0.0040 to +0.0290)</c>.</summary>
    internal static string Difference(ComparisonMetric metric) => $"{Numbers.Signed(metric.Difference)} ({Numbers.Signed(metric.Low)} to {Numbers.Signed(metric.High)})";

    private static string Pair(double champion, double challenger) => $"{Numbers.Format(champion, "F4")} / {Numbers.Format(challenger, "F4")}";
}
