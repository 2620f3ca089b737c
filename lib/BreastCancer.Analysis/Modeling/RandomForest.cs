namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The random forest as scikit-learn's <c>RandomForestClassifier</c> grows it (<see cref="BreimanForest"/>): bagged Gini
/// trees, each on a bootstrap sample, each split among a fresh random subset of the features, the probability the mean
/// of the trees' leaf shares of malignant rows. The fit's seed draws the bootstrap samples and the features, so the
/// same seed gives the same forest.
/// </summary>
/// <param name="settings">How the trees are grown.</param>
public sealed class RandomForest(ForestSettings settings) : IClassifier
{
    /// <summary>How the trees are grown.</summary>
    public ForestSettings Settings { get; } = settings?.Problems() is [var problem, ..]
        ? throw new ArgumentException(problem, nameof(settings))
        : settings ?? throw new ArgumentNullException(nameof(settings));

    /// <inheritdoc />
    public string Name => FormattableString.Invariant(
        $"random forest ({Settings.Trees} trees, ≤ {Settings.MaxLeaves} leaves of ≥ {Settings.MinLeafRows} rows, {Settings.FeatureFraction:G3} of the features per split)");

    /// <inheritdoc />
    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed) => BreimanForest.Fit(rows, labels, Settings, seed);
}
