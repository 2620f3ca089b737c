using System.Text.Json.Nodes;

namespace Workbook.Tests.Support;

/// <summary>An .ipynb file read as raw nbformat JSON, independently of the runner's own reader.</summary>
internal static class NotebookJson
{
    /// <summary>The code cells of the notebook at <paramref name="path"/>, in order.</summary>
    public static List<JsonNode> CodeCells(string path) =>
        [.. JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray().OfType<JsonNode>().Where(c => (string)c["cell_type"]! == "code")];

    /// <summary>A cell's source as one string (nbformat stores it as a list of lines).</summary>
    public static string Source(JsonNode cell) => string.Concat(cell["source"]!.AsArray().Select(l => (string)l!));

    /// <summary>A code cell's source for a copy of its notebook one folder below <c>notebooks/</c>: its relative paths and the <c>#load</c> of the setup one level further up.</summary>
    public static string OneFolderDown(string source) =>
        source.Replace("\"../", "\"../../", StringComparison.Ordinal).Replace("#load \"", "#load \"../", StringComparison.Ordinal);

    /// <summary>
    /// Writes the committed notebook <paramref name="notebook"/> (a file name in <c>notebooks/</c>), without outputs, into
    /// <paramref name="folder"/> one level below <c>notebooks/</c>, its code cells rewritten by <see cref="OneFolderDown"/>.
    /// </summary>
    public static void WriteCopyOneFolderDown(string notebook, string folder)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, notebook)))!;
        foreach (var cell in json["cells"]!.AsArray().OfType<JsonNode>().Where(c => (string)c["cell_type"]! == "code"))
        {
            cell["source"] = OneFolderDown(Source(cell));
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, notebook), json.ToJsonString());
    }
}
