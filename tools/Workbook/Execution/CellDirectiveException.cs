namespace Workbook.Execution;

/// <summary>A directive or magic command in a cell that the runner cannot honour.</summary>
/// <param name="line">The line in the cell, 1-based.</param>
/// <param name="message">What is wrong and what to do instead.</param>
public sealed class CellDirectiveException(int line, string message) : Exception(message)
{
    /// <summary>The line in the cell, 1-based.</summary>
    public int Line { get; } = line;
}
