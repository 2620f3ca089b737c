using System.Text.Json.Nodes;

namespace Workbook.Tests.Support;

/// <summary>Writes test notebooks as raw nbformat JSON, independently of the runner's own writer.</summary>
internal static class NotebookFile
{
    public static string Code(string source) => "code:" + source;

    public static string Markdown(string source) => "markdown:" + source;

    /// <summary>Writes <paramref name="cells"/> (each made with <see cref="Code"/> or <see cref="Markdown"/>) to <paramref name="path"/>.</summary>
    public static string Write(string path, params string[] cells)
    {
        var array = new JsonArray();
        for (var i = 0; i < cells.Length; i++)
        {
            var isCode = cells[i].StartsWith("code:", StringComparison.Ordinal);
            var source = cells[i][(cells[i].IndexOf(':', StringComparison.Ordinal) + 1)..];
            var cell = new JsonObject
            {
                ["cell_type"] = isCode ? "code" : "markdown",
                ["id"] = $"c{i + 1}",
                ["metadata"] = isCode ? new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } } : new JsonObject(),
                ["source"] = source,
            };
            if (isCode)
            {
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }

            array.Add(cell);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, new JsonObject { ["cells"] = array, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
        return path;
    }
}
