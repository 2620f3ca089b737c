using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>The result of running one notebook.</summary>
/// <param name="Document">The notebook as read.</param>
/// <param name="Cells">The executed code cells by their index in <see cref="NotebookDocument.Cells"/> (0-based); cells after a failure are absent.</param>
/// <param name="Error">Where the notebook stopped, or null when every cell ran.</param>
/// <param name="Duration">Wall-clock time of the whole notebook.</param>
public sealed record NotebookRun(NotebookDocument Document, IReadOnlyDictionary<int, ExecutedCell> Cells, CellError? Error, TimeSpan Duration)
{
    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The <paramref name="count"/> executed code cells that took longest, slowest first (document order among equal times).</summary>
    public IReadOnlyList<(NotebookCell Cell, ExecutedCell Executed)> SlowestCells(int count) =>
        [.. Cells.OrderByDescending(c => c.Value.Duration).ThenBy(c => c.Key).Take(count).Select(c => (Document.Cells[c.Key], c.Value))];

    /// <summary>The same run with its cells' outputs dropped (timings and errors kept): what the runner needs back from a notebook's kernel process, which writes the notebook's own files.</summary>
    public NotebookRun WithoutOutputs() =>
        this with { Cells = Cells.ToDictionary(c => c.Key, c => c.Value with { Outputs = [] }) };
}
