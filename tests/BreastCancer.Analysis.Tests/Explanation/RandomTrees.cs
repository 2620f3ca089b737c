using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>Seeded random trees in ML.NET's encoding on features in [0, 1], with covers from random background rows.</summary>
internal static class RandomTrees
{
    public static double[][] Rows(Random random, int count, int features) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, features).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray())];

    /// <summary>A tree of depth up to <paramref name="maxDepth"/> splitting on features 0 … <paramref name="features"/> − 1, covered by <paramref name="background"/>.</summary>
    public static DecisionTree Tree(Random random, int features, int maxDepth, IReadOnlyList<double[]> background)
    {
        var (split, threshold, left, right, leaves) = (new List<int>(), new List<float>(), new List<int>(), new List<int>(), new List<double>());
        Grow(0);
        return DecisionTree.Covered(split, threshold, left, right, leaves, background);

        int Grow(int depth)
        {
            if (depth == maxDepth || (depth > 0 && random.NextDouble() < 0.2))
            {
                leaves.Add(Math.Round(random.NextDouble() * 4 - 2, 3));
                return ~(leaves.Count - 1);
            }

            var node = split.Count;
            split.Add(random.Next(features));
            threshold.Add((float)Math.Round(random.NextDouble(), 2));
            left.Add(0);
            right.Add(0);
            left[node] = Grow(depth + 1);
            right[node] = Grow(depth + 1);
            return node;
        }
    }

    /// <summary>An ensemble of <paramref name="trees"/> random trees with random weights and bias.</summary>
    public static TreeEnsemble Ensemble(Random random, int features, int trees, int maxDepth, IReadOnlyList<double[]> background) =>
        new(features, [.. Enumerable.Range(0, trees).Select(_ => Tree(random, features, maxDepth, background))],
            [.. Enumerable.Range(0, trees).Select(_ => random.NextDouble() + 0.5)], random.NextDouble() - 0.5);

    /// <summary>Whether some root-to-leaf path of <paramref name="tree"/> splits twice on one feature.</summary>
    public static bool RepeatsAFeature(DecisionTree tree)
    {
        return tree.NodeCount > 0 && Repeats(0, []);

        bool Repeats(int node, HashSet<int> above)
        {
            if (node < 0)
            {
                return false;
            }

            var feature = tree.SplitFeatures[node];
            if (above.Contains(feature))
            {
                return true;
            }

            HashSet<int> below = [.. above, feature];
            return Repeats(tree.LeftChild[node], below) || Repeats(tree.RightChild[node], below);
        }
    }
}
