using BreastCancer.Analysis.Data;

namespace BreastCancer.Web.Batch;

/// <summary>
/// Where an input file's header puts each of the model's features (matched as <see cref="FeatureCatalog.FindFeature"/>
/// matches names: ignoring case, spaces and punctuation) and which columns are copied to the output unchanged: every
/// column that is not one of the model's features, in file order.
/// </summary>
/// <param name="FieldCount">The number of columns in the header.</param>
/// <param name="FeatureColumns">For each model feature, in the model's order, the column that holds it.</param>
/// <param name="PassThrough">The columns copied to the output, in file order.</param>
/// <param name="PassThroughNames">Their header names.</param>
public sealed record InputLayout(int FieldCount, IReadOnlyList<int> FeatureColumns, IReadOnlyList<int> PassThrough, IReadOnlyList<string> PassThroughNames)
{
    /// <summary>The layout of <paramref name="header"/> for a model reading <paramref name="features"/>, or null with every problem (missing or duplicated features, a column named as one the output adds) in <paramref name="problems"/>.</summary>
    public static InputLayout? FromHeader(IReadOnlyList<string> header, IReadOnlyList<string> features, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(features);
        var found = new List<string>();
        var columns = new int[features.Count];
        Array.Fill(columns, -1);
        var passThrough = new List<int>();
        for (var c = 0; c < header.Count; c++)
        {
            var feature = FeatureCatalog.FindFeature(header[c]) is { Kind: DataSetKind.Wdbc } match ? IndexOf(features, match.Feature) : -1;
            if (feature < 0)
            {
                passThrough.Add(c);
            }
            else if (columns[feature] >= 0)
            {
                found.Add($"duplicate column: '{header[columns[feature]]}' (column {columns[feature] + 1}) and '{header[c]}' (column {c + 1}) both name {features[feature]}");
            }
            else
            {
                columns[feature] = c;
            }
        }

        foreach (var c in passThrough.Where(c => ScoredRow.Columns.Contains(header[c].Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            found.Add($"column {c + 1} is named '{header[c]}', which the output adds itself: rename it");
        }

        var missing = features.Where((_, f) => columns[f] < 0).ToList();
        if (missing.Count > 0)
        {
            found.Add($"missing feature column{(missing.Count == 1 ? "" : "s")} ({missing.Count} of {features.Count}): {string.Join(", ", missing)}");
        }

        problems = found;
        return found.Count > 0 ? null : new InputLayout(header.Count, columns, passThrough, [.. passThrough.Select(c => header[c])]);
    }

    private static int IndexOf(IReadOnlyList<string> features, string feature)
    {
        for (var f = 0; f < features.Count; f++)
        {
            if (features[f] == feature)
            {
                return f;
            }
        }

        return -1;
    }
}
