using System.Globalization;
using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Display;

/// <summary>HTML views of the <c>Explanation</c> area's result records.</summary>
public static class ExplanationHtml
{
    /// <summary>The number of features the SHAP table lists.</summary>
    public const int TopFeatures = 15;

    /// <summary>
    /// How the values were computed, their output space, the base value (and, on log-odds, its probability), the number of
    /// rows, and the <see cref="TopFeatures"/> features by mean |SHAP| with the direction of each: "malignancy" when the
    /// feature's values correlate positively with its SHAP values (high values push the output up), "benign" when
    /// negatively, "—" when either is constant.
    /// </summary>
    public static string Render(ShapExplanation shap)
    {
        ArgumentNullException.ThrowIfNull(shap);
        var importance = shap.MeanAbsolute();
        var top = Enumerable.Range(0, shap.FeatureNames.Count).OrderByDescending(f => importance[f]).Take(TopFeatures).ToArray();
        var baseValue = shap.OutputSpace == ShapOutputSpace.LogOdds
            ? $"{Numbers.Format(shap.BaseValue, "F4")} (probability {Numbers.Format(ShapChartInput.Probability(shap.BaseValue), "F3")})"
            : Numbers.Format(shap.BaseValue, "F4");
        var summary = HtmlTable.Render("bc-shap-summary", ["method", "output space", "base value E[f(x)]", "rows explained", "features"],
            [[shap.Method, ShapChartInput.Units(shap.OutputSpace), baseValue, Numbers.Count(shap.Values.Count), Numbers.Count(shap.FeatureNames.Count)]]);
        var features = HtmlTable.Render("bc-shap", ["rank", "feature", "mean |SHAP|", "mean SHAP", "high values push towards"],
            top.Select((f, i) => (IReadOnlyList<string>)
            [
                Numbers.Count(i + 1), shap.FeatureNames[f], Numbers.Format(importance[f], "F4"),
                Numbers.Signed(shap.Values.Count == 0 ? 0 : shap.Values.Average(v => v[f])), Direction(shap, f),
            ]),
            $"top {top.Length} of {shap.FeatureNames.Count} features by mean |SHAP value| ({ShapChartInput.Units(shap.OutputSpace)})");
        return summary + features;
    }

