using System.Runtime.CompilerServices;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// The working storage of <see cref="TreeShap"/> for one thread: the unique paths of every recursion depth side by side
/// in preallocated arrays, as in the reference implementation's <c>tree_shap_recursive</c> (Lundberg et al. 2020,
/// Algorithm 2, and the shap package's <c>tree_shap.h</c>), so that the recursion allocates nothing. A path element is a
/// feature with its zero fraction, one fraction and the path weight of its position.
/// </summary>
internal sealed class TreeShapPath
{
    private readonly int[] _feature;
    private readonly double[] _zero;
    private readonly double[] _one;
    private readonly double[] _weight;
    private DecisionTree _tree = null!;
    private double[] _row = [];
    private double[] _phi = [];
    private double _scale;
    private int _conditionFeature = -1;
    private bool _conditionOn;

    /// <summary>Storage for trees of up to <paramref name="depth"/> internal nodes from root to leaf.</summary>
    public TreeShapPath(int depth)
    {
        // A depth-d call's path starts after those of depths 0 … d − 1, which hold 1 + 2 + … + (d + 1) elements, and has d + 1.
        var size = (depth + 3) * (depth + 4) / 2;
        (_feature, _zero, _one, _weight) = (new int[size], new double[size], new double[size], new double[size]);
    }

    /// <summary>The SHAP values of <paramref name="ensemble"/> for <paramref name="row"/>, one per feature.</summary>
    public double[] Values(TreeEnsemble ensemble, double[] row) => Values(ensemble, row, -1, false);

