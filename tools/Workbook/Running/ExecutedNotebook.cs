using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>
/// What a notebook's kernel process hands back to the runner: the executed code cells (outputs, timing, error) by their
/// index, and where the notebook stopped. Written as JSON to a file the runner names (<see cref="ExecuteCommand"/>).
/// </summary>
/// <param name="Cells">The executed code cells by their index in <see cref="NotebookDocument.Cells"/> (0-based).</param>
/// <param name="Error">Where the notebook stopped, or null when every cell ran.</param>
public sealed record ExecutedNotebook(IReadOnlyDictionary<int, ExecutedCell> Cells, CellError? Error)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers = { Polymorphic },
        },
    };

    /// <summary>Writes the record to <paramref name="path"/>.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the record <see cref="WriteAsync"/> wrote to <paramref name="path"/>.</summary>
    public static async Task<ExecutedNotebook> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ExecutedNotebook>(file, Options, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException($"{path}: no executed notebook");
    }

    private static void Polymorphic(JsonTypeInfo info)
    {
        if (info.Type == typeof(CellOutput))
        {
            info.PolymorphismOptions = new()
            {
                DerivedTypes =
                {
                    new(typeof(StreamOutput), "stream"),
                    new(typeof(DisplayOutput), "display"),
                    new(typeof(ErrorOutput), "error"),
                },
            };
        }
    }
}
