using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbook.Notebooks;

/// <summary>
/// The parts of an .ipynb file the runner checks or keeps itself: that the file is an nbformat 4 notebook (with a
/// reason when it is not, which .NET Interactive's serializer does not give), each cell's type, and what the serializer
/// drops on writing (a raw cell's type, which it writes as a code cell, and a Markdown cell's attachments).
/// </summary>
internal static class NotebookShape
{
    /// <summary>The file's cells as JSON, after checking that <paramref name="text"/> is an nbformat 4 notebook.</summary>
    public static JsonArray Check(string text, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        if (root is not JsonObject notebook)
        {
            throw new NotebookFormatException($"{path}: the top level is not a JSON object");
        }

        var major = notebook["nbformat"] is JsonValue version && version.TryGetValue<int>(out var v) ? v : (int?)null;
        if (major != 4)
        {
            throw new NotebookFormatException($"{path}: nbformat {major?.ToString(CultureInfo.InvariantCulture) ?? "missing"}, expected 4");
        }

        if (notebook["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException($"{path}: no \"cells\" array");
        }

        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
            {
                throw new NotebookFormatException($"{path}: cell {i + 1} is not a JSON object");
            }

            if (cell["cell_type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || type.GetValue<string>() is not ("code" or "markdown" or "raw"))
            {
                throw new NotebookFormatException($"{path}: cell {i + 1} has cell_type {cell["cell_type"]?.ToJsonString() ?? "missing"}, expected \"code\", \"markdown\" or \"raw\"");
            }

            if (cell["source"] is not (null or JsonValue or JsonArray) || cell["source"] is JsonValue s && s.GetValueKind() != JsonValueKind.String)
            {
                throw new NotebookFormatException($"{path}: cell {i + 1} has a source that is neither a string nor a list of strings");
            }
        }

        return cells;
    }

    /// <summary>The type of a cell that <see cref="Check"/> accepted.</summary>
    public static CellKind KindOf(JsonObject cell) => cell["cell_type"]!.GetValue<string>() switch
    {
        "code" => CellKind.Code,
        "markdown" => CellKind.Markdown,
        _ => CellKind.Raw,
    };

    /// <summary>The serializer's <paramref name="json"/> with raw cells and Markdown attachments as <paramref name="cellsAsRead"/> had them.</summary>
    public static string Restore(string json, JsonArray cellsAsRead)
    {
        var changes = cellsAsRead.Select((cell, i) => (Cell: (JsonObject)cell!, Index: i))
            .Where(c => KindOf(c.Cell) == CellKind.Raw || c.Cell["attachments"] is not null).ToList();
        if (changes.Count == 0)
        {
            return json;
        }

        var root = JsonNode.Parse(json)!;
        var written = root["cells"]!.AsArray();
        foreach (var (cell, index) in changes)
        {
            var target = written[index]!.AsObject();
            if (KindOf(cell) == CellKind.Raw)
            {
                target["cell_type"] = "raw";
                target.Remove("outputs");
                target.Remove("execution_count");
                target["metadata"] = cell["metadata"]?.DeepClone() ?? new JsonObject();
            }

            if (cell["attachments"] is { } attachments)
            {
                target["attachments"] = attachments.DeepClone();
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
