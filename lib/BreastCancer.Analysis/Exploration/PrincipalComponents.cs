using BreastCancer.Analysis.Data;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Exploration;

/// <summary>
/// Principal component analysis of standardised features (each centred and divided by its sample SD), by the singular
/// value decomposition X = U S Vᵀ (MathNet): component k's loadings are row k of Vᵀ, its scores column k of U S, its
/// explained variance s_k² / (n − 1) and its share s_k² / Σ s². Each component's sign is fixed so that its largest
/// loading in absolute value is positive, so the same data always give the same signs.
/// </summary>
/// <param name="Features">The feature names.</param>
/// <param name="ExplainedVariance">Variance along each component, largest first.</param>
/// <param name="ExplainedVarianceRatio">Each component's share of the total variance, 0–1, summing to 1.</param>
/// <param name="Loadings">Loadings[k][f]: the weight of feature f in component k (unit-length rows).</param>
/// <param name="Scores">Scores[r][k]: row r's coordinate on component k.</param>
/// <param name="IsMalignant">The class of each scored row.</param>
public sealed record PrincipalComponents(IReadOnlyList<string> Features, IReadOnlyList<double> ExplainedVariance, IReadOnlyList<double> ExplainedVarianceRatio,
    IReadOnlyList<IReadOnlyList<double>> Loadings, IReadOnlyList<IReadOnlyList<double>> Scores, IReadOnlyList<bool> IsMalignant)
{
    /// <summary>The components needed to explain at least <paramref name="share"/> of the variance.</summary>
    public int ComponentsFor(double share)
    {
        var total = 0.0;
        for (var k = 0; k < ExplainedVarianceRatio.Count; k++)
        {
            total += ExplainedVarianceRatio[k];
            if (total >= share - 1e-12)
            {
                return k + 1;
            }
        }

        return ExplainedVarianceRatio.Count;
    }

    /// <summary>PCA of the given rows (all when null) of a complete data set.</summary>
    public static PrincipalComponents Of(BreastCancerData data, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var x = Matrix<double>.Build.Dense(selected.Count, data.FeatureCount, (r, f) => data[selected[r], f]);
        if (x.Enumerate().Any(double.IsNaN))
        {
            throw new InvalidOperationException("PCA needs complete rows: impute or drop the missing cells first");
        }

        for (var f = 0; f < x.ColumnCount; f++)
        {
            var column = x.Column(f);
            var (mean, sd) = (column.Mean(), column.StandardDeviation());
            x.SetColumn(f, column.Subtract(mean).Divide(sd > 0 ? sd : 1));
        }

        var svd = x.Svd(computeVectors: true);
        var components = Math.Min(x.RowCount, x.ColumnCount);
        var s = svd.S.ToArray()[..components];
        var vt = svd.VT;
        var u = svd.U;
        var signs = Enumerable.Range(0, components).Select(k =>
        {
            var row = vt.Row(k);
            return row[row.AbsoluteMaximumIndex()] < 0 ? -1.0 : 1.0;
        }).ToArray();
        var total = s.Sum(v => v * v);
        return new PrincipalComponents(data.FeatureNames,
            [.. s.Select(v => v * v / (x.RowCount - 1))],
            [.. s.Select(v => v * v / total)],
            [.. Enumerable.Range(0, components).Select(k => (IReadOnlyList<double>)[.. vt.Row(k).Select(v => v * signs[k])])],
            [.. Enumerable.Range(0, x.RowCount).Select(r => (IReadOnlyList<double>)[.. Enumerable.Range(0, components).Select(k => u[r, k] * s[k] * signs[k])])],
            [.. selected.Select(r => data.IsMalignant[r])]);
    }
}
