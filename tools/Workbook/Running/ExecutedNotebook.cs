using System.Text.Json;
using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>
/// What a notebook's kernel process hands back to the runner: the executed code cells by their index, with their
/// timing and error but not their outputs (the process has written those), and where the notebook stopped. Written as
/// JSON to a file the runner names (<see cref="ExecuteCommand"/>).
/// </summary>
/// <param name="Cells">The executed code cells by their index in <see cref="NotebookDocument.Cells"/> (0-based), without outputs.</param>
/// <param name="Error">Where the notebook stopped, or null when every cell ran.</param>
public sealed record ExecutedNotebook(IReadOnlyDictionary<int, ExecutedCell> Cells, CellError? Error)
{
    /// <summary>Writes the record to <paramref name="path"/>.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the record <see cref="WriteAsync"/> wrote to <paramref name="path"/>.</summary>
    public static async Task<ExecutedNotebook> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ExecutedNotebook>(file, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException($"{path}: no executed notebook");
    }
}
