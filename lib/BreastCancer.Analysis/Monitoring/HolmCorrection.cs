namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// Holm's step-down correction for testing m hypotheses at once (Holm 1979, "A simple sequentially rejective
/// multiple test procedure", Scand. J. Statist. 6:65–70): with the p-values sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, the
/// adjusted value of p₍ᵢ₎ is maxⱼ≤ᵢ min(1, (m − j + 1) · p₍ⱼ₎). Rejecting where the adjusted value is below α
/// controls the family-wise error rate at α under any dependence, like Bonferroni (m · p), and rejects at least as
/// often.
/// </summary>
public static class HolmCorrection
{
    /// <summary>The Holm-adjusted p-values (each 0–1), in the order of <paramref name="pValues"/>.</summary>
    /// <exception cref="ArgumentException">A p-value is outside [0, 1] or NaN.</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        for (var i = 0; i < pValues.Count; i++)
        {
            if (pValues[i] is not (>= 0 and <= 1))
            {
                throw new ArgumentException($"p-value {i} is {pValues[i]}, not in [0, 1]", nameof(pValues));
            }
        }

        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
