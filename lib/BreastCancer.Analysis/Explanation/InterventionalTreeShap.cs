using System.Runtime.CompilerServices;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Exact interventional TreeSHAP, "Independent Tree SHAP" (Lundberg et al., Nature Machine Intelligence 2, 2020, Methods;
/// shap's <c>TreeExplainer</c> with <c>feature_perturbation="interventional"</c>): the Shapley values of
/// v(S) = Σ_z w_z f(x_S, z_S̄), the weighted mean over the background rows z of the ensemble's output at the hybrid row
/// that takes the features in S from the explained row x and the others from z. A feature left out takes a background
/// row's value independently of the tree's other splits, as in Kernel SHAP and linear SHAP, not the cover-weighted
/// branches of path-dependent <see cref="TreeShap"/>.
/// <para>
/// For one background row z the game v_z(S) = f(x_S, z_S̄) is solved exactly tree by tree: walking down from the root, a
/// split that x and z pass the same way constrains nothing; one they pass differently is followed both ways, the branch
/// of x putting its feature in the set A (it must be in S) and the branch of z putting it in B (it must be out of S). A
/// feature already in A or B follows its own side again at a later split on it, so a leaf whose path needs a feature in
/// both sets is never reached. A reached leaf with value v is the game v·[A ⊆ S, S ∩ B = ∅], whose Shapley value is
/// v·(|A| − 1)!·|B|! / (|A| + |B|)! for each feature of A and −v·|A|!·(|B| − 1)! / (|A| + |B|)! for each of B. The cost
/// per tree, row and background row is the number of nodes reached this way, at most the tree's size.
/// </para>
/// <para>
/// Rows are routed as <see cref="TreeEnsemble.Output"/> routes them (<see cref="DecisionTree"/>: the value rounded to
/// single precision, ≤ the threshold left, greater or NaN right), so a hybrid row reaches the leaf the ensemble scores.
/// </para>
/// </summary>
public static class InterventionalTreeShap
{
    /// <summary>The <see cref="ShapExplanation.Method"/> of the explanations made here.</summary>
    public const string Method = "TreeSHAP (exact, interventional)";

    /// <summary>
    /// The interventional SHAP values of <paramref name="ensemble"/>'s output for each of <paramref name="rows"/> against
    /// <paramref name="background"/>, in <see cref="ShapOutputSpace.Margin"/> (the ensemble's raw score, the units of
    /// <see cref="TreeEnsemble.Output"/>), with the base value Σ_z w_z f(z), the weighted mean output over the background;
    /// base + Σᵢ φᵢ = <see cref="TreeEnsemble.Output"/> for every row. The trees' covers are not used.
    /// </summary>
    /// <param name="ensemble">The trees.</param>
    /// <param name="background">
    /// The reference rows, as the model sees them, each of <see cref="TreeEnsemble.FeatureCount"/> values, with their
    /// weights (summing to 1): a feature left out of a coalition takes each one's value in turn.
    /// </param>
    /// <param name="rows">The rows to explain, each of <see cref="TreeEnsemble.FeatureCount"/> values, as the model sees them.</param>
    /// <param name="featureNames">One name per feature.</param>
    /// <param name="workers">Rows explained in parallel, ≥ 1; the values do not depend on it.</param>
    /// <exception cref="ArgumentException">A row, the background rows or the names do not have one entry per feature.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1.</exception>
    public static ShapExplanation Explain(TreeEnsemble ensemble, ShapBackground background, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames, int workers = 1)
    {
        Check(ensemble, background, rows, featureNames, workers);
        var baseValue = background.Rows.Select((z, b) => background.Weights[b] * ensemble.Output(z)).Sum();
        var depth = ensemble.Trees.Count == 0 ? 0 : ensemble.Trees.Max(t => t.Depth);
        var values = new double[rows.Count][];
        if (workers == 1)
        {
            var walk = new Walk(ensemble.FeatureCount, depth);
            for (var r = 0; r < rows.Count; r++)
            {
                values[r] = walk.Values(ensemble, background, rows[r]);
            }
        }
        else
        {
            Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, () => new Walk(ensemble.FeatureCount, depth),
                (r, _, walk) =>
                {
                    values[r] = walk.Values(ensemble, background, rows[r]);
                    return walk;
                },
                _ => { });
        }

        return new ShapExplanation(featureNames, baseValue, values, rows, ShapOutputSpace.Margin, Method);
    }

    private static void Check(TreeEnsemble ensemble, ShapBackground background, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames, int workers)
    {
        ArgumentNullException.ThrowIfNull(background);
        TreeShap.Check(ensemble, rows, featureNames, workers);
        if (background.Width != ensemble.FeatureCount)
        {
            throw new ArgumentException(
                $"the background rows have {background.Width} values but the ensemble scores rows of {ensemble.FeatureCount} features: a left-out feature takes its value from them",
                nameof(background));
        }
    }

    /// <summary>The working storage of one thread: which set each feature is in on the current path, and the Shapley weights.</summary>
    private sealed class Walk
    {
        private const byte Free = 0;
        private const byte Explained = 1;
        private const byte Reference = 2;

        private readonly byte[] _side;
        private readonly double[,] _weight;
        private DecisionTree _tree = null!;
        private double[] _x = [];
        private double[] _z = [];
        private double[] _phi = [];
        private double _scale;

        /// <summary>Storage for rows of <paramref name="features"/> values and trees of up to <paramref name="depth"/> internal nodes from root to leaf.</summary>
        public Walk(int features, int depth)
        {
            _side = new byte[features];
            // _weight[p, q] = p!·q!/(p + q + 1)!, the Shapley weight of a leaf reached with |A| + |B| = p + q + 1.
            _weight = new double[depth + 1, depth + 1];
            for (var p = 0; p <= depth; p++)
            {
                for (var q = 0; q <= depth; q++)
                {
                    _weight[p, q] = (p, q) switch
                    {
                        (0, 0) => 1,
                        (0, _) => _weight[0, q - 1] * q / (q + 1),
                        _ => _weight[p - 1, q] * p / (p + q + 1),
                    };
                }
            }
        }

        /// <summary>Σ_z w_z φ(v_z) for <paramref name="x"/>: its SHAP values against the background, one per feature.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double[] Values(TreeEnsemble ensemble, ShapBackground background, double[] x)
        {
            var phi = new double[ensemble.FeatureCount];
            (_x, _phi) = (x, phi);
            for (var b = 0; b < background.Rows.Count; b++)
            {
                _z = background.Rows[b];
                for (var t = 0; t < ensemble.Trees.Count; t++)
                {
                    var tree = ensemble.Trees[t];
                    if (tree.NodeCount > 0)
                    {
                        (_tree, _scale) = (tree, background.Weights[b] * ensemble.Weights[t]);
                        Recurse(0, 0, 0);
                    }
                }
            }

            (_tree, _x, _z, _phi) = (null!, [], [], []);
            return phi;
        }

        /// <summary>
        /// The walk below <paramref name="node"/> (≥ 0 an internal node, &lt; 0 the leaf ~node), reached with
        /// <paramref name="explained"/> features in A and <paramref name="reference"/> in B. Returns the sums over the
        /// leaves reached below of v·(|A| − 1)!·|B|!/(|A| + |B|)! (what each feature of A gains) and of
        /// v·|A|!·(|B| − 1)!/(|A| + |B|)! (what each feature of B loses), so that the node putting a feature in A or B
        /// credits it with its branch's sum.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (double Gain, double Loss) Recurse(int node, int explained, int reference)
        {
            if (node < 0)
            {
                var value = _scale * _tree.LeafValueArray[~node];
                return (explained > 0 ? value * _weight[explained - 1, reference] : 0, reference > 0 ? value * _weight[explained, reference - 1] : 0);
            }

            var feature = _tree.SplitFeatureArray[node];
            var xChild = _tree.Child(node, _x[feature]);
            var zChild = _tree.Child(node, _z[feature]);
            if (xChild == zChild || _side[feature] != Free)
            {
                // The same way for both rows, or a feature already placed: only its own side's branch is reached.
                return Recurse(_side[feature] == Reference ? zChild : xChild, explained, reference);
            }

            _side[feature] = Explained;
            var (xGain, xLoss) = Recurse(xChild, explained + 1, reference);
            _side[feature] = Reference;
            var (zGain, zLoss) = Recurse(zChild, explained, reference + 1);
            _side[feature] = Free;
            _phi[feature] += xGain - zLoss;
            return (xGain + zGain, xLoss + zLoss);
        }
    }
}
