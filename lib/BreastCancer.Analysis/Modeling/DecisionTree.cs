namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A binary regression tree with numerical splits in ML.NET's encoding (<c>RegressionTree</c>, shared by FastTree and
/// LightGBM), with node covers: the number of background rows reaching each node and leaf, which
/// path-dependent TreeSHAP (Lundberg et al., Nature Machine Intelligence 2020, Algorithm 2) uses as the distribution of
/// the features not conditioned on.
/// <para>
/// Internal nodes are numbered 0 … <see cref="NodeCount"/> − 1, the root being node 0; leaves 0 … <see cref="LeafCount"/> − 1.
/// A child index c ≥ 0 is an internal node, c &lt; 0 the leaf ~c (that is, −c − 1). A row goes to the left child when its
/// value of the split feature, rounded to single precision, is ≤ the single-precision threshold, and to the right child
/// otherwise, NaN included: ML.NET's rule (<c>InternalRegressionTree.GetLeaf</c>) for trees without per-node defaults
/// for missing values. A tree with no internal node is the single leaf 0.
/// </para>
/// </summary>
public sealed class DecisionTree
{
    private readonly int[] _splitFeatures;
    private readonly float[] _thresholds;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValues;
    private readonly double[] _nodeCovers;
    private readonly double[] _leafCovers;

    /// <summary>A tree with the given structure and covers, checked for consistency.</summary>
    /// <param name="splitFeatures">Per internal node, the index (≥ 0) of the feature it splits on.</param>
    /// <param name="thresholds">Per internal node, the threshold: rows with a value ≤ it go left.</param>
    /// <param name="leftChild">Per internal node, the child for values ≤ the threshold (≥ 0: a node, &lt; 0: the leaf ~c).</param>
    /// <param name="rightChild">Per internal node, the child for values &gt; the threshold or NaN, encoded likewise.</param>
    /// <param name="leafValues">Per leaf, the tree's output there.</param>
    /// <param name="nodeCovers">Per internal node, the number (≥ 0) of background rows reaching it.</param>
    /// <param name="leafCovers">Per leaf, the number (≥ 0) of background rows reaching it.</param>
    /// <exception cref="ArgumentException">
    /// The per-node lists differ in length, there is not one more leaf than internal nodes, a child or feature index is
    /// out of range, a node is not reached exactly once from the root, a value is not finite, or a cover is negative or
    /// differs from the sum of its children's covers.
    /// </exception>
    public DecisionTree(IReadOnlyList<int> splitFeatures, IReadOnlyList<float> thresholds, IReadOnlyList<int> leftChild, IReadOnlyList<int> rightChild,
        IReadOnlyList<double> leafValues, IReadOnlyList<double> nodeCovers, IReadOnlyList<double> leafCovers)
    {
        _splitFeatures = [.. splitFeatures ?? throw new ArgumentNullException(nameof(splitFeatures))];
        _thresholds = [.. thresholds ?? throw new ArgumentNullException(nameof(thresholds))];
        _left = [.. leftChild ?? throw new ArgumentNullException(nameof(leftChild))];
        _right = [.. rightChild ?? throw new ArgumentNullException(nameof(rightChild))];
        _leafValues = [.. leafValues ?? throw new ArgumentNullException(nameof(leafValues))];
        _nodeCovers = [.. nodeCovers ?? throw new ArgumentNullException(nameof(nodeCovers))];
        _leafCovers = [.. leafCovers ?? throw new ArgumentNullException(nameof(leafCovers))];
        CheckStructure();
        CheckCovers();
        Depth = _splitFeatures.Length == 0 ? 0 : DepthBelow(0);
        FeatureCount = _splitFeatures.Length == 0 ? 0 : _splitFeatures.Max() + 1;
    }

