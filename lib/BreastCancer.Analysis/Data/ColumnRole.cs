namespace BreastCancer.Analysis.Data;

/// <summary>What one column of a file holds, once its header (or layout) is recognised.</summary>
/// <param name="Position">0-based position in the record.</param>
/// <param name="Header">The column's header as written, or its 1-based position for a file without a header.</param>
/// <param name="Kind">Id, label, feature, or an empty column ignored.</param>
/// <param name="Feature">For a feature, its index in the catalogue order of the data set; else -1.</param>
internal sealed record ColumnRole(int Position, string Header, ColumnKind Kind, int Feature = -1);

/// <summary>The kinds of column.</summary>
internal enum ColumnKind
{
    Id,
    Label,
    Feature,
    Ignored,
}
