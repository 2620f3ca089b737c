using System.Globalization;
using Workbook.Export;
using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>
/// <c>workbook execute NOTEBOOK --out DIR --result FILE [--previous NOTEBOOK] [--next NOTEBOOK] [--keep-going]</c>: the
/// kernel process of one notebook, which <see cref="KernelProcess"/> starts for each notebook of a run. It runs the
/// notebook's code cells in a new kernel (<see cref="NotebookRunner"/>), tells the runner each cell as it starts by a
/// line <c>PREFIX INDEX ORDINAL CODECELLS</c> on standard output, writes <c>DIR/NAME.ipynb</c> and <c>DIR/NAME.html</c>
/// (linking to the next notebook only when the run goes on to it: this one succeeded, or <c>--keep-going</c>), and
/// writes the executed cells' timings and the error, without their outputs, to FILE (<see cref="ExecutedNotebook"/>):
/// the outputs, and the memory their export takes, stay in this process.
/// </summary>
public static class ExecuteCommand
{
    /// <summary>The start of a progress line: a cell is starting.</summary>
    public const string CellStartedPrefix = "\u001eworkbook-cell";

    /// <summary>Runs <paramref name="request"/>'s notebook and writes its files; progress lines go to <paramref name="channel"/>. Exit code 0 once the result is written.</summary>
    public static async Task<int> ExecuteAsync(ExecuteRequest request, TextWriter channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = NotebookDocument.Load(request.Notebook);
        var run = await new NotebookRunner(new ChannelProgress(channel)).RunAsync(document, cancellationToken).ConfigureAwait(false);
        // The kernel is disposed: its memory is given back before the export rents its large buffers, so that writing
        // the files does not raise the process's peak (notebook 02: 432 MB without this collection, 386 MB with it).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var links = PageLinks.Between(request.Previous is { } before ? NotebookDocument.Load(before) : null, request.Next is { } after ? NotebookDocument.Load(after) : null,
            goesOn: run.Succeeded || request.KeepGoing);
        await NotebookFiles.WriteAsync(run, request.OutDirectory, links, cancellationToken).ConfigureAwait(false);
        var timings = run.WithoutOutputs();
        await new ExecutedNotebook(timings.Cells, timings.Error).WriteAsync(request.Result, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Reads a progress line: the cell's index (0-based), its ordinal among code cells and their count; null for any other line.</summary>
    public static (int Index, int Ordinal, int CodeCells)? ParseCellStarted(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(' ');
        return parts.Length == 4 && parts[0] == CellStartedPrefix
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var ordinal)
            && int.TryParse(parts[3], CultureInfo.InvariantCulture, out var codeCells)
            ? (index, ordinal, codeCells)
            : null;
    }

    private sealed class ChannelProgress(TextWriter channel) : IRunProgress
    {
        public void CellStarted(NotebookDocument notebook, NotebookCell cell, int ordinal, int codeCells)
        {
            channel.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{CellStartedPrefix} {cell.Number - 1} {ordinal} {codeCells}"));
            channel.Flush();
        }

        public void NotebookFinished(NotebookRun run)
        {
        }
    }
}
