namespace Workbook.Notebooks;

/// <summary>The nbformat cell types.</summary>
public enum CellKind
{
    /// <summary>Executable code.</summary>
    Code,

    /// <summary>Markdown text.</summary>
    Markdown,

    /// <summary>Raw text passed through untouched.</summary>
    Raw,
}
