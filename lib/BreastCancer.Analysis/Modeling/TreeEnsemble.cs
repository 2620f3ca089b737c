namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A weighted sum of regression trees, f(x) = <see cref="Bias"/> + Σₜ wₜ·treeₜ(x), as ML.NET's tree ensembles score
/// (<c>RegressionTreeEnsemble</c>: <c>Bias</c>, <c>TreeWeights</c>, <c>Trees</c>), on rows of
/// <see cref="FeatureCount"/> features.
/// </summary>
public sealed record TreeEnsemble
{
    /// <summary>The ensemble of <paramref name="trees"/> with weights <paramref name="weights"/> and constant <paramref name="bias"/>.</summary>
    /// <param name="featureCount">The width of the rows the ensemble scores, at least every tree's <see cref="DecisionTree.FeatureCount"/>.</param>
    /// <param name="trees">The trees.</param>
    /// <param name="weights">One finite weight per tree.</param>
    /// <param name="bias">The constant added to the weighted sum.</param>
    /// <exception cref="ArgumentException">The weights are not one per tree or not finite, the bias is not finite, or a tree splits on a feature ≥ <paramref name="featureCount"/>.</exception>
    public TreeEnsemble(int featureCount, IReadOnlyList<DecisionTree> trees, IReadOnlyList<double> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(featureCount);
        if (trees.Count != weights.Count)
        {
            throw new ArgumentException($"{weights.Count} weights for {trees.Count} trees", nameof(weights));
        }

        if (weights.Any(w => !double.IsFinite(w)) || !double.IsFinite(bias))
        {
            throw new ArgumentException("the weights and the bias must be finite", nameof(weights));
        }

        var wide = trees.Select((t, i) => (t, i)).FirstOrDefault(p => p.t is null || p.t.FeatureCount > featureCount);
        if (wide.t is not null || trees.Any(t => t is null))
        {
            throw new ArgumentException(wide.t is null
                ? "a tree is null"
                : $"tree {wide.i} splits on feature {wide.t.FeatureCount - 1} but the rows have {featureCount} features", nameof(trees));
        }

        FeatureCount = featureCount;
        Trees = [.. trees];
        Weights = [.. weights];
        Bias = bias;
    }

    /// <summary>The width of the rows the ensemble scores.</summary>
    public int FeatureCount { get; }

    /// <summary>The trees.</summary>
    public IReadOnlyList<DecisionTree> Trees { get; }

    /// <summary>One weight per tree.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The constant added to the weighted sum.</summary>
    public double Bias { get; }

    /// <summary>
    /// f(<paramref name="row"/>) = bias + Σₜ wₜ·treeₜ(row), summed in double precision with ML.NET's routing (the value
    /// rounded to single precision, ≤ the threshold goes left): ML.NET's <c>Score</c> up to its final rounding to single precision.
    /// </summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="FeatureCount"/> values.</exception>
    public double Output(double[] row) => OutputOfFirst(row, Trees.Count);

    /// <summary>
    /// The output of the first <paramref name="trees"/> trees alone, bias + Σₜ₍ₜ₌₁…<paramref name="trees"/>₎ wₜ·treeₜ(row),
    /// summed as <see cref="Output"/> sums: a boosted model's output after that many iterations.
    /// </summary>
    /// <exception cref="ArgumentException">The row does not have <see cref="FeatureCount"/> values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trees"/> is negative or above the number of trees.</exception>
    public double OutputOfFirst(double[] row, int trees)
    {
        RequireWidth(row, nameof(row));
        ArgumentOutOfRangeException.ThrowIfNegative(trees);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trees, Trees.Count);
        var sum = Bias;
        for (var t = 0; t < trees; t++)
        {
            sum += Weights[t] * Trees[t].Output(row);
        }

        return sum;
    }

    /// <summary>The expected output over the background rows, bias + Σₜ wₜ·E[treeₜ] with each tree's cover-weighted mean leaf value.</summary>
    /// <exception cref="InvalidOperationException">A tree has no background rows.</exception>
    public double ExpectedOutput() => Bias + Trees.Select((t, i) => Weights[i] * t.ExpectedOutput()).Sum();

    internal void RequireWidth(double[] row, string name)
    {
        ArgumentNullException.ThrowIfNull(row, name);
        if (row.Length != FeatureCount)
        {
            throw new ArgumentException($"the row has {row.Length} values but the ensemble scores rows of {FeatureCount} features", name);
        }
    }
}
