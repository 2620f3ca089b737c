using System.Runtime.CompilerServices;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// One classification tree of a <see cref="BreimanForest"/>: binary splits on one feature each, chosen by Gini impurity
/// (CART: Breiman, Friedman, Olshen &amp; Stone 1984) and grown best first, the open node whose best split lowers the
/// weighted impurity most being split next until the tree has its most leaves (scikit-learn's
/// <c>BestFirstTreeBuilder</c>, used when <c>max_leaf_nodes</c> is set). Each leaf's value is the weighted share of
/// malignant training rows reaching it.
/// <para>
/// Internal nodes are numbered 0 … <see cref="NodeCount"/> − 1, the root being node 0; leaves 0 … <see cref="LeafCount"/>
/// − 1; a child index c ≥ 0 is an internal node, c &lt; 0 the leaf ~c. A row goes to the left child when its value of
/// the split feature, rounded to single precision, is ≤ the single-precision threshold, and to the right otherwise (NaN
/// included): the rule of ML.NET's trees, so that the tree carries over exactly to TreeSHAP's trees. Thresholds lie
/// halfway between two consecutive distinct training values, as scikit-learn's do.
/// </para>
/// </summary>
public sealed class ClassificationTree
{
    private readonly int[] _splitFeatures;
    private readonly float[] _thresholds;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValues;

    private ClassificationTree(int[] splitFeatures, float[] thresholds, int[] left, int[] right, double[] nodeWeights, double[] leafValues, double[] leafWeights)
    {
        (_splitFeatures, _thresholds, _left, _right, _leafValues) = (splitFeatures, thresholds, left, right, leafValues);
        (NodeWeights, LeafWeights) = (nodeWeights, leafWeights);
    }

    /// <summary>The internal nodes.</summary>
    public int NodeCount => _splitFeatures.Length;

    /// <summary>The leaves: one more than the internal nodes.</summary>
    public int LeafCount => _leafValues.Length;

    /// <summary>Per internal node, the index of the feature it splits on.</summary>
    public IReadOnlyList<int> SplitFeatures => _splitFeatures;

    /// <summary>Per internal node, the threshold: rows whose value (in single precision) is ≤ it go left.</summary>
    public IReadOnlyList<float> Thresholds => _thresholds;

    /// <summary>Per internal node, the child for values ≤ the threshold (≥ 0: a node, &lt; 0: the leaf ~c).</summary>
    public IReadOnlyList<int> LeftChild => _left;

    /// <summary>Per internal node, the child for values &gt; the threshold or NaN, encoded likewise.</summary>
    public IReadOnlyList<int> RightChild => _right;

    /// <summary>Per leaf, the probability of malignancy: the weighted share of malignant training rows in the leaf, 0–1.</summary>
    public IReadOnlyList<double> LeafValues => _leafValues;

    /// <summary>Per internal node, the weight of the training rows reaching it (with a bootstrap, the number of draws).</summary>
    public IReadOnlyList<double> NodeWeights { get; }

    /// <summary>Per leaf, the weight of the training rows reaching it.</summary>
    public IReadOnlyList<double> LeafWeights { get; }

    /// <summary>The probability of malignancy of <paramref name="row"/>: the value of the leaf it reaches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Predict(IReadOnlyList<double> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var node = _splitFeatures.Length == 0 ? ~0 : 0;
        while (node >= 0)
        {
            node = (float)row[_splitFeatures[node]] <= _thresholds[node] ? _left[node] : _right[node];
        }

