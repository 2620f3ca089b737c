using BreastCancer.Analysis.Data;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Exploration;

/// <summary>
/// How well each feature separates malignant from benign: the standardised mean difference (Cohen's d, malignant minus
/// benign over the pooled SD) with its 95 % confidence interval (the large-sample standard error of Hedges &amp; Olkin
/// 1985, √((n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂)))), Welch's t-test and the Mann–Whitney U test, each with p-values adjusted by
/// Benjamini–Hochberg over the features; ranked by |d|.
/// </summary>
/// <param name="Features">One row per feature, largest |d| first.</param>
public sealed record ClassSeparation(IReadOnlyList<FeatureSeparation> Features)
{
    /// <summary>The separation of every feature over <paramref name="rows"/> of <paramref name="data"/> (all rows when null).</summary>
    public static ClassSeparation Of(BreastCancerData data, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var z = Normal.InvCDF(0, 1, 0.975);
        var raw = data.FeatureNames.Select((name, f) =>
        {
            var m = selected.Where(r => data.IsMalignant[r]).Select(r => data[r, f]).Where(v => !double.IsNaN(v)).ToArray();
            var b = selected.Where(r => !data.IsMalignant[r]).Select(r => data[r, f]).Where(v => !double.IsNaN(v)).ToArray();
            var pooled = Math.Sqrt(((m.Length - 1) * m.Variance() + (b.Length - 1) * b.Variance()) / (m.Length + b.Length - 2));
            var d = (m.Mean() - b.Mean()) / pooled;
            var se = Math.Sqrt((m.Length + b.Length) / (double)(m.Length * b.Length) + d * d / (2.0 * (m.Length + b.Length)));
            return (Name: name, D: d, Low: d - z * se, High: d + z * se, Welch: StatisticalTests.WelchT(m, b), Mwu: StatisticalTests.MannWhitneyU(m, b));
        }).ToList();
        var welchAdjusted = StatisticalTests.BenjaminiHochberg([.. raw.Select(r => r.Welch.P)]);
        var mwuAdjusted = StatisticalTests.BenjaminiHochberg([.. raw.Select(r => r.Mwu.P)]);
        return new ClassSeparation([.. raw
            .Select((r, i) => new FeatureSeparation(r.Name, r.D, r.Low, r.High, r.Welch.Statistic, r.Welch.P, welchAdjusted[i], r.Mwu.Statistic, r.Mwu.P, mwuAdjusted[i]))
            .OrderByDescending(s => Math.Abs(s.CohensD))]);
    }
}

/// <summary>The separation of the classes by one feature.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="CohensD">Standardised mean difference, malignant minus benign.</param>
/// <param name="CohensDLow">Lower bound of its 95 % confidence interval.</param>
/// <param name="CohensDHigh">Upper bound of its 95 % confidence interval.</param>
/// <param name="WelchT">Welch's t statistic.</param>
/// <param name="WelchP">Its two-sided p-value.</param>
/// <param name="WelchPAdjusted">Its Benjamini–Hochberg adjusted p-value over the features.</param>
/// <param name="MannWhitneyU">The U statistic of the malignant rows.</param>
/// <param name="MannWhitneyP">Its two-sided p-value (normal approximation).</param>
/// <param name="MannWhitneyPAdjusted">Its Benjamini–Hochberg adjusted p-value over the features.</param>
public sealed record FeatureSeparation(string Feature, double CohensD, double CohensDLow, double CohensDHigh,
    double WelchT, double WelchP, double WelchPAdjusted, double MannWhitneyU, double MannWhitneyP, double MannWhitneyPAdjusted);
