using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Workbook.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) as VS Code saves it, read and written with .NET Interactive's own .ipynb serializer
/// (Microsoft.DotNet.Interactive.Documents), so that cells, kernel names and metadata are what the kernel sees.
/// What that serializer does not keep (a raw cell's type, a Markdown cell's attachments) is carried over from the file.
/// </summary>
public sealed class NotebookDocument
{
    private readonly InteractiveDocument _document;
    private readonly JsonArray _cellsAsRead;

    private NotebookDocument(string path, InteractiveDocument document, JsonArray cellsAsRead, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        _document = document;
        _cellsAsRead = cellsAsRead;
        Cells = cells;
    }

    /// <summary>The full path of the file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The file name without its extension, e.g. <c>00-overview</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The cells in document order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The text of the first level-one Markdown heading, or the file name when there is none.</summary>
    public string Title =>
        Cells.Where(c => c.Kind == CellKind.Markdown)
             .SelectMany(c => c.Source.Split('\n'))
             .Select(line => line.TrimEnd('\r'))
             .FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
        ?? Name;

    /// <summary>Reads a notebook; a file that is not an nbformat 4 notebook gives a <see cref="NotebookFormatException"/> naming the file and the reason.</summary>
    public static NotebookDocument Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var text = File.ReadAllText(fullPath);
        var cellsAsRead = NotebookShape.Check(text, path);
        var document = Notebook.Parse(text, PolyglotMetadata.KernelInfos());
        var cells = new List<NotebookCell>(document.Elements.Count);
        for (var i = 0; i < document.Elements.Count; i++)
        {
            var element = document.Elements[i];
            var number = i + 1;
            if (string.IsNullOrEmpty(element.Id))
            {
                element.Id = $"cell-{number}";
            }

            var kind = NotebookShape.KindOf((JsonObject)cellsAsRead[i]!);
            var kernel = kind == CellKind.Code && !string.IsNullOrEmpty(element.KernelName) ? element.KernelName : PolyglotMetadata.CSharpKernel;
            cells.Add(new NotebookCell(number, element.Id, kind, element.Contents.Replace("\r\n", "\n", StringComparison.Ordinal), kernel));
        }

        return new NotebookDocument(fullPath, document, cellsAsRead, cells);
    }

    /// <summary>
    /// The notebook as nbformat 4.5 JSON, written by .NET Interactive's serializer with the metadata VS Code writes.
    /// <paramref name="outputs"/> gives, for a cell's index (0-based), its execution count, outputs and timing; cells
    /// not in it are written without.
    /// </summary>
    public string ToJson(IReadOnlyDictionary<int, ExecutedCell>? outputs = null)
    {
        var elements = new List<InteractiveDocumentElement>(_document.Elements.Count);
        for (var i = 0; i < _document.Elements.Count; i++)
        {
            var source = _document.Elements[i];
            ExecutedCell? executed = null;
            outputs?.TryGetValue(i, out executed);
            var element = new InteractiveDocumentElement(source.Contents, source.KernelName, executed?.Outputs.Select(o => o.ToElement(executed.ExecutionCount)) ?? [])
            {
                Id = source.Id,
                ExecutionOrder = executed?.ExecutionCount ?? 0,
                Metadata = new Dictionary<string, object>(source.Metadata ?? new Dictionary<string, object>(), StringComparer.Ordinal),
            };
            if (executed is not null)
            {
                element.Metadata[ExecutionTiming.MetadataKey] = ExecutionTiming.Of(executed);
            }

            elements.Add(element);
        }

        var document = new InteractiveDocument(elements);
        foreach (var (key, value) in _document.Metadata)
        {
            document.Metadata[key] = value;
        }

        PolyglotMetadata.CompleteNotebook(document.Metadata);
        return NotebookShape.Restore(document.ToJupyterJson(), _cellsAsRead);
    }
}
