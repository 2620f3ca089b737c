using System.Globalization;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Selection;

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

    /// <summary>One row per skewed feature: its range, and its skewness as measured, after log(1 + x) and after Yeo–Johnson with its λ.</summary>
    public static string Render(TransformSkewness skewness)
    {
        ArgumentNullException.ThrowIfNull(skewness);
        return HtmlTable.Render("bc-transform-skewness", ["feature", "range", "skewness", "after log(1 + x)", "Yeo–Johnson λ", "after Yeo–Johnson"],
            skewness.Features.Select(s => (IReadOnlyList<string>)[s.Feature, $"{Numbers.Format(s.Minimum, "G4")} – {Numbers.Format(s.Maximum, "G4")}",
                Numbers.Format(s.Raw, "F2"), Numbers.Format(s.AfterLog, "F2"), Numbers.Format(s.Lambda, "F2"), Numbers.Format(s.AfterYeoJohnson, "F2")]),
            string.Create(CultureInfo.InvariantCulture,
                $"features with skewness above {skewness.MinimumSkewness}, most skewed first; adjusted sample skewness (0 for a symmetric distribution); λ fitted on these rows"));
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