    /// <summary>
    /// The intercepts, then every feature by |standardised coefficient|: log-odds per training SD, its odds ratio, log-odds
    /// per unit of the feature, and the training mean and SD that turn one into the other.
    /// </summary>
    public static string Render(LinearCoefficients coefficients)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var summary = HtmlTable.Render("bc-coefficients-summary", ["intercept (log-odds at x = 0)", "log-odds at the training means", "probability there", "training rows"],
            [[Numbers.Signed(coefficients.Intercept), Numbers.Signed(coefficients.InterceptAtMeans), Numbers.Format(ShapChartInput.Probability(coefficients.InterceptAtMeans), "F3"),
                Numbers.Count(coefficients.TrainingRows)]]);
        var features = HtmlTable.Render("bc-coefficients", ["rank", "feature", "log-odds per SD", "odds ratio per SD", "log-odds per unit", "training mean", "training SD"],
            coefficients.Features.OrderByDescending(f => Math.Abs(f.PerSd)).Select((f, i) => (IReadOnlyList<string>)
            [
                Numbers.Count(i + 1), f.Feature, Numbers.Signed(f.PerSd), Numbers.Format(f.OddsRatioPerSd, "F2"), Numbers.Format(f.PerUnit, "G4"),
                Numbers.Format(f.TrainingMean, "G4"), Numbers.Format(f.TrainingSd, "G4"),
            ]),
            "logit p = intercept + Σ (log-odds per unit) × x; per SD = per unit × training SD");
        return summary + features;
    }

    /// <summary>
    /// The model, metric, baseline, rows, repeats, row resamples and seed, and each group's mean loss with its two 95 %
    /// intervals (over the repeats; over the rows, by bootstrap), most important first.
    /// </summary>
    public static string Render(PermutationImportanceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var summary = HtmlTable.Render("bc-permutation-summary", ["model", "metric", "baseline", "rows", "repeats", "row resamples", "seed"],
            [[result.Model, result.Metric.Label(), Numbers.Format(result.Baseline, "F4"), Numbers.Count(result.Rows), Numbers.Count(result.Repeats),
                Numbers.Count(result.RowResamples), Numbers.Count(result.Seed)]]);
        var groups = HtmlTable.Render("bc-permutation", ["rank", "group", "features", $"mean loss of {result.Metric.Label()}", "95 % CI over repeats", "95 % CI over rows"],
            result.Groups.OrderByDescending(g => g.Mean).Select((g, i) => (IReadOnlyList<string>)
            [
                Numbers.Count(i + 1), g.Group.Name, Numbers.Count(g.Group.Features.Count), Numbers.Signed(g.Mean),
                string.Create(CultureInfo.InvariantCulture, $"{Numbers.Signed(g.Low)} to {Numbers.Signed(g.High)}"),
                string.Create(CultureInfo.InvariantCulture, $"{Numbers.Signed(g.RowLow)} to {Numbers.Signed(g.RowHigh)}"),
            ]),
            "loss = drop in the metric when the group's columns are shuffled together; the interval over repeats covers the permutations only, "
            + $"the rows fixed; the interval over rows is a percentile bootstrap of the {Numbers.Count(result.Rows)} rows ({Numbers.Count(result.RowResamples)} resamples, "
            + "stratified by class) and also covers which rows were scored");
        return summary + groups;
    }

    /// <summary>
    /// For each pair of rankings, Spearman's rank correlation over all features and the number of their top features they
    /// share, as a matrix; beneath it, each ranking's top features.
    /// </summary>
    public static string Render(ImportanceAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var methods = Enumerable.Range(0, agreement.Methods.Count).ToArray();
        var matrix = HtmlTable.Render("bc-agreement", ["", .. agreement.Methods],
            methods.Select(a => (IReadOnlyList<string>)
            [
                agreement.Methods[a],
                .. methods.Select(b => a == b
                    ? "—"
                    : string.Create(CultureInfo.InvariantCulture, $"ρ = {Numbers.Format(agreement.Spearman(a, b), "F2")}, {agreement.SharedTop(a, b)} of {agreement.Top} shared")),
            ]),
            $"Spearman's rank correlation of the importances over all {agreement.Features.Count} features, and the number of top-{agreement.Top} features shared");
        var tops = HtmlTable.Render("bc-agreement-top", ["ranking", $"top {agreement.Top} features, most important first"],
            methods.Select(m => (IReadOnlyList<string>)[agreement.Methods[m], string.Join(", ", agreement.TopFeatures(m))]));
        return matrix + tops;
    }

    /// <summary>Each picked patient: why, its row, diagnosis, probability, the decision at the threshold and whether it is right.</summary>
    public static string Render(PatientCases cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return HtmlTable.Render("bc-patients", ["case", "row", "diagnosis", "probability of malignancy", "decision", "decision is"],
            cases.All.Select(c => (IReadOnlyList<string>)
            [
                c.Role, Numbers.Count(c.Row), c.Malignant ? "malignant" : "benign", Numbers.Format(c.Probability, "F3"), c.Flagged ? "biopsy" : "no biopsy",
                c.Flagged == c.Malignant ? "right" : "wrong",
            ]),
            $"decision: biopsy when the probability reaches the threshold {Numbers.Format(cases.Threshold, "F3")}");
    }

    private static string Direction(ShapExplanation shap, int feature)
    {
        var rows = Enumerable.Range(0, shap.Values.Count).Where(r => !double.IsNaN(shap.FeatureValues[r][feature])).ToArray();
        var r = rows.Length < 2 ? double.NaN : Correlation.Pearson(rows.Select(i => shap.FeatureValues[i][feature]), rows.Select(i => shap.Values[i][feature]));
        return r switch
        {
            > 0 => "malignancy",
            < 0 => "benign",
            _ => "—",
        };
    }
}
