namespace Workbook.Notebooks;

/// <summary>A notebook file that cannot be read as nbformat 4; the message names the file and what is wrong.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);
