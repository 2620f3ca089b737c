using Microsoft.ML.Trainers.FastTree;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// Reads the trees of an ML.NET tree model (FastTree, LightGBM: <c>TrainedTreeEnsemble</c>, with its
/// <c>Bias</c>, <c>TreeWeights</c> and <c>Trees</c>) into a <see cref="TreeEnsemble"/>, counting each node's cover by
/// routing the background rows through it, since ML.NET keeps no per-node row counts.
/// </summary>
public static class MlNetTreeEnsemble
{
    /// <summary>The ensemble of <paramref name="model"/>, its covers counted on <paramref name="coverRows"/>.</summary>
    /// <param name="model">The trained tree model's parameters (for a calibrated model, the sub-model inside the calibration).</param>
    /// <param name="coverRows">
    /// The background rows as the model sees them (its training rows after the pipeline's steps), all of one width, which
    /// becomes the ensemble's <see cref="TreeEnsemble.FeatureCount"/>.
    /// </param>
    /// <exception cref="ArgumentException">There are no cover rows, they differ in width, or a tree splits on a feature beyond their width.</exception>
    /// <exception cref="NotSupportedException">The model is not an ensemble of ML.NET's regression trees (FastForest's quantile regression trees are not read), or a tree has a categorical split.</exception>
    public static TreeEnsemble Read(TreeEnsembleModelParameters model, IReadOnlyList<double[]> coverRows)
    {
        ArgumentNullException.ThrowIfNull(coverRows);
        if (coverRows.Count == 0)
        {
            throw new ArgumentException("no cover rows: the covers, and so the expected output, are undefined", nameof(coverRows));
        }

        var width = coverRows[0]?.Length ?? throw new ArgumentException("cover row 0 is null", nameof(coverRows));
        var ragged = coverRows.Select((r, i) => (r, i)).FirstOrDefault(p => p.r is null || p.r.Length != width);
        if (ragged.i != 0)
        {
            throw new ArgumentException($"cover row {ragged.i} has {ragged.r?.Length} values but row 0 has {width}", nameof(coverRows));
        }

        return Read(model, width, tree => DecisionTree.Covered(tree.NumericalSplitFeatureIndexes, tree.NumericalSplitThresholds, tree.LeftChild, tree.RightChild, tree.LeafValues, coverRows));
    }

    /// <summary>
    /// The ensemble of <paramref name="model"/> scoring rows of <paramref name="featureCount"/> features, without
    /// covers (all zero): enough for <see cref="TreeEnsemble.Output"/>, not for TreeSHAP or the expected output.
    /// </summary>
    /// <exception cref="ArgumentException">A tree splits on a feature ≥ <paramref name="featureCount"/>.</exception>
    /// <exception cref="NotSupportedException">As for the covered ensemble.</exception>
    public static TreeEnsemble ReadWithoutCovers(TreeEnsembleModelParameters model, int featureCount) =>
        Read(model, featureCount, tree => new DecisionTree(tree.NumericalSplitFeatureIndexes, tree.NumericalSplitThresholds, tree.LeftChild, tree.RightChild, tree.LeafValues,
            new double[tree.NumberOfNodes], new double[tree.NumberOfLeaves]));

    private static TreeEnsemble Read(TreeEnsembleModelParameters model, int width, Func<RegressionTreeBase, DecisionTree> convert) => model switch
    {
        TreeEnsembleModelParametersBasedOnRegressionTree trees => Read(trees.TrainedTreeEnsemble, width, convert),
        null => throw new ArgumentNullException(nameof(model)),
        _ => throw new NotSupportedException($"{model.GetType().Name} has no TrainedTreeEnsemble of a known kind"),
    };

    private static TreeEnsemble Read<TTree>(TreeEnsemble<TTree> ensemble, int width, Func<RegressionTreeBase, DecisionTree> convert)
        where TTree : RegressionTreeBase
    {
        var trees = ensemble.Trees.Select((tree, t) =>
        {
            var categorical = tree.CategoricalSplitFlags.Select((c, n) => (c, n)).FirstOrDefault(p => p.c);
            return categorical.c
                ? throw new NotSupportedException($"tree {t} of the ML.NET model has a categorical split at node {categorical.n}; only numerical splits are supported")
                : convert(tree);
        }).ToArray();
        return new TreeEnsemble(width, trees, [.. ensemble.TreeWeights], ensemble.Bias);
    }
}
