using Microsoft.DotNet.Interactive.Documents;

namespace Workbook.Notebooks;

/// <summary>One output of an executed code cell, as nbformat 4 stores it.</summary>
public abstract record CellOutput
{
    /// <summary>The output as an element of .NET Interactive's document model, which writes it to .ipynb.</summary>
    internal abstract InteractiveDocumentOutputElement ToElement(int executionCount);
}

/// <summary>Text the cell wrote to the console, or the kernel's diagnostics.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">What was written, in order.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    internal override InteractiveDocumentOutputElement ToElement(int executionCount) => new TextElement(Text, Name);
}

/// <summary>A formatted value: a cell's return value (<paramref name="IsResult"/>) or a <c>display(...)</c> call.</summary>
/// <param name="Data">The value formatted for each MIME type, e.g. <c>text/html</c> and <c>text/plain</c>.</param>
/// <param name="IsResult">True for the cell's return value (an <c>execute_result</c>), false for <c>display_data</c>.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult) : CellOutput
{
    internal override InteractiveDocumentOutputElement ToElement(int executionCount)
    {
        var data = Data.ToDictionary(d => d.Key, d => (object)d.Value, StringComparer.Ordinal);
        if (!IsResult)
        {
            return new DisplayElement(data);
        }

        var result = new ReturnValueElement { ExecutionOrder = executionCount };
        foreach (var (mime, text) in data)
        {
            result.Data[mime] = text;
        }

        return result;
    }
}

/// <summary>The error that stopped a cell, as the kernel reports it.</summary>
/// <param name="Name">The error's name (the kernel says <c>Error</c>).</param>
/// <param name="Value">The message: <c>compilation error</c>, or the exception with its stack trace.</param>
/// <param name="Traceback">The lines of the trace, first line first.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput
{
    internal override InteractiveDocumentOutputElement ToElement(int executionCount) => new ErrorElement(Value, Name, [.. Traceback]);
}
