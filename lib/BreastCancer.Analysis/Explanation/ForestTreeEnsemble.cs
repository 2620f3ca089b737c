using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Reads a <see cref="BreimanForest"/> into a <see cref="TreeEnsemble"/>: each <see cref="ClassificationTree"/> as a
/// <see cref="DecisionTree"/> with the same nodes, thresholds and leaf values (the leaf's share of malignant rows), each
/// weighted 1 / T with no bias, so that the ensemble's output is the forest's probability, the mean of its trees. As for
/// ML.NET's trees, the covers are counted by routing the background rows through each tree, the same distribution for
/// every model the library explains.
/// </summary>
public static class ForestTreeEnsemble
{
    /// <summary>The ensemble of <paramref name="forest"/>, its covers counted on <paramref name="coverRows"/>.</summary>
    /// <param name="forest">The fitted forest.</param>
    /// <param name="coverRows">The background rows as the forest sees them (its training rows after the pipeline's steps), all <see cref="BreimanForest.FeatureCount"/> wide.</param>
    /// <exception cref="ArgumentException">There are no cover rows, or one is not as wide as the forest's rows.</exception>
    public static TreeEnsemble Read(BreimanForest forest, IReadOnlyList<double[]> coverRows)
    {
        ArgumentNullException.ThrowIfNull(forest);
        ArgumentNullException.ThrowIfNull(coverRows);
        if (coverRows.Count == 0)
        {
            throw new ArgumentException("no cover rows: the covers, and so the expected output, are undefined", nameof(coverRows));
        }

        var bad = Enumerable.Range(0, coverRows.Count).FirstOrDefault(i => coverRows[i]?.Length != forest.FeatureCount, -1);
        if (bad >= 0)
        {
            throw new ArgumentException($"cover row {bad} has {coverRows[bad]?.Length ?? 0} values but the forest reads {forest.FeatureCount}", nameof(coverRows));
        }

        var trees = forest.Trees.Select(t => DecisionTree.Covered(t.SplitFeatures, t.Thresholds, t.LeftChild, t.RightChild, t.LeafValues, coverRows)).ToArray();
        return new TreeEnsemble(forest.FeatureCount, trees, [.. trees.Select(_ => 1.0 / trees.Length)], 0);
    }
}
