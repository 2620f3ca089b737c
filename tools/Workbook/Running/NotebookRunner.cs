using System.Diagnostics;
using Workbook.Execution;
using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>
/// Runs notebooks one at a time in this process, each in a kernel of its own: the working directory is the notebook's
/// folder, formatting starts from a new kernel's defaults, and the notebook stops at its first failing cell. The
/// <c>execute</c> command runs its one notebook with it (<see cref="KernelProcess"/>); tests run notebooks with it.
/// </summary>
/// <param name="progress">Told of each cell and notebook.</param>
public sealed class NotebookRunner(IRunProgress progress)
{
    /// <summary>Runs every code cell of <paramref name="notebook"/> in order.</summary>
    public async Task<NotebookRun> RunAsync(NotebookDocument notebook, CancellationToken cancellationToken = default)
    {
        NotebookKernel.ResetFormatting();
        var clock = Stopwatch.StartNew();
        var results = new Dictionary<int, ExecutedCell>();
        CellError? error = null;
        var codeCells = notebook.Cells.Count(c => c.Kind == CellKind.Code);
        var ordinal = 0;
        var directory = Environment.CurrentDirectory;
        using var session = new KernelSession();
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(notebook.Path)!;
            for (var i = 0; i < notebook.Cells.Count && error is null; i++)
            {
                var cell = notebook.Cells[i];
                if (cell.Kind != CellKind.Code)
                {
                    continue;
                }

                progress.CellStarted(notebook, cell, ++ordinal, codeCells);
                var executed = await session.RunAsync(cell, cancellationToken).ConfigureAwait(false);
                results[i] = executed;
                error = executed.Error;
            }
        }
        finally
        {
            Environment.CurrentDirectory = directory;
        }

        var run = new NotebookRun(notebook, results, error, clock.Elapsed);
        progress.NotebookFinished(run);
        return run;
    }
}
