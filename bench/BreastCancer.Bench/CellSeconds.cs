namespace BreastCancer.Bench;

/// <summary>
/// One code cell's seconds over several runs of the study, matched by notebook and cell id (a cell moved within its
/// notebook stays the same cell); its number and first line are those of the last run it appears in.
/// </summary>
internal sealed record CellSeconds(string Notebook, int Cell, string Id, string FirstLine, Spread Seconds)
{
    /// <summary>Each cell's spread over the <paramref name="runs"/> it ran in, notebooks in name order, cells in document order.</summary>
    public static IReadOnlyList<CellSeconds> Of(IEnumerable<IReadOnlyList<StudyCell>> runs) =>
    [
        .. runs.SelectMany(run => run).GroupBy(c => (c.Notebook, c.Id))
            .Select(g => new CellSeconds(g.Key.Notebook, g.Last().Cell, g.Key.Id, g.Last().FirstLine, Spread.Of(g.Select(c => c.Seconds))))
            .OrderBy(c => c.Notebook, StringComparer.Ordinal).ThenBy(c => c.Cell),
    ];

    /// <summary>The cells whose median is over <see cref="StudyComparison.CellTargetSeconds"/>, in document order.</summary>
    public static IReadOnlyList<CellSeconds> OverTarget(IEnumerable<CellSeconds> cells) => [.. cells.Where(c => c.Seconds.Median > StudyComparison.CellTargetSeconds)];
}
