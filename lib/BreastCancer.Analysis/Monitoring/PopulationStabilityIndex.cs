using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// The population stability index of one feature (Siddiqi 2006, Credit Risk Scorecards, Wiley; Yurdakul 2018, Statistical Properties of Population Stability Index, PhD dissertation, Western Michigan University):
/// PSI = Σᵢ (cᵢ − rᵢ) · ln(cᵢ / rᵢ) over bins i, rᵢ and cᵢ the shares of the reference (training) and current
/// samples in bin i. The bins are cut at the reference sample's j/k quantiles, j = 1 … k − 1 (linear interpolation
/// between order statistics, numpy's default, R type 7); equal cut points (ties, e.g. the many zeros of concavity) are
/// collapsed, so there may be fewer than k bins. Bin i holds the values in (eᵢ₋₁, eᵢ], the first bin everything up to
/// e₁ and the last everything above the last edge. An empty bin's share is replaced by <see cref="ShareFloor"/>
/// (shares are not renormalised), so that the logarithm is finite. PSI ≥ 0, 0 when the shares agree; it is the
/// symmetrised Kullback–Leibler divergence (Jeffreys' divergence) of the binned distributions, in nats.
/// </summary>
/// <param name="Value">The PSI, ≥ 0.</param>
/// <param name="Band">Its conventional reading.</param>
/// <param name="Edges">The interior cut points, ascending and distinct, in the feature's unit.</param>
/// <param name="ReferenceShares">The reference share of each bin (one more than <paramref name="Edges"/>), each 0–1, empty bins floored.</param>
/// <param name="CurrentShares">The current share of each bin, likewise.</param>
public sealed record PopulationStabilityIndex(double Value, StabilityBand Band, IReadOnlyList<double> Edges, IReadOnlyList<double> ReferenceShares,
    IReadOnlyList<double> CurrentShares)
{
    /// <summary>The share an empty bin counts as: 10⁻⁴, a common choice in credit-scoring practice that keeps ln(cᵢ / rᵢ) finite.</summary>
    public const double ShareFloor = 1e-4;

    /// <summary>The conventional number of bins: 10 (deciles of the reference).</summary>
    public const int DefaultBins = 10;

    /// <summary>The PSI of <paramref name="current"/> against <paramref name="reference"/> (same unit) in up to <paramref name="bins"/> reference-quantile bins.</summary>
    /// <exception cref="ArgumentException">A sample is empty or holds a non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 2.</exception>
    public static PopulationStabilityIndex Compute(IReadOnlyList<double> reference, IReadOnlyList<double> current, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var sortedReference = Checked(reference, nameof(reference));
        Array.Sort(sortedReference);
        var edges = Enumerable.Range(1, bins - 1)
            .Select(j => SortedArrayStatistics.QuantileCustom(sortedReference, j / (double)bins, QuantileDefinition.R7))
            .Distinct()
            .ToArray();
        var referenceShares = Shares(sortedReference, edges);
        var currentShares = Shares(Checked(current, nameof(current)), edges);
        var psi = referenceShares.Zip(currentShares, (r, c) => (c - r) * Math.Log(c / r)).Sum();
        return new PopulationStabilityIndex(psi, StabilityBands.Of(psi), edges, referenceShares, currentShares);
    }

    private static double[] Shares(double[] values, double[] edges)
    {
        var counts = new int[edges.Length + 1];
        foreach (var v in values)
        {
            var index = Array.BinarySearch(edges, v);
            counts[index >= 0 ? index : ~index]++;
        }

        return [.. counts.Select(c => c == 0 ? ShareFloor : c / (double)values.Length)];
    }

    private static double[] Checked(IReadOnlyList<double> sample, string name)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("the sample is empty", name);
        }

        var values = sample.ToArray();
        var bad = Array.FindIndex(values, v => !double.IsFinite(v));
        if (bad >= 0)
        {
            throw new ArgumentException($"value {bad} of the sample is {values[bad]}: drop missing values first", name);
        }

        return values;
    }
}
