using System.Diagnostics;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using Microsoft.DotNet.Interactive.Formatting;
using Workbook.Execution;
using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>
/// Runs notebooks one at a time, each in a fresh session as a fresh kernel would: the working directory is the
/// notebook's folder, the console is captured into the cells' outputs, formatters start from their defaults, and the
/// notebook stops at its first failing cell.
/// </summary>
/// <param name="packages">What <c>#r "nuget:"</c> lines may load.</param>
/// <param name="progress">Told of each cell and notebook.</param>
public sealed class NotebookRunner(PackageServer packages, IRunProgress progress)
{
    /// <summary>
    /// The AppContext switch the runner sets so that chart formatters leave plotly.js out of their output: the exported
    /// page embeds it once (in VS Code the formatter must bring it itself).
    /// </summary>
    public const string PageProvidesPlotlyJsSwitch = "Workbook.PageProvidesPlotlyJs";

    /// <summary>Runs every code cell of <paramref name="notebook"/> in order.</summary>
    public async Task<NotebookRun> RunAsync(NotebookDocument notebook, CancellationToken cancellationToken = default)
    {
        AppContext.SetSwitch(PageProvidesPlotlyJsSwitch, true);
        Formatter.ResetToDefault();
        var clock = Stopwatch.StartNew();
        var results = new Dictionary<int, ExecutedCell>();
        CellError? error = null;
        var codeCells = notebook.Cells.Count(c => c.Kind == CellKind.Code);
        var ordinal = 0;
        var (directory, stdout, stderr) = (Environment.CurrentDirectory, Console.Out, Console.Error);
        using var loader = new InteractiveAssemblyLoader();
        var session = new NotebookSession(notebook.Path, packages, loader);
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(notebook.Path)!;
            Console.SetOut(session.Output.ConsoleWriter("stdout"));
            Console.SetError(session.Output.ConsoleWriter("stderr"));
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
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Environment.CurrentDirectory = directory;
        }

        var run = new NotebookRun(notebook, results, error, clock.Elapsed);
        progress.NotebookFinished(run);
        return run;
    }
}
