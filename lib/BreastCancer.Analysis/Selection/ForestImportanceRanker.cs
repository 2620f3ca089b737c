using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Selection;

/// <summary>
/// The impurity importance (mean decrease in Gini impurity, scikit-learn's <c>feature_importances_</c>:
/// <see cref="BreimanForest.ImpurityImportance"/>) of the study's random forest (<see cref="ModelCatalogue.RandomForest"/>'s
/// settings: bagged Gini trees of ≤ 32 leaves of ≥ 2 rows, 0.18 of the features per split) fitted on the training rows
/// with the ranker's seed: how much impurity the splits on each feature remove, summed over the trees.
/// </summary>
/// <param name="trees">The number of trees.</param>
public sealed class ForestImportanceRanker(int trees = 100) : IFeatureRanker
{
    /// <inheritdoc />
    public string Name => $"random forest impurity ({trees} trees)";

    /// <inheritdoc />
    public double[] Importance(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels, int seed) =>
        BreimanForest.Fit(trainingRows, trainingLabels, new ForestSettings(Trees: trees, FeatureFraction: 0.18), seed).ImpurityImportance();
}
