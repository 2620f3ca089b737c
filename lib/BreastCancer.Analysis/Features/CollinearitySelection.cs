using BreastCancer.Analysis.Exploration;
using MathNet.Numerics.LinearAlgebra;

namespace BreastCancer.Analysis.Features;

/// <summary>
/// Keeps one feature per cluster of collinear features: the training rows' Spearman correlations are clustered by
/// 1 − |ρ| (average linkage, as in notebook 03) and cut at <paramref name="height"/>; from each cluster the feature with
/// the largest ANOVA F against the diagnosis is kept.
/// </summary>
/// <param name="height">The cut height; 0.2 joins features with |ρ| of about 0.8 or more.</param>
public sealed class CorrelationFilter(double height = 0.2) : FeatureSelector
{
    /// <inheritdoc />
    public override string Name => $"one per correlation cluster (cut {height})";

    /// <inheritdoc />
    public override FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        var features = trainingRows[0].Length;
        var names = Enumerable.Range(0, features).Select(j => j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var columns = Enumerable.Range(0, features).Select(j => trainingRows.Select(r => r[j]).ToArray()).ToArray();
        var correlations = CorrelationMatrix.FromColumns(names, columns, CorrelationMethod.Spearman);
        var clusters = FeatureClustering.Of(correlations, Linkage.Average).ClustersAt(height).Clusters;
        var f = UnivariateScores.AnovaF(trainingRows, trainingLabels).F;
        return new([.. clusters.Select(c => c.Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).OrderByDescending(j => f[j]).ThenBy(j => j).First()).Order()]);
    }
}

/// <summary>
/// Removes features one at a time, always the one with the largest variance inflation factor on the training rows,
/// until every remaining VIF is at most <paramref name="maxVif"/> (10, the usual limit).
/// </summary>
/// <param name="maxVif">The largest VIF a kept feature may have.</param>
public sealed class VifElimination(double maxVif = 10) : FeatureSelector
{
    /// <inheritdoc />
    public override string Name => $"VIF ≤ {maxVif}";

    /// <inheritdoc />
    public override FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        var kept = Enumerable.Range(0, trainingRows[0].Length).ToList();
        while (kept.Count > 1)
        {
            var x = Matrix<double>.Build.Dense(trainingRows.Count, kept.Count, (r, c) => trainingRows[r][kept[c]]);
            var vifs = VarianceInflation.All(x).ToList();
            var worst = vifs.IndexOf(vifs.Max());
            if (vifs[worst] <= maxVif)
            {
                break;
            }

            kept.RemoveAt(worst);
        }

        return new(kept);
    }
}
