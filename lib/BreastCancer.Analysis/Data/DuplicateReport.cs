namespace BreastCancer.Analysis.Data;

/// <summary>
/// Rows that repeat: exact copies of an earlier row (every feature, the label and the id equal) and ids that occur
/// more than once (one patient sampled several times). Both matter for honest evaluation: a patient's rows must stay
/// in one fold, or the model is tested on a patient it was trained on.
/// </summary>
/// <param name="Rows">Rows in the data set.</param>
/// <param name="ExactCopies">Each group of rows identical in every field (features, label, id), by source line; groups of two or more.</param>
/// <param name="RepeatedIds">Each id that occurs more than once, with the source lines of its rows.</param>
/// <param name="ConflictingIds">Repeated ids whose rows carry both diagnoses.</param>
public sealed record DuplicateReport(int Rows, IReadOnlyList<IReadOnlyList<int>> ExactCopies, IReadOnlyList<RepeatedId> RepeatedIds, IReadOnlyList<string> ConflictingIds)
{
    /// <summary>Rows that repeat an earlier row's id: rows with an id minus distinct ids among them.</summary>
    public int RowsRepeatingAnId => RepeatedIds.Sum(r => r.Lines.Count - 1);

    /// <summary>Rows that are exact copies of an earlier row.</summary>
    public int RowsCopyingAnother => ExactCopies.Sum(g => g.Count - 1);

    /// <summary>The report for <paramref name="data"/>; a data set without ids has no repeated ids.</summary>
    public static DuplicateReport Of(BreastCancerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = Enumerable.Range(0, data.RowCount).ToList();
        var copies = rows
            .GroupBy(r => string.Join('|', data.Row(r).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
                          + $"|{data.IsMalignant[r]}|{data.Ids?[r]}", StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<int>)[.. g.Select(r => data.SourceLines[r])])
            .ToList();
        var repeated = data.Ids is null ? [] : rows
            .Where(r => data.Ids[r] is not null)
            .GroupBy(r => data.Ids[r]!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new RepeatedId(g.Key, [.. g.Select(r => data.SourceLines[r])], g.Count(r => data.IsMalignant[r]), g.Count(r => !data.IsMalignant[r])))
            .ToList();
        return new DuplicateReport(data.RowCount, copies, repeated, [.. repeated.Where(r => r.Malignant > 0 && r.Benign > 0).Select(r => r.Id)]);
    }
}

/// <summary>An id that occurs on several rows.</summary>
/// <param name="Id">The id.</param>
/// <param name="Lines">The source lines of its rows.</param>
/// <param name="Malignant">How many of its rows are malignant.</param>
/// <param name="Benign">How many of its rows are benign.</param>
public sealed record RepeatedId(string Id, IReadOnlyList<int> Lines, int Malignant, int Benign);