        return _leafValues[~node];
    }

    /// <summary>
    /// The weighted Gini impurity removed by the splits on each of <paramref name="featureCount"/> features: the sum over
    /// the nodes splitting on it of W·G − W_L·G_L − W_R·G_R, with W a node's weight and G = 2pq its Gini impurity (p, q
    /// the weighted shares of malignant and benign rows, from its leaves). Breiman's mean decrease in impurity before
    /// normalisation; divided by the root's weight it is scikit-learn's <c>compute_feature_importances(normalize=False)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A node splits on a feature ≥ <paramref name="featureCount"/>.</exception>
    public double[] ImpurityDecrease(int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, _splitFeatures.Length == 0 ? 0 : _splitFeatures.Max() + 1);
        var decrease = new double[featureCount];
        if (_splitFeatures.Length > 0)
        {
            Weighed(0, decrease);
        }

        return decrease;
    }

    /// <summary>The weight and malignant weight under <paramref name="child"/>, adding each node's impurity decrease on the way.</summary>
    private (double Total, double Malignant) Weighed(int child, double[] decrease)
    {
        if (child < 0)
        {
            return (LeafWeights[~child], LeafWeights[~child] * _leafValues[~child]);
        }

        var (left, right) = (Weighed(_left[child], decrease), Weighed(_right[child], decrease));
        var node = (Total: left.Total + right.Total, Malignant: left.Malignant + right.Malignant);
        decrease[_splitFeatures[child]] += Impurity(node) - Impurity(left) - Impurity(right);
        return node;
    }

    /// <summary>W·G = 2·P·(W − P)/W of a node of weight W, P of it malignant.</summary>
    private static double Impurity((double Total, double Malignant) node) => 2 * node.Malignant * (node.Total - node.Malignant) / node.Total;

    /// <summary>
    /// A tree read back from its nodes (a model file's), as <see cref="SplitFeatures"/>, <see cref="Thresholds"/>,
    /// <see cref="LeftChild"/>, <see cref="RightChild"/>, <see cref="NodeWeights"/>, <see cref="LeafValues"/> and
    /// <see cref="LeafWeights"/> give them.
    /// </summary>
    /// <exception cref="ArgumentException">The nodes do not form a tree (<see cref="Problem"/>).</exception>
    public static ClassificationTree FromNodes(IReadOnlyList<int> splitFeatures, IReadOnlyList<float> thresholds, IReadOnlyList<int> leftChild, IReadOnlyList<int> rightChild,
        IReadOnlyList<double> nodeWeights, IReadOnlyList<double> leafValues, IReadOnlyList<double> leafWeights)
    {
        if (Problem(splitFeatures, thresholds, leftChild, rightChild, nodeWeights, leafValues, leafWeights) is { } problem)
        {
            throw new ArgumentException($"not a classification tree: {problem}");
        }

        return new ClassificationTree([.. splitFeatures], [.. thresholds], [.. leftChild], [.. rightChild], [.. nodeWeights], [.. leafValues], [.. leafWeights]);
    }

    /// <summary>
    /// Why the nodes do not form a tree, or null when they do: every per-node list has one entry per internal node and
    /// every per-leaf list one more, feature indices are not negative, thresholds are not NaN, leaf values lie in 0–1,
    /// and every node and leaf is reached exactly once from the root.
    /// </summary>
    public static string? Problem(IReadOnlyList<int> splitFeatures, IReadOnlyList<float> thresholds, IReadOnlyList<int> leftChild, IReadOnlyList<int> rightChild,
        IReadOnlyList<double> nodeWeights, IReadOnlyList<double> leafValues, IReadOnlyList<double> leafWeights)
    {
        ArgumentNullException.ThrowIfNull(splitFeatures);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(leftChild);
        ArgumentNullException.ThrowIfNull(rightChild);
        ArgumentNullException.ThrowIfNull(nodeWeights);
        ArgumentNullException.ThrowIfNull(leafValues);
        ArgumentNullException.ThrowIfNull(leafWeights);
        var nodes = splitFeatures.Count;
        if (thresholds.Count != nodes || leftChild.Count != nodes || rightChild.Count != nodes || nodeWeights.Count != nodes
            || leafValues.Count != nodes + 1 || leafWeights.Count != nodes + 1)
        {
            return $"{nodes} internal nodes need as many thresholds, children and weights and {nodes + 1} leaf values and weights";
        }

        if (splitFeatures.Any(f => f < 0) || thresholds.Any(float.IsNaN) || leafValues.Any(v => !(v is >= 0 and <= 1)))
        {
            return "a feature index is negative, a threshold is NaN or a leaf value lies outside 0–1";
        }

        var (nodeSeen, leafSeen) = (new bool[nodes], new bool[nodes + 1]);
        var stack = new Stack<int>([nodes == 0 ? ~0 : 0]);
        while (stack.Count > 0)
        {
            var child = stack.Pop();
            var (seen, index) = child >= 0 ? (nodeSeen, child) : (leafSeen, ~child);
            if (index >= seen.Length || seen[index])
            {
                return $"child {child} lies outside the tree or is reached twice";
            }

            seen[index] = true;
            if (child >= 0)
            {
                stack.Push(leftChild[child]);
                stack.Push(rightChild[child]);
            }
        }

        return nodeSeen.All(s => s) && leafSeen.All(s => s) ? null : "some nodes or leaves are not reached from the root";
    }

    /// <summary>
    /// Grows a tree on the rows of <paramref name="columns"/> (one array per feature, single precision) with a
    /// positive <paramref name="weights"/> entry, labelled by <paramref name="malignant"/>, drawing each split's features
    /// from <paramref name="random"/>. <paramref name="ascending"/> is <see cref="AscendingRows"/> of the columns.
    /// </summary>
    internal static ClassificationTree Grow(float[][] columns, int[][] ascending, bool[] malignant, int[] weights, ForestSettings settings, Random random)
    {
        var grower = new Grower(columns, ascending, malignant, weights, settings, random);
        return grower.Grow();
    }

    /// <summary>For each feature, every row's index ordered by the feature's value, lowest first: sorted once for all trees of a forest.</summary>
    internal static int[][] AscendingRows(float[][] columns) => [.. columns.Select(column =>
    {
        var rows = Enumerable.Range(0, column.Length).ToArray();
        Array.Sort(column.ToArray(), rows);
        return rows;
    })];

    /// <summary>The best split of an open node: its feature and threshold, and the weighted Gini impurity it removes.</summary>
    private sealed record Split(int Feature, float Threshold, double Decrease);

    /// <summary>A node not yet split: its rows (distinct, weight &gt; 0), their weights, its best split if any, and where it hangs.</summary>
    private sealed record Open(int[] Rows, double Malignant, double Total, Split? Best, int Parent, bool IsLeft);

    /// <summary>
    /// Grows one tree. A node's rows are put in order of each feature drawn for it in one of two ways, whichever costs
    /// less: a large node's by keeping, from every row in the feature's order (<see cref="AscendingRows"/>), those that
    /// belong to the node (O(rows); a row the bootstrap left out belongs to no node); a small node's by sorting them
    /// (O(n log n)). Rows of equal value may come in either order, which changes nothing:
    /// splits are only tried between distinct values and the weights summed are whole numbers.
    /// </summary>
    private sealed class Grower(float[][] columns, int[][] ascending, bool[] malignant, int[] weights, ForestSettings settings, Random random)
    {
        private readonly int _featuresPerSplit = settings.FeaturesPerSplit(columns.Length);
        private readonly int[] _featureOrder = [.. Enumerable.Range(0, columns.Length)];
        private readonly ulong[] _keys = new ulong[malignant.Length];
        private readonly int[] _sorted = new int[malignant.Length];
        private readonly int[] _nodeOf = new int[malignant.Length];
        private int _nodes;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ClassificationTree Grow()
        {
            var (features, thresholds, left, right, nodeWeights) = (new List<int>(), new List<float>(), new List<int>(), new List<int>(), new List<double>());
            var open = new List<Open> { Opened([.. Enumerable.Range(0, malignant.Length).Where(r => weights[r] > 0)], parent: -1, isLeft: false) };
            while (open.Count < settings.MaxLeaves)
            {
                var next = -1;
                for (var i = 0; i < open.Count; i++)
                {
                    if (open[i].Best is { } split && (next < 0 || split.Decrease > open[next].Best!.Decrease))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                var node = open[next];
                open.RemoveAt(next);
                var index = features.Count;
                var best = node.Best!;
                features.Add(best.Feature);
                thresholds.Add(best.Threshold);
                nodeWeights.Add(node.Total);
                left.Add(0);
                right.Add(0);
                Link(left, right, node, index);
                var column = columns[best.Feature];
                open.Add(Opened([.. node.Rows.Where(r => column[r] <= best.Threshold)], index, isLeft: true));
                open.Add(Opened([.. node.Rows.Where(r => !(column[r] <= best.Threshold))], index, isLeft: false));
            }

            var (leafValues, leafWeights) = (new double[open.Count], new double[open.Count]);
            for (var leaf = 0; leaf < open.Count; leaf++)
            {
                (leafValues[leaf], leafWeights[leaf]) = (open[leaf].Malignant / open[leaf].Total, open[leaf].Total);
                Link(left, right, open[leaf], ~leaf);
            }

            return new ClassificationTree([.. features], [.. thresholds], [.. left], [.. right], [.. nodeWeights], leafValues, leafWeights);
        }

        private static void Link(List<int> left, List<int> right, Open node, int child)
        {
            if (node.Parent >= 0)
            {
                (node.IsLeft ? left : right)[node.Parent] = child;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Open Opened(int[] rows, int parent, bool isLeft)
        {
            var (positive, total) = (0.0, 0.0);
            foreach (var r in rows)
            {
                total += weights[r];
                positive += malignant[r] ? weights[r] : 0;
            }

            var node = ++_nodes;
            foreach (var r in rows)
            {
                _nodeOf[r] = node;
            }

            var splittable = rows.Length >= 2 * settings.MinLeafRows && positive > 0 && positive < total;
            return new Open(rows, positive, total, splittable ? BestSplit(rows, node, positive, total) : null, parent, isLeft);
        }

        /// <summary>
        /// The split of <paramref name="rows"/> with the largest decrease of weighted Gini impurity among
        /// <see cref="ForestSettings.FeaturesPerSplit"/> features drawn without replacement (features constant on the
        /// rows are passed over without counting, as scikit-learn does), or null when no split leaves
        /// <see cref="ForestSettings.MinLeafRows"/> rows on each side.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Split? BestSplit(int[] rows, int node, double positive, double total)
        {
            var n = rows.Length;
            var sorted = _sorted.AsSpan(0, n);
            var (bestScore, bestFeature, bestThreshold) = (double.NegativeInfinity, -1, 0f);
            var visited = 0;
            for (var j = 0; j < _featureOrder.Length && visited < _featuresPerSplit; j++)
            {
                var pick = j + random.Next(_featureOrder.Length - j);
                (_featureOrder[j], _featureOrder[pick]) = (_featureOrder[pick], _featureOrder[j]);
                var column = columns[_featureOrder[j]];
                Order(rows, node, _featureOrder[j], sorted);
                if (column[sorted[0]] == column[sorted[n - 1]])
                {
                    continue;
                }

                visited++;
                var (leftPositive, leftTotal) = (0.0, 0.0);
                var row = sorted[0];
                for (var i = 0; i < n - 1; i++)
                {
                    var next = sorted[i + 1];
                    leftTotal += weights[row];
                    leftPositive += malignant[row] ? weights[row] : 0;
                    var (value, nextValue) = (column[row], column[next]);
                    row = next;
                    if (value == nextValue || i + 1 < settings.MinLeafRows || n - i - 1 < settings.MinLeafRows)
                    {
                        continue;
                    }

                    var (rightPositive, rightTotal) = (positive - leftPositive, total - leftTotal);
                    var score = Purity(leftPositive, leftTotal) + Purity(rightPositive, rightTotal);
                    if (score > bestScore)
                    {
                        (bestScore, bestFeature, bestThreshold) = (score, _featureOrder[j], Halfway(value, nextValue));
                    }
                }
            }

            return bestFeature < 0 ? null : new Split(bestFeature, bestThreshold, bestScore - Purity(positive, total));
        }

        /// <summary>Writes the node's rows to <paramref name="sorted"/> in order of <paramref name="feature"/>'s value, lowest first.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Order(int[] rows, int node, int feature, Span<int> sorted)
        {
            var n = rows.Length;
            if (n * 8 >= malignant.Length)
            {
                var k = 0;
                foreach (var r in ascending[feature])
                {
                    if (_nodeOf[r] == node)
                    {
                        sorted[k++] = r;
                    }
                }

                return;
            }

            var keys = _keys.AsSpan(0, n);
            var column = columns[feature];
            for (var i = 0; i < n; i++)
            {
                keys[i] = ((ulong)Ordered(column[rows[i]]) << 32) | (uint)rows[i];
            }

            keys.Sort();
            for (var i = 0; i < n; i++)
            {
                sorted[i] = (int)(uint)keys[i];
            }
        }

        /// <summary>
        /// The bits of <paramref name="value"/> as an unsigned integer that orders as the floats do (the sign bit flipped
        /// for positives, every bit for negatives), so that a row's value and index sort as one 64-bit key.
        /// </summary>
        private static uint Ordered(float value)
        {
            var bits = BitConverter.SingleToUInt32Bits(value);
            return (bits & 0x8000_0000) != 0 ? ~bits : bits | 0x8000_0000;
        }

        /// <summary>(P² + N²) / W of a node with weight W of which P malignant: W minus its weighted Gini impurity W·(1 − (P/W)² − (N/W)²).</summary>
        private static double Purity(double positive, double total) => (positive * positive + (total - positive) * (total - positive)) / total;

        /// <summary>The single-precision threshold halfway between <paramref name="low"/> &lt; <paramref name="high"/>, kept below <paramref name="high"/> when rounding would reach it.</summary>
        private static float Halfway(float low, float high)
        {
            var middle = (float)(((double)low + high) / 2);
            return middle < high ? middle : low;
        }
    }
}
