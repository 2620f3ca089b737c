using BreastCancer.Analysis.Data;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Exploration;

/// <summary>Which correlation coefficient a matrix holds.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's product-moment correlation (linear association).</summary>
    Pearson,

    /// <summary>Spearman's rank correlation: Pearson's on ranks, ties given their average rank (monotone association).</summary>
    Spearman,
}

/// <summary>A symmetric matrix of correlations between features (MathNet's <c>PearsonMatrix</c> and <c>SpearmanMatrix</c>).</summary>
/// <param name="Features">The feature names, in the matrix's order.</param>
/// <param name="Values">Values[i][j]: the correlation of features i and j, −1 to 1.</param>
/// <param name="Method">Pearson or Spearman.</param>
public sealed record CorrelationMatrix(IReadOnlyList<string> Features, IReadOnlyList<IReadOnlyList<double>> Values, CorrelationMethod Method)
{
    /// <summary>The correlations of every pair of features over the given rows (all when null) of a complete data set.</summary>
    public static CorrelationMatrix Of(BreastCancerData data, CorrelationMethod method, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var columns = Enumerable.Range(0, data.FeatureCount).Select(f => selected.Select(r => data[r, f]).ToArray()).ToArray();
        if (columns.Any(c => c.Any(double.IsNaN)))
        {
            throw new InvalidOperationException("correlations need complete rows: impute or drop the missing cells first");
        }

        return FromColumns(data.FeatureNames, columns, method);
    }

    /// <summary>The correlations of every pair of <paramref name="columns"/> (one array of values per feature, complete).</summary>
    public static CorrelationMatrix FromColumns(IReadOnlyList<string> features, double[][] columns, CorrelationMethod method)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var matrix = method == CorrelationMethod.Pearson ? Correlation.PearsonMatrix(columns) : Correlation.SpearmanMatrix(columns);
        return new CorrelationMatrix(features, [.. Enumerable.Range(0, matrix.RowCount).Select(i => (IReadOnlyList<double>)[.. matrix.Row(i)])], method);
    }

    /// <summary>The pairs with |r| above <paramref name="threshold"/>, strongest first.</summary>
    public CorrelatedPairs PairsAbove(double threshold) => new(threshold, Method,
    [
        .. from i in Enumerable.Range(0, Features.Count)
           from j in Enumerable.Range(i + 1, Features.Count - i - 1)
           where Math.Abs(Values[i][j]) > threshold
           orderby Math.Abs(Values[i][j]) descending
           select new FeaturePair(Features[i], Features[j], Values[i][j]),
    ]);

    /// <summary>The same matrix with rows and columns in <paramref name="order"/> (indices into <see cref="Features"/>).</summary>
    public CorrelationMatrix Reordered(IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return this with
        {
            Features = [.. order.Select(i => Features[i])],
            Values = [.. order.Select(i => (IReadOnlyList<double>)[.. order.Select(j => Values[i][j])])],
        };
    }
}

/// <summary>The pairs of features correlated beyond a threshold.</summary>
/// <param name="Threshold">The |r| a pair exceeds.</param>
/// <param name="Method">Pearson or Spearman.</param>
/// <param name="Pairs">The pairs, strongest first.</param>
public sealed record CorrelatedPairs(double Threshold, CorrelationMethod Method, IReadOnlyList<FeaturePair> Pairs);

/// <summary>Two features and their correlation.</summary>
/// <param name="First">One feature.</param>
/// <param name="Second">The other.</param>
/// <param name="R">Their correlation, −1 to 1.</param>
public sealed record FeaturePair(string First, string Second, double R);

/// <summary>The point-biserial correlation of each feature with the diagnosis (Pearson's r against 1 = malignant, 0 = benign).</summary>
public static class PointBiserial
{
    /// <summary>Each feature's correlation with the diagnosis, strongest first.</summary>
    public static DiagnosisCorrelation Of(BreastCancerData data, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var label = selected.Select(r => data.IsMalignant[r] ? 1.0 : 0.0).ToArray();
        return new DiagnosisCorrelation([.. data.FeatureNames.Select((name, f) => new FeatureCorrelation(name, Correlation.Pearson(selected.Select(r => data[r, f]), label))).OrderByDescending(p => Math.Abs(p.R))]);
    }
}

/// <summary>Every feature's point-biserial correlation with the diagnosis.</summary>
/// <param name="Features">One entry per feature, strongest first.</param>
public sealed record DiagnosisCorrelation(IReadOnlyList<FeatureCorrelation> Features);

/// <summary>A feature's correlation with the diagnosis.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="R">Point-biserial r, −1 to 1; positive when larger values go with malignancy.</param>
public sealed record FeatureCorrelation(string Feature, double R);
