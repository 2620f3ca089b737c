using System.Globalization;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// How a <see cref="BreimanForest"/> is grown, in scikit-learn's terms (<c>RandomForestClassifier</c>): each of
/// <paramref name="Trees"/> trees on a bootstrap sample of the rows (<c>bootstrap=True</c>), grown best first to at
/// most <paramref name="MaxLeaves"/> leaves (<c>max_leaf_nodes</c>) of at least <paramref name="MinLeafRows"/> distinct
/// rows (<c>min_samples_leaf</c>), each split chosen by Gini impurity among a fresh random
/// <paramref name="FeatureFraction"/> of the features (<c>max_features</c>: ⌊fraction · p⌋, at least 1).
/// </summary>
/// <param name="Trees">The number of trees, 1 to 10,000.</param>
/// <param name="MaxLeaves">The most leaves of a tree, 2 to 100,000.</param>
/// <param name="MinLeafRows">The fewest distinct rows of a leaf, 1 or more.</param>
/// <param name="FeatureFraction">The share of the features drawn at each split, in (0, 1].</param>
/// <param name="Bootstrap">True to grow each tree on n rows drawn with replacement; false to grow every tree on all rows.</param>
public sealed record ForestSettings(int Trees = 100, int MaxLeaves = 32, int MinLeafRows = 2, double FeatureFraction = 0.3, bool Bootstrap = true)
{
    /// <summary>The features drawn at each split from <paramref name="featureCount"/>: ⌊fraction · p⌋, at least 1 (scikit-learn's rule for a float <c>max_features</c>).</summary>
    public int FeaturesPerSplit(int featureCount) => Math.Max(1, (int)(FeatureFraction * featureCount));

    /// <summary>The problems of these settings, one line each; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Trees is < 1 or > 10_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"trees must be 1 to 10000, not {Trees}"));
        }

        if (MaxLeaves is < 2 or > 100_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the most leaves must be 2 to 100000, not {MaxLeaves}"));
        }

        if (MinLeafRows < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the fewest rows of a leaf must be at least 1, not {MinLeafRows}"));
        }

        if (!(FeatureFraction > 0 && FeatureFraction <= 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the feature fraction must be in (0, 1], not {FeatureFraction}"));
        }

        return problems;
    }
}
