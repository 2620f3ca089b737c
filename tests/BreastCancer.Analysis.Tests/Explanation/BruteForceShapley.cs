using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>
/// Shapley values by their definition, for checking TreeSHAP: every coalition S of the M features, v(S) = the ensemble's
/// expectation given x_S over the trees' covers (at a split on a feature in S follow the row; otherwise average the
/// children weighted by cover / parent cover, one half each below a node no background row reaches), and
/// φᵢ = Σ_{S ∌ i} |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S)). O(2^M) per row: for small M only.
/// </summary>
internal static class BruteForceShapley
{
    public static double[] Values(TreeEnsemble ensemble, double[] row)
    {
        var m = ensemble.FeatureCount;
        var v = Enumerable.Range(0, 1 << m).Select(mask => Value(ensemble, row, mask)).ToArray();

        var factorial = Enumerable.Range(0, m + 1).Select(k => Enumerable.Range(1, k).Aggregate(1.0, (p, j) => p * j)).ToArray();
        var phi = new double[m];
        for (var i = 0; i < m; i++)
        {
            for (var mask = 0; mask < v.Length; mask++)
            {
                if ((mask & (1 << i)) == 0)
                {
                    var size = System.Numerics.BitOperations.PopCount((uint)mask);
                    phi[i] += factorial[size] * factorial[m - size - 1] / factorial[m] * (v[mask | (1 << i)] - v[mask]);
                }
            }
        }

        return phi;
    }

    /// <summary>
    /// The Shapley interaction index of i ≠ j (Lundberg et al. 2020, the SHAP interaction values' definition):
    /// Φᵢⱼ = Σ_{S ⊆ N∖{i,j}} |S|! (M − |S| − 2)! / (2 (M − 1)!) · (v(S ∪ {i,j}) − v(S ∪ {i}) − v(S ∪ {j}) + v(S)).
    /// </summary>
    public static double Interaction(TreeEnsemble ensemble, double[] row, int i, int j)
    {
        var m = ensemble.FeatureCount;
        var factorial = Enumerable.Range(0, m + 1).Select(k => Enumerable.Range(1, k).Aggregate(1.0, (p, q) => p * q)).ToArray();
        var (bi, bj) = (1 << i, 1 << j);
        var total = 0.0;
        for (var mask = 0; mask < 1 << m; mask++)
        {
            if ((mask & (bi | bj)) == 0)
            {
                var size = System.Numerics.BitOperations.PopCount((uint)mask);
                var delta = Value(ensemble, row, mask | bi | bj) - Value(ensemble, row, mask | bi) - Value(ensemble, row, mask | bj) + Value(ensemble, row, mask);
                total += factorial[size] * factorial[m - size - 2] / (2 * factorial[m - 1]) * delta;
            }
        }

        return total;
    }

    /// <summary>v(∅): the cover-weighted expectation with no feature known.</summary>
    public static double Empty(TreeEnsemble ensemble) =>
        ensemble.Bias + ensemble.Trees.Select((t, i) => ensemble.Weights[i] * Expectation(t, [], 0, t.NodeCount == 0 ? ~0 : 0)).Sum();

    /// <summary>v(S) for the coalition whose bits are set in <paramref name="known"/>.</summary>
    private static double Value(TreeEnsemble ensemble, double[] row, int known) =>
        ensemble.Bias + ensemble.Trees.Select((t, i) => ensemble.Weights[i] * Expectation(t, row, known, t.NodeCount == 0 ? ~0 : 0)).Sum();

    private static double Expectation(DecisionTree tree, double[] row, int known, int node)
    {
        if (node < 0)
        {
            return tree.LeafValues[~node];
        }

        var feature = tree.SplitFeatures[node];
        var (left, right) = (tree.LeftChild[node], tree.RightChild[node]);
        if ((known & (1 << feature)) != 0)
        {
            return Expectation(tree, row, known, (float)row[feature] <= tree.Thresholds[node] ? left : right);
        }

        var cover = tree.NodeCovers[node];
        var (wl, wr) = cover > 0 ? (Cover(tree, left) / cover, Cover(tree, right) / cover) : (0.5, 0.5);
        return wl * Expectation(tree, row, known, left) + wr * Expectation(tree, row, known, right);
    }

    private static double Cover(DecisionTree tree, int child) => child >= 0 ? tree.NodeCovers[child] : tree.LeafCovers[~child];
}
