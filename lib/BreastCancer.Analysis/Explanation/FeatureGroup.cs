using BreastCancer.Analysis.Exploration;

namespace BreastCancer.Analysis.Explanation;

/// <summary>Features permuted together in a permutation importance: one feature, or a cluster of correlated ones.</summary>
/// <param name="Name">The name tables and charts show.</param>
/// <param name="Features">The indices of the features in the rows.</param>
public sealed record FeatureGroup(string Name, IReadOnlyList<int> Features)
{
    /// <summary>One group per feature.</summary>
    public static IReadOnlyList<FeatureGroup> Singles(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        return [.. featureNames.Select((name, i) => new FeatureGroup(name, [i]))];
    }

    /// <summary>
    /// One group per cluster of <paramref name="clusters"/> (notebook 03's clusters of correlated features), named by its
    /// features (the first two and a count when there are more than three).
    /// </summary>
    /// <exception cref="ArgumentException">A clustered feature is not among <paramref name="featureNames"/>.</exception>
    public static IReadOnlyList<FeatureGroup> Clusters(FeatureClusters clusters, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(featureNames);
        return [.. clusters.Clusters.Select(cluster => new FeatureGroup(
            cluster.Count <= 3 ? string.Join(" + ", cluster) : $"{cluster[0]} + {cluster[1]} + {cluster.Count - 2} more",
            [.. cluster.Select(name => IndexOf(name, featureNames))]))];
    }

    private static int IndexOf(string name, IReadOnlyList<string> featureNames)
    {
        for (var i = 0; i < featureNames.Count; i++)
        {
            if (featureNames[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"the clustered feature '{name}' is not one of the {featureNames.Count} features", nameof(featureNames));
    }
}
