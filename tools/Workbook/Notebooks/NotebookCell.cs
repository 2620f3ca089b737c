using System.Text.Json.Nodes;

namespace Workbook.Notebooks;

/// <summary>One cell of a notebook as read from the file.</summary>
/// <param name="Number">The cell's position in the notebook, 1-based, counting every cell.</param>
/// <param name="Id">The nbformat 4.5 cell id (generated from the position when the file has none).</param>
/// <param name="Kind">Code, Markdown or raw.</param>
/// <param name="Source">The cell's text with <c>\n</c> line ends.</param>
/// <param name="KernelName">For code cells, the Polyglot kernel the cell is meant for (<c>csharp</c> unless its metadata says otherwise).</param>
/// <param name="Metadata">The cell's metadata as read.</param>
/// <param name="Attachments">Markdown attachments as read, if any.</param>
public sealed record NotebookCell(int Number, string Id, CellKind Kind, string Source, string KernelName, JsonObject Metadata, JsonObject? Attachments)
{
    internal static NotebookCell FromJson(JsonObject json, int number, string path)
    {
        var type = json["cell_type"]?.GetValue<string>();
        var kind = type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException($"{path}: cell {number} has cell_type \"{type}\", expected code, markdown or raw"),
        };

        var source = json["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
            JsonValue text => text.GetValue<string>(),
            null => "",
            _ => throw new NotebookFormatException($"{path}: cell {number} has a source that is neither a string nor a list of strings"),
        };

        var metadata = (JsonObject?)json["metadata"]?.DeepClone() ?? [];
        var id = json["id"]?.GetValue<string>() ?? $"cell-{number}";
        var attachments = (JsonObject?)json["attachments"]?.DeepClone();
        return new NotebookCell(number, id, kind, source.Replace("\r\n", "\n", StringComparison.Ordinal), PolyglotMetadata.KernelNameOf(metadata), metadata, attachments);
    }

    internal JsonObject ToJson(ExecutedCell? executed)
    {
        var metadata = (JsonObject)Metadata.DeepClone();
        var json = new JsonObject { ["cell_type"] = Kind.ToString().ToLowerInvariant(), ["id"] = Id };
        if (Kind == CellKind.Code)
        {
            PolyglotMetadata.CompleteCodeCell(metadata, KernelName);
            if (executed is not null)
            {
                ExecutionTiming.Record(metadata, executed);
            }

            json["execution_count"] = executed?.ExecutionCount;
            json["metadata"] = metadata;
            json["outputs"] = new JsonArray([.. (executed?.Outputs ?? []).Select(o => (JsonNode)o.ToJson(executed!.ExecutionCount))]);
        }
        else
        {
            json["metadata"] = metadata;
            if (Attachments is not null)
            {
                json["attachments"] = Attachments.DeepClone();
            }
        }

        json["source"] = SourceLines(Source);
        return json;
    }

    /// <summary>The cell's first line that is not blank, trimmed; empty for an empty cell.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    /// <summary>nbformat's "multiline string": the text split after each line end, as Jupyter and VS Code write it.</summary>
    internal static JsonArray SourceLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..next]);
            start = next;
        }

        return lines;
    }
}
