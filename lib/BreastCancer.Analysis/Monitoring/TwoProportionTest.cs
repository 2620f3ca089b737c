using MathNet.Numerics.Distributions;

namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// The two-sided two-proportion z-test with the pooled variance (e.g. Agresti 2013, Categorical Data Analysis, 3rd ed.):
/// z = (p̂₁ − p̂₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p̄ = (x₁ + x₂)/(n₁ + n₂), p = 2Φ(−|z|). z² is Pearson's χ² of the 2×2
/// table without continuity correction (SciPy's <c>chi2_contingency(table, correction=False)</c>). When p̄ is 0 or 1
/// the two proportions are equal and cannot differ: z = 0, p = 1.
/// </summary>
/// <param name="Z">The z statistic, positive when the first proportion is the larger.</param>
/// <param name="P">The two-sided p-value, 0–1.</param>
public sealed record TwoProportionTest(double Z, double P)
{
    /// <summary>The test of <paramref name="x1"/> successes in <paramref name="n1"/> trials against <paramref name="x2"/> in <paramref name="n2"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or above its number of trials, or a number of trials is 0.</exception>
    public static TwoProportionTest Compute(int x1, int n1, int x2, int n2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n2, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(x1);
        ArgumentOutOfRangeException.ThrowIfNegative(x2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x1, n1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x2, n2);
        var pooled = (x1 + x2) / ((double)n1 + n2);
        if (pooled is 0 or 1)
        {
            return new TwoProportionTest(0, 1);
        }

        var z = (x1 / (double)n1 - x2 / (double)n2) / Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return new TwoProportionTest(z, Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z))));
    }
}
