using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbook.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) as VS Code's Polyglot Notebooks extension saves it: the cells in order and the
/// notebook's metadata, kept as JSON so that whatever the file carries survives a round trip.
/// </summary>
public sealed class NotebookDocument
{
    private NotebookDocument(string path, JsonObject metadata, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Metadata = metadata;
        Cells = cells;
    }

    /// <summary>The full path of the file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The file name without its extension, e.g. <c>00-overview</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The notebook-level metadata as read (kernelspec, language_info, polyglot_notebook, …).</summary>
    public JsonObject Metadata { get; }

    /// <summary>The cells in document order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The text of the first level-one Markdown heading, or the file name when there is none.</summary>
    public string Title =>
        Cells.Where(c => c.Kind == CellKind.Markdown)
             .SelectMany(c => c.Source.Split('\n'))
             .Select(line => line.TrimEnd('\r'))
             .FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
        ?? Name;

    /// <summary>Reads a notebook; a file that is not an nbformat 4 notebook gives a <see cref="NotebookFormatException"/>.</summary>
    public static NotebookDocument Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(fullPath));
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }

        if (root is not JsonObject notebook)
        {
            throw new NotebookFormatException($"{path}: the top level is not a JSON object");
        }

        var major = notebook["nbformat"]?.GetValue<int>();
        if (major != 4)
        {
            throw new NotebookFormatException($"{path}: nbformat {major?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, expected 4");
        }

        if (notebook["cells"] is not JsonArray cellArray)
        {
            throw new NotebookFormatException($"{path}: no \"cells\" array");
        }

        var cells = new List<NotebookCell>(cellArray.Count);
        for (var i = 0; i < cellArray.Count; i++)
        {
            cells.Add(NotebookCell.FromJson(cellArray[i] as JsonObject
                ?? throw new NotebookFormatException($"{path}: cell {i + 1} is not a JSON object"), i + 1, path));
        }

        var metadata = notebook["metadata"] as JsonObject ?? [];
        return new NotebookDocument(fullPath, (JsonObject)metadata.DeepClone(), cells);
    }

    /// <summary>
    /// The notebook as nbformat 4.5 JSON with Polyglot metadata, as VS Code saves it. <paramref name="outputs"/>
    /// gives, for a cell's index (0-based), its execution count and outputs; cells not in it are written without.
    /// </summary>
    public string ToJson(IReadOnlyDictionary<int, ExecutedCell>? outputs = null)
    {
        var metadata = (JsonObject)Metadata.DeepClone();
        PolyglotMetadata.CompleteNotebook(metadata);
        var cells = new JsonArray();
        for (var i = 0; i < Cells.Count; i++)
        {
            ExecutedCell? executed = null;
            outputs?.TryGetValue(i, out executed);
            cells.Add(Cells[i].ToJson(executed));
        }

        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(JsonOptions) + "\n";
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
