using System.Globalization;
using BreastCancer.Analysis.Exploration;

namespace BreastCancer.Analysis.Display;

/// <summary>HTML views of the <c>Exploration</c> area's result records.</summary>
public static class ExplorationHtml
{
    /// <summary>One row per feature: mean ± SD and median [Q1–Q3] for benign and malignant, skewness and excess kurtosis over all rows.</summary>
    public static string Render(ClassDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return HtmlTable.Render("bc-describe", ["feature", "benign: mean ± SD", "benign: median [Q1–Q3]", "malignant: mean ± SD", "malignant: median [Q1–Q3]", "skewness", "excess kurtosis"],
            description.Rows.GroupBy(r => r.Feature).Select(g =>
            {
                var (b, m, all) = (g.Single(r => r.Group == "B"), g.Single(r => r.Group == "M"), g.Single(r => r.Group == "all"));
                return (IReadOnlyList<string>)[g.Key, MeanSd(b), Quartiles(b), MeanSd(m), Quartiles(m), Numbers.Format(all.Skewness, "F2"), Numbers.Format(all.Kurtosis, "F2")];
            }));
    }

    /// <summary>The ranked separation table: Cohen's d with its 95 % CI, the tests' statistics and BH-adjusted p-values.</summary>
    public static string Render(ClassSeparation separation)
    {
        ArgumentNullException.ThrowIfNull(separation);
        return HtmlTable.Render("bc-separation", ["rank", "feature", "Cohen's d [95 % CI]", "Welch t", "Welch p (BH)", "Mann–Whitney U", "Mann–Whitney p (BH)"],
            separation.Features.Select((f, i) => (IReadOnlyList<string>)
            [
                Numbers.Count(i + 1), f.Feature, string.Create(CultureInfo.InvariantCulture, $"{f.CohensD:F2} [{f.CohensDLow:F2}, {f.CohensDHigh:F2}]"),
                Numbers.Format(f.WelchT, "F2"), P(f.WelchPAdjusted), Numbers.Format(f.MannWhitneyU, "F0"), P(f.MannWhitneyPAdjusted),
            ]), "malignant minus benign; p-values adjusted by Benjamini–Hochberg over the features");
    }

    /// <summary>The correlated pairs, strongest first.</summary>
    public static string Render(CorrelatedPairs pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var symbol = pairs.Method == CorrelationMethod.Pearson ? "r" : "ρ";
        return HtmlTable.Render("bc-pairs", ["first", "second", symbol],
            pairs.Pairs.Select(p => (IReadOnlyList<string>)[p.First, p.Second, Numbers.Format(p.R, "F3")]),
            string.Create(CultureInfo.InvariantCulture, $"{pairs.Pairs.Count} pairs with |{symbol}| > {pairs.Threshold:F2} ({pairs.Method})"));
    }

    /// <summary>Each feature's point-biserial correlation with the diagnosis.</summary>
    public static string Render(DiagnosisCorrelation correlation)
    {
        ArgumentNullException.ThrowIfNull(correlation);
        return HtmlTable.Render("bc-biserial", ["rank", "feature", "r with malignancy"],
            correlation.Features.Select((f, i) => (IReadOnlyList<string>)[Numbers.Count(i + 1), f.Feature, Numbers.Format(f.R, "+0.000;−0.000")]));
    }

    /// <summary>Variance explained by the first ten components, each and cumulatively.</summary>
    public static string Render(PrincipalComponents pca)
    {
        ArgumentNullException.ThrowIfNull(pca);
        var cumulative = 0.0;
        return HtmlTable.Render("bc-pca", ["component", "variance", "share", "cumulative share", "largest loadings"],
            pca.ExplainedVarianceRatio.Take(10).Select((ratio, k) =>
            {
                cumulative += ratio;
                var top = Enumerable.Range(0, pca.Features.Count).OrderByDescending(f => Math.Abs(pca.Loadings[k][f])).Take(3)
                    .Select(f => string.Create(CultureInfo.InvariantCulture, $"{pca.Features[f]} ({pca.Loadings[k][f]:+0.00;−0.00})"));
                return (IReadOnlyList<string>)[$"PC{k + 1}", Numbers.Format(pca.ExplainedVariance[k], "F2"), Numbers.Format(ratio, "P1"), Numbers.Format(cumulative, "P1"), string.Join(", ", top)];
            }), string.Create(CultureInfo.InvariantCulture, $"{pca.ComponentsFor(0.9)} components explain 90 % of the variance, {pca.ComponentsFor(0.95)} explain 95 %"));
    }

    /// <summary>The clusters, one row each, with their size and members.</summary>
    public static string Render(FeatureClusters clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        return HtmlTable.Render("bc-clusters", ["cluster", "features", "members"],
            clusters.Clusters.Select((c, i) => (IReadOnlyList<string>)[Numbers.Count(i + 1), Numbers.Count(c.Count), string.Join(", ", c)]),
            string.Create(CultureInfo.InvariantCulture, $"{clusters.Clusters.Count} clusters: {clusters.Method} linkage on 1 − |ρ|, cut at {clusters.Height:F2} (|ρ| ≳ {1 - clusters.Height:F2})"));
    }

    /// <summary>The VIF of each feature, largest first, with the R² it implies.</summary>
    public static string Render(VarianceInflation vif)
    {
        ArgumentNullException.ThrowIfNull(vif);
        return HtmlTable.Render("bc-vif", ["feature", "VIF", "R² on the other features"],
            vif.Features.Select(v => (IReadOnlyList<string>)[v.Feature, double.IsFinite(v.Vif) ? Numbers.Format(v.Vif, "F1") : "∞", Numbers.Format(1 - 1 / v.Vif, "F4")]),
            $"{vif.Features.Count(v => v.Vif > 10)} of {vif.Features.Count} features have VIF above 10");
    }

    private static string MeanSd(FeatureSummary s) => string.Create(CultureInfo.InvariantCulture, $"{s.Mean:G4} ± {s.StandardDeviation:G3}");

    private static string Quartiles(FeatureSummary s) => string.Create(CultureInfo.InvariantCulture, $"{s.Median:G4} [{s.LowerQuartile:G4}–{s.UpperQuartile:G4}]");

    private static string P(double p) => p < 1e-300 ? "< 1e-300" : p.ToString(p < 0.001 ? "0.0e+0" : "F3", CultureInfo.InvariantCulture);
}
