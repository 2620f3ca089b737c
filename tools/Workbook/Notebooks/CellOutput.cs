using System.Text.Json.Nodes;

namespace Workbook.Notebooks;

/// <summary>One output of an executed code cell, as nbformat 4 stores it.</summary>
public abstract record CellOutput
{
    internal abstract JsonObject ToJson(int? executionCount);
}

/// <summary>Text the cell wrote to the console.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">What was written, in order.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    internal override JsonObject ToJson(int? executionCount) => new()
    {
        ["name"] = Name,
        ["output_type"] = "stream",
        ["text"] = NotebookCell.SourceLines(Text),
    };
}

/// <summary>A formatted value: a cell's trailing expression (<paramref name="IsResult"/>) or a <c>display(...)</c> call.</summary>
/// <param name="Data">The value formatted for each MIME type, e.g. <c>text/html</c> and <c>text/plain</c>.</param>
/// <param name="IsResult">True for the cell's trailing expression (an <c>execute_result</c>), false for <c>display_data</c>.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, bool IsResult) : CellOutput
{
    internal override JsonObject ToJson(int? executionCount)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in Data)
        {
            data[mime] = NotebookCell.SourceLines(text);
        }

        var json = new JsonObject { ["data"] = data, ["metadata"] = new JsonObject() };
        if (IsResult)
        {
            json["execution_count"] = executionCount;
            json["output_type"] = "execute_result";
        }
        else
        {
            json["output_type"] = "display_data";
        }

        return json;
    }
}

/// <summary>The error that stopped a cell.</summary>
/// <param name="Name">The exception type or <c>CompilationError</c>.</param>
/// <param name="Value">The message.</param>
/// <param name="Traceback">The lines of the trace, first line first.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput
{
    internal override JsonObject ToJson(int? executionCount) => new()
    {
        ["ename"] = Name,
        ["evalue"] = Value,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray([.. Traceback.Select(t => (JsonNode)t)]),
    };
}
