using System.Globalization;
using System.Text.Json;

namespace BreastCancer.Bench;

/// <summary>
/// One code cell's time in a notebook the runner executed: the notebook's file name without extension, the cell's
/// number as the runner's progress line and <c>index.html</c> show it (1-based, counting every cell), its nbformat id,
/// its first line of code, and its seconds, from the Jupyter <c>execution</c> metadata the runner writes
/// (<c>shell.execute_reply</c> minus <c>iopub.execute_input</c>: directives, compilation, execution and formatting).
/// </summary>
internal sealed record StudyCell(string Notebook, int Cell, string Id, string FirstLine, double Seconds)
{
    /// <summary>The timed code cells of every <c>*.ipynb</c> in <paramref name="folder"/>, notebooks in name order, cells in document order.</summary>
    public static IReadOnlyList<StudyCell> Read(string folder) =>
        [.. Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).SelectMany(f => Parse(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))];

    /// <summary>The timed code cells of one executed notebook's JSON; a cell that did not run (no <c>execution</c> metadata) is left out.</summary>
    public static IEnumerable<StudyCell> Parse(string notebook, string json)
    {
        using var document = JsonDocument.Parse(json);
        var cells = document.RootElement.GetProperty("cells").EnumerateArray().ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.GetProperty("cell_type").GetString() != "code" || !cell.TryGetProperty("metadata", out var metadata)
                || !metadata.TryGetProperty("execution", out var execution)
                || !execution.TryGetProperty("iopub.execute_input", out var start) || !execution.TryGetProperty("shell.execute_reply", out var end))
            {
                continue;
            }

            var number = i + 1;
            var id = cell.TryGetProperty("id", out var given) ? given.GetString()! : $"cell-{number}";
            var seconds = (Time(end) - Time(start)).TotalSeconds;
            yield return new StudyCell(notebook, number, id, FirstLineOf(Source(cell.GetProperty("source"))), seconds);
        }
    }

    /// <summary>The first line that is not blank, trimmed, as the runner's <c>NotebookCell.FirstLine</c>; empty for an empty cell.</summary>
    private static string FirstLineOf(string source) => source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    /// <summary>nbformat's multiline string: one string, or a list of lines to concatenate.</summary>
    private static string Source(JsonElement source) =>
        source.ValueKind == JsonValueKind.Array ? string.Concat(source.EnumerateArray().Select(l => l.GetString())) : source.GetString() ?? "";

    private static DateTimeOffset Time(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
