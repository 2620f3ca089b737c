namespace BreastCancer.Analysis.Data;

/// <summary>Where a data set's values are missing: counts per feature and the patterns of missingness over rows.</summary>
/// <param name="Rows">Rows in the data set.</param>
/// <param name="IncompleteRows">Rows with at least one missing cell.</param>
/// <param name="MissingCells">Missing cells in all.</param>
/// <param name="ByFeature">Missing cells per feature, features with none included, in catalogue order.</param>
/// <param name="Patterns">Each distinct set of missing features with the number of rows that have it, most common first.</param>
/// <param name="IncompleteByClass">Incomplete rows per class (M, B): whether missingness depends on the diagnosis.</param>
public sealed record MissingValueSummary(
    int Rows, int IncompleteRows, int MissingCells, IReadOnlyList<FeatureMissing> ByFeature, IReadOnlyList<MissingPattern> Patterns,
    IReadOnlyDictionary<string, int> IncompleteByClass)
{
    /// <summary>The summary of <paramref name="data"/>.</summary>
    public static MissingValueSummary Of(BreastCancerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var byFeature = data.FeatureNames.Select((name, f) => new FeatureMissing(name, Enumerable.Range(0, data.RowCount).Count(r => double.IsNaN(data[r, f])))).ToList();
        var patterns = Enumerable.Range(0, data.RowCount)
            .Select(r => string.Join(", ", data.FeatureNames.Where((_, f) => double.IsNaN(data[r, f]))))
            .Where(p => p.Length > 0)
            .GroupBy(p => p, StringComparer.Ordinal)
            .Select(g => new MissingPattern(g.Key.Split(", "), g.Count()))
            .OrderByDescending(p => p.Rows)
            .ToList();
        var incomplete = Enumerable.Range(0, data.RowCount).Where(data.HasMissing).ToList();
        return new MissingValueSummary(data.RowCount, incomplete.Count, byFeature.Sum(f => f.Missing), byFeature, patterns,
            new Dictionary<string, int>
            {
                ["M"] = incomplete.Count(r => data.IsMalignant[r]),
                ["B"] = incomplete.Count(r => !data.IsMalignant[r]),
            });
    }
}

/// <summary>Missing cells of one feature.</summary>
/// <param name="Feature">The canonical feature name.</param>
/// <param name="Missing">How many rows miss it.</param>
public sealed record FeatureMissing(string Feature, int Missing);

/// <summary>A set of features missing together, and how many rows miss exactly that set.</summary>
/// <param name="Features">The missing features.</param>
/// <param name="Rows">Rows with exactly this pattern.</param>
public sealed record MissingPattern(IReadOnlyList<string> Features, int Rows);
