using Microsoft.Data.Analysis;

namespace BreastCancer.Analysis.Data;

/// <summary>The shape and class balance of a labelled data set.</summary>
/// <param name="Name">The data set's name, e.g. <c>wdbc.csv</c>.</param>
/// <param name="Rows">Number of rows (samples).</param>
/// <param name="Features">Number of columns other than the label and the id.</param>
/// <param name="ClassCounts">Rows per label value, largest first.</param>
public sealed record DatasetOverview(string Name, long Rows, int Features, IReadOnlyList<ClassCount> ClassCounts)
{
    /// <summary>The overview of a loaded data set, named after its file.</summary>
    public static DatasetOverview Of(BreastCancerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Of(Path.GetFileName(data.Source), data.ToDataFrame(), data.Kind == DataSetKind.Wdbc ? "diagnosis" : "class");
    }

    /// <summary>
    /// The overview of <paramref name="frame"/>, whose labels are in <paramref name="labelColumn"/>; a column named
    /// <paramref name="idColumn"/>, if present, is not counted as a feature. Rows with no label are counted as "(missing)".
    /// </summary>
    public static DatasetOverview Of(string name, DataFrame frame, string labelColumn, string idColumn = "id")
    {
        ArgumentNullException.ThrowIfNull(frame);
        var labels = frame.Columns.IndexOf(labelColumn) is var index and >= 0
            ? frame.Columns[index]
            : throw new ArgumentException($"{name} has no column '{labelColumn}' (columns: {string.Join(", ", frame.Columns.Select(c => c.Name))})", nameof(labelColumn));
        var counts = Enumerable.Range(0, (int)frame.Rows.Count)
            .Select(row => labels[row]?.ToString() ?? "(missing)")
            .GroupBy(label => label, StringComparer.Ordinal)
            .Select(group => new ClassCount(group.Key, group.Count(), (double)group.Count() / frame.Rows.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToList();
        var features = frame.Columns.Count(c => c.Name != labelColumn && c.Name != idColumn);
        return new DatasetOverview(name, frame.Rows.Count, features, counts);
    }
}

/// <summary>How many rows carry one label.</summary>
/// <param name="Label">The label value, e.g. <c>M</c> or <c>B</c>.</param>
/// <param name="Count">Rows with that label.</param>
/// <param name="Fraction">Count divided by all rows, 0–1.</param>
public sealed record ClassCount(string Label, int Count, double Fraction);
