using System.Globalization;
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
