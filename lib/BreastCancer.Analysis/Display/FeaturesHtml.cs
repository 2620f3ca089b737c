using System.Globalization;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Features;

namespace BreastCancer.Analysis.Display;

/// <summary>HTML views of the <c>Features</c> area's result records.</summary>
public static class FeaturesHtml
{
    /// <summary>One row per selector: how many features it kept and which.</summary>
    public static string Render(SelectionComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return HtmlTable.Render("bc-selection", ["selector", "kept", "features"],
            comparison.Picks.Select(p => (IReadOnlyList<string>)[p.Selector, Numbers.Count(p.Kept.Count), string.Join(", ", p.Kept)]));
    }

    /// <summary>The engineered features with their formulas.</summary>
    public static string Render(FeatureEngineering engineering)
    {
        ArgumentNullException.ThrowIfNull(engineering);
        return HtmlTable.Render("bc-engineering", ["feature", "formula"], engineering.Features.Select(f => (IReadOnlyList<string>)[f.Name, f.Formula]));
    }

    /// <summary>Both protocols and the optimism of selecting on all rows.</summary>
    public static string Render(SelectionLeak leak)
    {
        ArgumentNullException.ThrowIfNull(leak);
        return EvaluationHtml.TwoProtocols("bc-selection-leak", "features selected",
            ("on all rows, before cross-validation (leaky)", leak.SelectedOutside), ("inside each training fold (honest)", leak.SelectedInside),
            ("overstatement (leaky − honest)", leak.AccuracyOptimism, leak.RocAucOptimism),
            $"{leak.Selector}; {leak.SelectedInside.Folds.Count} folds");
    }

    /// <summary>The score at each number of features.</summary>
    public static string Render(FeatureCountCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return HtmlTable.Render("bc-count-curve", ["features kept", "accuracy", "ROC AUC"],
            curve.Results.Select(r => (IReadOnlyList<string>)[Numbers.Count(r.Count), Numbers.MeanSd(r.Result.MeanAccuracy, r.Result.AccuracySd), Numbers.MeanSd(r.Result.MeanRocAuc, r.Result.RocAucSd)]),
            $"top features by {curve.Ranking}, ranked inside each training fold");
    }
}
