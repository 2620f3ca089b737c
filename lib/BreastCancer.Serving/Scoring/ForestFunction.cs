using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// A <see cref="BreimanForest"/> one row at a time: each tree's nodes in flat arrays, the row routed through every tree
/// by the forest's own rule (the value in single precision ≤ the threshold goes left), the leaf values summed in the
/// order of the trees and divided by their number, as <see cref="BreimanForest.PredictProbability(IReadOnlyList{double[]})"/> does, so the
/// probability is the same bit for bit. Immutable.
/// </summary>
/// <param name="forest">The fitted forest.</param>
internal sealed class ForestFunction(BreimanForest forest) : ScoreFunction
{
    private readonly Tree[] _trees = [.. forest.Trees.Select(t => new Tree([.. t.SplitFeatures], [.. t.Thresholds], [.. t.LeftChild], [.. t.RightChild], [.. t.LeafValues]))];

    /// <inheritdoc />
    public override double Probability(ReadOnlySpan<double> inputs)
    {
        var sum = 0.0;
        foreach (var tree in _trees)
        {
            var node = tree.Features.Length == 0 ? ~0 : 0;
            while (node >= 0)
            {
                node = (float)inputs[tree.Features[node]] <= tree.Thresholds[node] ? tree.Left[node] : tree.Right[node];
            }

            sum += tree.Leaves[~node];
        }

        return sum / _trees.Length;
    }

    private sealed record Tree(int[] Features, float[] Thresholds, int[] Left, int[] Right, double[] Leaves);
}
