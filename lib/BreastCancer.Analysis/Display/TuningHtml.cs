using System.Globalization;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Tuning;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Display;

/// <summary>HTML views of the <c>Tuning</c> area's result records.</summary>
public static class TuningHtml
{
    /// <summary>The best ten settings of a search, best first, with their mean and SD over the folds.</summary>
    public static string Render(SearchResult search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var names = search.Best.Parameters.Keys.ToList();
        var sign = search.Metric.HigherIsBetter() ? -1 : 1;
        return HtmlTable.Render("bc-search", ["rank", .. names, $"{search.Metric.Label()} (mean ± SD)", "time (s)"],
            search.Fits.OrderBy(f => sign * f.Mean).Take(10).Select((f, i) => (IReadOnlyList<string>)
            [
                Numbers.Count(i + 1), .. names.Select(n => Numbers.Format(f.Parameters[n], "G4")), Numbers.MeanSd(f.Mean, f.Sd), Numbers.Format(f.Elapsed.TotalSeconds, "F2"),
            ]),
            string.Create(CultureInfo.InvariantCulture,
                $"{search.Model}: {search.Fits.Count} settings × {search.Best.FoldScores.Count} folds in {search.Elapsed.TotalSeconds:F1} s; best {Numbers.Format(search.Best.Mean, "F4")}, refitted on all rows searched"));
    }

    /// <summary>The outer estimate with its interval for the main metrics, the optimism of the inner search and how stable its choice was.</summary>
    public static string Render(NestedCrossValidationResult nested)
    {
        ArgumentNullException.ThrowIfNull(nested);
        Metric[] shown = [Metric.Accuracy, Metric.RocAuc, Metric.Sensitivity, Metric.Specificity, Metric.Brier];
        var estimates = HtmlTable.Render("bc-nested", ["metric", "outer estimate (95 % CI)"],
            shown.Select(m => (IReadOnlyList<string>)[m.Label(), Interval(nested.Outer(m))]),
            string.Create(CultureInfo.InvariantCulture,
                $"{nested.Model}: nested CV, {nested.Folds.Count} outer folds, inner search on {nested.Metric.Label()}; optimism of the inner best score {Numbers.Signed(nested.Optimism)}"));
        var choices = HtmlTable.Render("bc-nested-choices", ["setting chosen", "outer folds"],
            nested.Choices.Select(c => (IReadOnlyList<string>)[Setting(c.Setting), Numbers.Count(c.Times)]));
        return estimates + choices;
    }

    /// <summary>
    /// The spread of the final procedure over held-out splits (threshold, accuracy, ROC AUC, sensitivity and specificity
    /// at the threshold) and of cross-validation over fold seeds (accuracy, ROC AUC): mean, SD, and the smallest and
    /// largest value.
    /// </summary>
    public static string Render(SplitRobustness robustness)
    {
        ArgumentNullException.ThrowIfNull(robustness);
        IReadOnlyList<string> Row(string label, IEnumerable<double> values, string format)
        {
            var v = values.ToArray();
            return [label, Numbers.Format(v.Mean(), format), Numbers.Format(v.StandardDeviation(), format), Numbers.Format(v.Min(), format), Numbers.Format(v.Max(), format)];
        }

        var splits = robustness.Splits;
        var seeds = robustness.FoldSeeds;
        return HtmlTable.Render("bc-robustness", ["figure", "mean", "SD", "lowest", "highest"],
            [
                Row($"threshold chosen ({splits.Count} held-out splits)", splits.Select(s => s.Threshold), "F3"),
                Row("held-out accuracy at 0.5", splits.Select(s => s.Accuracy), "F4"),
                Row("held-out ROC AUC", splits.Select(s => s.RocAuc), "F4"),
                Row("held-out sensitivity at the threshold", splits.Select(s => s.Sensitivity), "F4"),
                Row("held-out specificity at the threshold", splits.Select(s => s.Specificity), "F4"),
                Row($"10-fold CV accuracy ({seeds.Count} fold seeds)", seeds.Select(s => s.Accuracy), "F4"),
                Row("10-fold CV ROC AUC", seeds.Select(s => s.RocAuc), "F4"),
            ],
            $"{robustness.Model}: the final procedure on {splits.Count} held-out splits (seeds {splits[0].Seed}–{splits[^1].Seed}), and cross-validation on the study's training rows with {seeds.Count} fold seeds");
    }

    /// <summary>Each search's chosen setting, with the metric, its best mean score and how many settings it tried.</summary>
    public static string Render(TunedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return HtmlTable.Render("bc-tuned", ["family searched", "setting chosen", "metric", "best mean", "settings tried"],
            settings.Searches.Select(s => (IReadOnlyList<string>)
            [
                s.Family, Setting(s.Hyperparameters), s.Metric.Label(), Numbers.Format(s.Score, "F4"), Numbers.Count(s.SettingsTried),
            ]),
            settings.Source is { } source ? $"tuned settings read from {Path.GetFileName(source)}" : "tuned settings");
    }

    /// <summary>A setting as <c>C = 10, gamma = 0.01</c>.</summary>
    private static string Setting(IEnumerable<KeyValuePair<string, double>> setting) => string.Join(", ", setting.Select(p => $"{p.Key} = {Numbers.Format(p.Value, "G4")}"));

    private static string Interval(MetricSummary s) => string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F4} ({s.Low:F4}–{s.High:F4})");
}
