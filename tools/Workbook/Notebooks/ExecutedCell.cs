namespace Workbook.Notebooks;

/// <summary>What running one code cell produced.</summary>
/// <param name="ExecutionCount">The cell's execution number in its session, 1-based.</param>
/// <param name="Outputs">The outputs in the order the cell produced them.</param>
/// <param name="Started">When the cell started to run (its directives, compilation and execution).</param>
/// <param name="Duration">Wall-clock time the cell took: its directives, its compilation and its execution, its value's formatting included.</param>
/// <param name="Error">Where and why the cell failed, or null when it succeeded.</param>
public sealed record ExecutedCell(int ExecutionCount, IReadOnlyList<CellOutput> Outputs, DateTimeOffset Started, TimeSpan Duration, CellError? Error);

/// <summary>Where a cell failed.</summary>
/// <param name="Cell">The cell's number in the notebook (1-based, counting every cell).</param>
/// <param name="Line">The line within the cell (1-based), or null when no line is known.</param>
/// <param name="Message">What went wrong, e.g. <c>error CS0103: The name 'x' does not exist in the current context</c>.</param>
public sealed record CellError(int Cell, int? Line, string Message)
{
    /// <summary>The error as the terminal shows it: <c>notebook:cell:line: message</c>.</summary>
    public string Describe(string notebookPath) =>
        Line is { } line ? $"{notebookPath}:{Cell}:{line}: {Message}" : $"{notebookPath}:{Cell}: {Message}";
}
