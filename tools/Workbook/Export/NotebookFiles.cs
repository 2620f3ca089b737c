using System.Text;
using Workbook.Notebooks;
using Workbook.Running;

namespace Workbook.Export;

/// <summary>A run's files: <c>NAME.ipynb</c> (the executed notebook) and <c>NAME.html</c> (its export).</summary>
public static class NotebookFiles
{
    /// <summary>Writes <paramref name="run"/>'s executed notebook and its export, linked by <paramref name="links"/>, to <paramref name="outDirectory"/>.</summary>
    public static async Task WriteAsync(NotebookRun run, string outDirectory, PageLinks links, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, run.Document.Name + ".ipynb"), run.Document.ToJson(run.Cells), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outDirectory, run.Document.Name + ".html"), HtmlExporter.RenderNotebook(run, links), Encoding.UTF8, cancellationToken).ConfigureAwait(false);
    }
}
