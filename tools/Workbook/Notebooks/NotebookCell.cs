namespace Workbook.Notebooks;

/// <summary>One cell of a notebook as read from the file.</summary>
/// <param name="Number">The cell's position in the notebook, 1-based, counting every cell.</param>
/// <param name="Id">The nbformat 4.5 cell id (generated from the position when the file has none).</param>
/// <param name="Kind">Code, Markdown or raw.</param>
/// <param name="Source">The cell's text with <c>\n</c> line ends.</param>
/// <param name="KernelName">For code cells, the kernel the cell is meant for (<c>csharp</c> unless its metadata says otherwise).</param>
public sealed record NotebookCell(int Number, string Id, CellKind Kind, string Source, string KernelName)
{
    /// <summary>The cell's first line that is not blank, trimmed; empty for an empty cell.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