    /// <summary>
    /// The SHAP values of <paramref name="ensemble"/> for <paramref name="row"/> with feature
    /// <paramref name="conditionFeature"/> (−1: none) held out of the game, always known (<paramref name="on"/>) or never
    /// known (the conditioned TreeSHAP of Lundberg et al. 2020, section "SHAP interaction values"); the held feature gets 0.
    /// </summary>
    public double[] Values(TreeEnsemble ensemble, double[] row, int conditionFeature, bool on)
    {
        var phi = new double[ensemble.FeatureCount];
        (_row, _phi, _conditionFeature, _conditionOn) = (row, phi, conditionFeature, on);
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.NodeCount > 0)
            {
                (_tree, _scale) = (tree, ensemble.Weights[t]);
                Recurse(0, 0, 0, 1, 1, -1, 1);
            }
        }

        (_tree, _row, _phi) = (null!, [], []);
        return phi;
    }

    /// <summary>
    /// RECURSE of Algorithm 2 at <paramref name="node"/> (≥ 0 an internal node, &lt; 0 the leaf ~node), reached with the
    /// parent's path at <paramref name="parentStart"/> of which <paramref name="depth"/> elements are kept, extended by the
    /// split on <paramref name="parentFeature"/> with fractions <paramref name="parentZero"/> and <paramref name="parentOne"/>;
    /// <paramref name="conditionFraction"/> is the share of the held-out feature's splits above (1 when there is none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Recurse(int node, int parentStart, int depth, double parentZero, double parentOne, int parentFeature, double conditionFraction)
    {
        var start = parentStart + depth + 1;
        for (var i = 0; i <= depth; i++)
        {
            _feature[start + i] = _feature[parentStart + i];
            _zero[start + i] = _zero[parentStart + i];
            _one[start + i] = _one[parentStart + i];
            _weight[start + i] = _weight[parentStart + i];
        }

        if (parentFeature != _conditionFeature || parentFeature < 0)
        {
            Extend(start, depth, parentZero, parentOne, parentFeature);
        }

        if (node < 0)
        {
            var value = _scale * _tree.LeafValueArray[~node] * conditionFraction;
            for (var i = 1; i <= depth; i++)
            {
                _phi[_feature[start + i]] += UnwoundSum(start, depth, i) * (_one[start + i] - _zero[start + i]) * value;
            }

            return;
        }

        var split = _tree.SplitFeatureArray[node];
        var hot = _tree.Child(node, _row[split]);
        var cold = hot == _tree.LeftArray[node] ? _tree.RightArray[node] : _tree.LeftArray[node];
        var cover = _tree.NodeCoverArray[node];
        var (hotZero, coldZero) = cover > 0 ? (_tree.Cover(hot) / cover, _tree.Cover(cold) / cover) : (0.5, 0.5);
        if (split == _conditionFeature)
        {
            // The held-out feature does not enter the path: known, the row's branch is taken; unknown, both by their covers.
            var (hotShare, coldShare) = _conditionOn ? (1.0, 0.0) : (hotZero, coldZero);
            if (hotShare != 0)
            {
                Recurse(hot, start, depth, 1, 1, split, conditionFraction * hotShare);
            }

            if (coldShare != 0)
            {
                Recurse(cold, start, depth, 1, 1, split, conditionFraction * coldShare);
            }

            return;
        }

        var (incomingZero, incomingOne) = (1.0, 1.0);
        var previous = 1;
        while (previous <= depth && _feature[start + previous] != split)
        {
            previous++;
        }

        if (previous <= depth)
        {
            (incomingZero, incomingOne) = (_zero[start + previous], _one[start + previous]);
            Unwind(start, depth, previous);
            depth--;
        }

        // A branch whose zero and one fractions are both 0 carries path weight 0 everywhere below: skipping it is exact.
        if (hotZero * incomingZero != 0 || incomingOne != 0)
        {
            Recurse(hot, start, depth + 1, hotZero * incomingZero, incomingOne, split, conditionFraction);
        }

        if (coldZero * incomingZero != 0)
        {
            Recurse(cold, start, depth + 1, coldZero * incomingZero, 0, split, conditionFraction);
        }
    }

    /// <summary>EXTEND: appends the split on <paramref name="feature"/> at position <paramref name="depth"/> and updates the path weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Extend(int start, int depth, double zero, double one, int feature)
    {
        _feature[start + depth] = feature;
        _zero[start + depth] = zero;
        _one[start + depth] = one;
        _weight[start + depth] = depth == 0 ? 1 : 0;
        for (var i = depth - 1; i >= 0; i--)
        {
            _weight[start + i + 1] += one * _weight[start + i] * (i + 1) / (depth + 1);
            _weight[start + i] = zero * _weight[start + i] * (depth - i) / (depth + 1);
        }
    }

    /// <summary>UNWIND: removes element <paramref name="index"/> from a path of <paramref name="depth"/> + 1 elements, undoing its EXTEND.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Unwind(int start, int depth, int index)
    {
        var one = _one[start + index];
        var zero = _zero[start + index];
        var next = _weight[start + depth];
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var kept = _weight[start + i];
                _weight[start + i] = next * (depth + 1) / ((i + 1) * one);
                next = kept - _weight[start + i] * zero * (depth - i) / (depth + 1);
            }
            else
            {
                _weight[start + i] = _weight[start + i] * (depth + 1) / (zero * (depth - i));
            }
        }

        for (var i = index; i < depth; i++)
        {
            _feature[start + i] = _feature[start + i + 1];
            _zero[start + i] = _zero[start + i + 1];
            _one[start + i] = _one[start + i + 1];
        }
    }

    /// <summary>The total path weight the path would have with element <paramref name="index"/> unwound, without changing it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double UnwoundSum(int start, int depth, int index)
    {
        var one = _one[start + index];
        var zero = _zero[start + index];
        var total = 0.0;
        if (one != 0)
        {
            var next = _weight[start + depth];
            for (var i = depth - 1; i >= 0; i--)
            {
                var weight = next * (depth + 1) / ((i + 1) * one);
                total += weight;
                next = _weight[start + i] - weight * zero * (depth - i) / (depth + 1);
            }
        }
        else
        {
            for (var i = depth - 1; i >= 0; i--)
            {
                total += _weight[start + i] * (depth + 1) / (zero * (depth - i));
            }
        }

        return total;
    }
}
