using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Features;

/// <summary>
/// A pipeline step that keeps some features: fitted on the training rows only (like every <see cref="IFeatureStep"/>),
/// it records which columns it keeps and then cuts any rows down to them.
/// </summary>
public interface IFeatureSelector : IFeatureStep
{
    /// <summary>Fits on the training rows and returns the columns kept, in ascending order.</summary>
    new FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels);
}

/// <summary>The columns a selector kept.</summary>
/// <param name="Selected">Indices of the kept columns, ascending.</param>
public sealed record FittedSelection(IReadOnlyList<int> Selected) : IFittedFeatureStep
{
    /// <inheritdoc />
    public double[][] Transform(IReadOnlyList<double[]> rows) => [.. rows.Select(r => Selected.Select(c => r[c]).ToArray())];
}

/// <summary>Base of the selectors: the non-generic <see cref="IFeatureStep.Fit"/> returns the selection.</summary>
public abstract class FeatureSelector : IFeatureSelector
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels);

    IFittedFeatureStep IFeatureStep.Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels) => Fit(trainingRows, trainingLabels);

    /// <summary>The indices of the <paramref name="k"/> largest scores, ascending (ties broken by lower index).</summary>
    protected static IReadOnlyList<int> TopK(IReadOnlyList<double> scores, int k) =>
        [.. Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).Order()];
}

/// <summary>Keeps a fixed set of columns, whatever the training rows: for reproducing a published feature set.</summary>
/// <param name="columns">The column indices to keep.</param>
/// <param name="name">The name shown in tables.</param>
public sealed class ColumnSelection(IReadOnlyList<int> columns, string name) : FeatureSelector
{
    /// <inheritdoc />
    public override string Name { get; } = name;

    /// <summary>Keeps the named features; a name not among <paramref name="features"/> is a clear error.</summary>
    public static ColumnSelection ByName(IReadOnlyList<string> features, IReadOnlyList<string> keep, string name)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(keep);
        var indices = keep.Select(k => features.ToList().IndexOf(k) is var i and >= 0 ? i
            : throw new ArgumentException($"no feature '{k}' (features: {string.Join(", ", features)})", nameof(keep))).ToList();
        return new ColumnSelection(indices, name);
    }

    /// <inheritdoc />
    public override FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels) => new([.. columns.Order()]);
}

/// <summary>Removes features whose training variance (population, as scikit-learn's <c>VarianceThreshold</c>) is at most the threshold.</summary>
/// <param name="threshold">The variance a feature must exceed; 0 removes constant features only.</param>
public sealed class VarianceThreshold(double threshold = 0) : FeatureSelector
{
    /// <inheritdoc />
    public override string Name => $"variance > {threshold}";

    /// <inheritdoc />
    public override FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        return new([.. Enumerable.Range(0, trainingRows[0].Length).Where(j =>
        {
            var mean = trainingRows.Average(r => r[j]);
            return trainingRows.Average(r => (r[j] - mean) * (r[j] - mean)) > threshold;
        })]);
    }
}

/// <summary>The univariate score a <see cref="UnivariateSelection"/> ranks by.</summary>
public enum UnivariateScore
{
    /// <summary>The ANOVA F statistic (scikit-learn's <c>f_classif</c>).</summary>
    AnovaF,

    /// <summary>Mutual information with the diagnosis (scikit-learn's <c>mutual_info_classif</c>).</summary>
    MutualInformation,
}

/// <summary>Keeps the k features with the largest univariate score on the training rows (scikit-learn's <c>SelectKBest</c>).</summary>
/// <param name="score">ANOVA F or mutual information.</param>
/// <param name="k">How many features to keep, at least 1.</param>
/// <param name="seed">The seed of the mutual-information jitter.</param>
public sealed class UnivariateSelection(UnivariateScore score, int k, int seed = 0) : FeatureSelector
{
    /// <inheritdoc />
    public override string Name => $"{(score == UnivariateScore.AnovaF ? "ANOVA F" : "mutual information")}, top {k}";

    /// <inheritdoc />
    public override FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        var scores = score == UnivariateScore.AnovaF
            ? UnivariateScores.AnovaF(trainingRows, trainingLabels).F
            : UnivariateScores.MutualInformation(trainingRows, trainingLabels, seed: seed);
        return new(TopK(scores, k));
    }
}