    /// <summary>
    /// The tree with the given structure, its covers counted by routing <paramref name="coverRows"/> through it (the
    /// background rows, as the model sees them: its training rows after the pipeline's steps).
    /// </summary>
    /// <exception cref="ArgumentException">The structure is inconsistent (see the constructor), or a row is too short for a split feature.</exception>
    public static DecisionTree Covered(IReadOnlyList<int> splitFeatures, IReadOnlyList<float> thresholds, IReadOnlyList<int> leftChild, IReadOnlyList<int> rightChild,
        IReadOnlyList<double> leafValues, IReadOnlyList<double[]> coverRows)
    {
        ArgumentNullException.ThrowIfNull(coverRows);
        var uncovered = new DecisionTree(splitFeatures, thresholds, leftChild, rightChild, leafValues,
            new double[splitFeatures.Count], new double[leafValues.Count]);
        var nodeCovers = new double[uncovered.NodeCount];
        var leafCovers = new double[uncovered.LeafCount];
        for (var r = 0; r < coverRows.Count; r++)
        {
            var row = coverRows[r] ?? throw new ArgumentException($"cover row {r} is null", nameof(coverRows));
            if (row.Length < uncovered.FeatureCount)
            {
                throw new ArgumentException($"cover row {r} has {row.Length} values but the tree splits on feature {uncovered.FeatureCount - 1}", nameof(coverRows));
            }

            var node = uncovered.NodeCount == 0 ? ~0 : 0;
            while (node >= 0)
            {
                nodeCovers[node]++;
                node = uncovered.Child(node, row[uncovered._splitFeatures[node]]);
            }

            leafCovers[~node]++;
        }

        return new DecisionTree(splitFeatures, thresholds, leftChild, rightChild, leafValues, nodeCovers, leafCovers);
    }

    /// <summary>The number of internal (split) nodes.</summary>
    public int NodeCount => _splitFeatures.Length;

    /// <summary>The number of leaves, <see cref="NodeCount"/> + 1.</summary>
    public int LeafCount => _leafValues.Length;

    /// <summary>The number of internal nodes on the longest path from the root to a leaf (0 for a single leaf).</summary>
    public int Depth { get; }

    /// <summary>One more than the largest feature index split on (0 for a single leaf): the shortest row the tree can route.</summary>
    public int FeatureCount { get; }

    /// <summary>Per internal node, the feature it splits on.</summary>
    public IReadOnlyList<int> SplitFeatures => _splitFeatures;

    /// <summary>Per internal node, the single-precision threshold; values ≤ it go left.</summary>
    public IReadOnlyList<float> Thresholds => _thresholds;

    /// <summary>Per internal node, the left (≤) child: ≥ 0 a node, &lt; 0 the leaf ~c.</summary>
    public IReadOnlyList<int> LeftChild => _left;

    /// <summary>Per internal node, the right (&gt; or NaN) child: ≥ 0 a node, &lt; 0 the leaf ~c.</summary>
    public IReadOnlyList<int> RightChild => _right;

    /// <summary>Per leaf, the tree's output.</summary>
    public IReadOnlyList<double> LeafValues => _leafValues;

    /// <summary>Per internal node, the number of background rows reaching it.</summary>
    public IReadOnlyList<double> NodeCovers => _nodeCovers;

    /// <summary>Per leaf, the number of background rows reaching it.</summary>
    public IReadOnlyList<double> LeafCovers => _leafCovers;

    /// <summary>The number of background rows reaching the root: all of them.</summary>
    public double RootCover => NodeCount == 0 ? _leafCovers[0] : _nodeCovers[0];

    /// <summary>The leaf <paramref name="row"/> falls in, by ML.NET's routing rule.</summary>
    public int Leaf(double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var node = NodeCount == 0 ? ~0 : 0;
        while (node >= 0)
        {
            node = Child(node, row[_splitFeatures[node]]);
        }

        return ~node;
    }

    /// <summary>The tree's output for <paramref name="row"/>: the value of its leaf.</summary>
    public double Output(double[] row) => _leafValues[Leaf(row)];

