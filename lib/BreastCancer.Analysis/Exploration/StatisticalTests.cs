using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Exploration;

/// <summary>Two-sample tests and multiple-testing correction, as SciPy computes them.</summary>
public static class StatisticalTests
{
    /// <summary>
    /// Welch's unequal-variance t-test, two-sided (Welch 1947): t = (mean_a − mean_b) / √(s²_a/n_a + s²_b/n_b), with the
    /// Welch–Satterthwaite degrees of freedom. Equals SciPy's <c>ttest_ind(a, b, equal_var=False)</c>.
    /// </summary>
    public static TestResult WelchT(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (va, vb) = (a.Variance() / a.Count, b.Variance() / b.Count);
        var t = (a.Mean() - b.Mean()) / Math.Sqrt(va + vb);
        var df = (va + vb) * (va + vb) / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        return new TestResult(t, p, df);
    }

    /// <summary>
    /// The Mann–Whitney U test, two-sided, by the normal approximation with continuity correction and the tie
    /// correction of the variance (Mann &amp; Whitney 1947). U is that of <paramref name="a"/>: its rank sum minus
    /// n_a(n_a + 1)/2. Equals SciPy's <c>mannwhitneyu(a, b, method="asymptotic")</c>.
    /// </summary>
    public static TestResult MannWhitneyU(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (n1, n2) = ((double)a.Count, (double)b.Count);
        var all = a.Concat(b).ToArray();
        var ranks = all.Ranks(RankDefinition.Average);
        var u = ranks.Take(a.Count).Sum() - n1 * (n1 + 1) / 2;
        var n = n1 + n2;
        var tieTerm = all.GroupBy(v => v).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var sd = Math.Sqrt(n1 * n2 / 12 * (n + 1 - tieTerm / (n * (n - 1))));
        var distance = Math.Abs(u - n1 * n2 / 2);
        var z = sd > 0 ? (distance - 0.5) / sd : 0;
        var p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Max(z, 0)));
        return new TestResult(u, p, null);
    }

    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (Benjamini &amp; Hochberg 1995): p_(i) · m / i, made monotone from the
    /// largest down and capped at 1, returned in the input's order. Rejecting where the adjusted value is at most q
    /// controls the false discovery rate at q.
    /// </summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = Math.Min(1, running);
        }

        return adjusted;
    }
}

/// <summary>A test statistic and its p-value.</summary>
/// <param name="Statistic">t for Welch's test, U for Mann–Whitney.</param>
/// <param name="P">The two-sided p-value, 0–1.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom, or null where the test has none.</param>
public sealed record TestResult(double Statistic, double P, double? DegreesOfFreedom);
