using BreastCancer.Analysis.Data;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Exploration;

/// <summary>
/// Variance inflation factors: VIF_j = 1 / (1 − R²_j), R²_j from the least-squares regression (with intercept, by QR
/// decomposition in MathNet) of feature j on all the others. 1 means no collinearity; above 10 is the usual warning
/// (Kutner et al., Applied Linear Statistical Models, 2005, §10.5). A feature that the others determine exactly has an
/// infinite VIF.
/// </summary>
/// <param name="Features">One entry per feature, largest VIF first.</param>
public sealed record VarianceInflation(IReadOnlyList<FeatureVif> Features)
{
    /// <summary>The VIF of every feature over the given rows (all when null) of a complete data set.</summary>
    public static VarianceInflation Of(BreastCancerData data, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var x = Matrix<double>.Build.Dense(selected.Count, data.FeatureCount, (r, f) => data[selected[r], f]);
        return new VarianceInflation([.. data.FeatureNames.Select((name, f) => new FeatureVif(name, Of(x, f))).OrderByDescending(v => v.Vif)]);
    }

    /// <summary>The VIF of column <paramref name="feature"/> of <paramref name="x"/> (rows are samples).</summary>
    public static double Of(Matrix<double> x, int feature)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = x.Column(feature);
        var others = x.RemoveColumn(feature).InsertColumn(0, Vector<double>.Build.Dense(x.RowCount, 1.0));
        var fitted = others * others.QR().Solve(y);
        var mean = y.Mean();
        var total = y.Sum(v => (v - mean) * (v - mean));
        var residual = (y - fitted).Sum(v => v * v);
        var r2 = 1 - residual / total;
        return r2 >= 1 - 1e-12 ? double.PositiveInfinity : 1 / (1 - r2);
    }

    /// <summary>
    /// The VIF of every column of <paramref name="x"/> (rows are samples), equal to <see cref="Of(Matrix{double}, int)"/>
    /// of each up to rounding, from one QR decomposition instead of one per column: with X the centred columns and
    /// X = QR, VIF_j = SST_j · [(XᵀX)⁻¹]_jj = SST_j · ‖row j of R⁻¹‖² (SST_j the centred sum of squares of column j).
    /// When some column comes out at 10¹² or more (the columns are collinear to rounding, R is near singular), every
    /// column is regressed on the others by <see cref="Of(Matrix{double}, int)"/> instead.
    /// </summary>
    public static double[] All(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var centred = x.Clone();
        var totals = new double[x.ColumnCount];
        for (var j = 0; j < x.ColumnCount; j++)
        {
            var column = x.Column(j);
            var deviations = column - column.Mean();
            totals[j] = deviations.DotProduct(deviations);
            centred.SetColumn(j, deviations);
        }

        var inverse = centred.QR(QRMethod.Thin).R.Inverse();
        var vifs = totals.Select((total, j) => total * inverse.Row(j).DotProduct(inverse.Row(j))).ToArray();
        return vifs.All(v => v < 1e12) ? vifs : [.. Enumerable.Range(0, x.ColumnCount).Select(j => Of(x, j))];
    }
}

/// <summary>The variance inflation factor of one feature.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Vif">1 / (1 − R²) of the feature on the others, at least 1.</param>
public sealed record FeatureVif(string Feature, double Vif);