    /// <summary>
    /// The cover-weighted mean of the leaf values, Σ cover(leaf) / cover(root) · value: the expected output over the
    /// background rows (Lundberg et al. 2020, the base value of path-dependent TreeSHAP).
    /// </summary>
    /// <exception cref="InvalidOperationException">No background row reaches the root.</exception>
    public double ExpectedOutput()
    {
        var root = RootCover;
        if (root <= 0)
        {
            throw new InvalidOperationException("the tree's covers are all zero: no background rows were routed through it, so its expected output is undefined");
        }

        return _leafValues.Select((v, i) => _leafCovers[i] / root * v).Sum();
    }

    /// <summary>The cover of child <paramref name="child"/> (encoded as in <see cref="LeftChild"/>).</summary>
    internal double Cover(int child) => child >= 0 ? _nodeCovers[child] : _leafCovers[~child];

    /// <summary>The child of internal node <paramref name="node"/> that a value <paramref name="value"/> of its split feature goes to.</summary>
    internal int Child(int node, double value) => (float)value <= _thresholds[node] ? _left[node] : _right[node];

    internal int[] SplitFeatureArray => _splitFeatures;

    internal int[] LeftArray => _left;

    internal int[] RightArray => _right;

    internal double[] LeafValueArray => _leafValues;

    internal double[] NodeCoverArray => _nodeCovers;

    private int DepthBelow(int child) => child < 0 ? 0 : 1 + Math.Max(DepthBelow(_left[child]), DepthBelow(_right[child]));

    private void CheckStructure()
    {
        var nodes = _splitFeatures.Length;
        Require(_thresholds.Length == nodes && _left.Length == nodes && _right.Length == nodes && _nodeCovers.Length == nodes,
            $"the per-node lists have {nodes} split features, {_thresholds.Length} thresholds, {_left.Length} left and {_right.Length} right children and {_nodeCovers.Length} covers");
        Require(_leafValues.Length == nodes + 1 && _leafCovers.Length == nodes + 1,
            $"{nodes} internal nodes need {nodes + 1} leaves, but there are {_leafValues.Length} leaf values and {_leafCovers.Length} leaf covers");
        var badFeature = Array.FindIndex(_splitFeatures, f => f < 0);
        Require(badFeature < 0, $"node {badFeature} splits on feature {(badFeature < 0 ? 0 : _splitFeatures[badFeature])}, which is negative");
        var badValue = Array.FindIndex(_leafValues, v => !double.IsFinite(v));
        Require(badValue < 0, $"leaf {badValue} has a value that is not finite");
        var badThreshold = Array.FindIndex(_thresholds, t => float.IsNaN(t));
        Require(badThreshold < 0, $"node {badThreshold} has a NaN threshold");
        var nodeSeen = new bool[nodes];
        var leafSeen = new bool[nodes + 1];
        if (nodes == 0)
        {
            return;
        }

        var stack = new Stack<int>([0]);
        nodeSeen[0] = true;
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var child in (int[])[_left[node], _right[node]])
            {
                Require(child >= -(nodes + 1) && child < nodes, $"node {node} has child {child}, outside −{nodes + 1} … {nodes - 1}");
                var seen = child >= 0 ? nodeSeen : leafSeen;
                var index = child >= 0 ? child : ~child;
                Require(!seen[index] && child != 0, $"node {node} has child {child}, which is already reached from the root: the nodes do not form a tree");
                seen[index] = true;
                if (child >= 0)
                {
                    stack.Push(child);
                }
            }
        }

        Require(nodeSeen.All(s => s) && leafSeen.All(s => s), "some nodes or leaves are not reached from the root");
    }

    private void CheckCovers()
    {
        var negative = _nodeCovers.Concat(_leafCovers).Any(c => !(c >= 0) || double.IsInfinity(c));
        Require(!negative, "a cover is negative or not finite");
        for (var node = 0; node < _splitFeatures.Length; node++)
        {
            var sum = Cover(_left[node]) + Cover(_right[node]);
            Require(Math.Abs(sum - _nodeCovers[node]) <= 1e-9 * Math.Max(1, _nodeCovers[node]),
                $"node {node} has cover {_nodeCovers[node]} but its children's covers sum to {sum}");
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"inconsistent decision tree: {problem}");
        }
    }
}
