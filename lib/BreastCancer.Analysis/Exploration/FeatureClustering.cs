namespace BreastCancer.Analysis.Exploration;

/// <summary>How the distance between two clusters is defined when they are merged.</summary>
public enum Linkage
{
    /// <summary>UPGMA: the mean distance between their members (Sokal &amp; Michener 1958).</summary>
    Average,

    /// <summary>Ward's minimum-variance criterion (Ward 1963), by the Lance–Williams update, as SciPy's <c>linkage(method="ward")</c>.</summary>
    Ward,
}

/// <summary>
/// Agglomerative hierarchical clustering of features by the distance 1 − |ρ| (features that say the same thing, up to
/// sign, are close): the merges in order, as SciPy's linkage matrix, the leaf order that draws the dendrogram without
/// crossings (the order for a clustered heatmap), and the clusters at a cut height.
/// </summary>
/// <param name="Features">The clustered features.</param>
/// <param name="Merges">Each merge: the two clusters joined (ids below n are features, n + i is merge i), its height and size.</param>
/// <param name="Method">The linkage used.</param>
public sealed record FeatureClustering(IReadOnlyList<string> Features, IReadOnlyList<Merge> Merges, Linkage Method)
{
    /// <summary>Clusters the features of a correlation matrix by 1 − |ρ|.</summary>
    public static FeatureClustering Of(CorrelationMatrix correlations, Linkage method)
    {
        ArgumentNullException.ThrowIfNull(correlations);
        var n = correlations.Features.Count;
        var distance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distance[i, j] = i == j ? 0 : 1 - Math.Abs(correlations.Values[i][j]);
            }
        }

        return new FeatureClustering(correlations.Features, Agglomerate(distance, method), method);
    }

    /// <summary>The features in dendrogram leaf order (indices into <see cref="Features"/>), left to right.</summary>
    public IReadOnlyList<int> LeafOrder
    {
        get
        {
            var n = Features.Count;
            var order = new List<int>();
            var stack = new Stack<int>();
            stack.Push(n + Merges.Count - 1);
            while (stack.TryPop(out var node))
            {
                if (node < n)
                {
                    order.Add(node);
                    continue;
                }

                var merge = Merges[node - n];
                stack.Push(merge.Right);
                stack.Push(merge.Left);
            }

            return order;
        }
    }

    /// <summary>
    /// The clusters left when the dendrogram is cut at <paramref name="height"/> (merges above it undone), as SciPy's
    /// <c>fcluster(criterion="distance")</c>: each a list of feature names, listed in leaf order.
    /// </summary>
    public FeatureClusters ClustersAt(double height)
    {
        var n = Features.Count;
        var parent = Enumerable.Range(0, n + Merges.Count).ToArray();
        for (var i = 0; i < Merges.Count; i++)
        {
            if (Merges[i].Height <= height)
            {
                parent[Merges[i].Left] = n + i;
                parent[Merges[i].Right] = n + i;
            }
        }

        int Root(int node) => parent[node] == node ? node : Root(parent[node]);
        var groups = LeafOrder.GroupBy(Root).Select(g => (IReadOnlyList<string>)[.. g.Select(f => Features[f])]).ToList();
        return new FeatureClusters(height, Method, groups);
    }

    private static List<Merge> Agglomerate(double[,] distance, Linkage method)
    {
        var n = distance.GetLength(0);
        var active = Enumerable.Range(0, n).ToDictionary(i => i, i => (Size: 1, Row: i));
        var d = new double[2 * n - 1, 2 * n - 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[i, j] = distance[i, j];
            }
        }

        var merges = new List<Merge>();
        for (var step = 0; step < n - 1; step++)
        {
            var ids = active.Keys.Order().ToList();
            var (a, b, best) = (-1, -1, double.PositiveInfinity);
            for (var x = 0; x < ids.Count; x++)
            {
                for (var y = x + 1; y < ids.Count; y++)
                {
                    if (d[ids[x], ids[y]] < best)
                    {
                        (a, b, best) = (ids[x], ids[y], d[ids[x], ids[y]]);
                    }
                }
            }

            var id = n + step;
            var (sa, sb) = (active[a].Size, active[b].Size);
            foreach (var k in ids.Where(k => k != a && k != b))
            {
                var sk = active[k].Size;
                var value = method == Linkage.Average
                    ? (sa * d[a, k] + sb * d[b, k]) / (sa + sb)
                    : Math.Sqrt(((sa + sk) * d[a, k] * d[a, k] + (sb + sk) * d[b, k] * d[b, k] - sk * best * best) / (sa + sb + sk));
                d[id, k] = d[k, id] = value;
            }

            active.Remove(a);
            active.Remove(b);
            active[id] = (sa + sb, id);
            merges.Add(new Merge(a, b, best, sa + sb));
        }

        return merges;
    }
}

/// <summary>One merge of a dendrogram.</summary>
/// <param name="Left">The first cluster joined (the smaller id).</param>
/// <param name="Right">The second cluster joined.</param>
/// <param name="Height">The distance at which they were joined.</param>
/// <param name="Size">The number of features in the new cluster.</param>
public sealed record Merge(int Left, int Right, double Height, int Size);

/// <summary>Features grouped into clusters by cutting a dendrogram.</summary>
/// <param name="Height">The cut height: features closer than this (1 − |ρ|) through the linkage share a cluster.</param>
/// <param name="Method">The linkage used.</param>
/// <param name="Clusters">The clusters, each a list of features, in leaf order.</param>
public sealed record FeatureClusters(double Height, Linkage Method, IReadOnlyList<IReadOnlyList<string>> Clusters);
