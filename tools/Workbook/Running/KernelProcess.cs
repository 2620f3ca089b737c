using System.Diagnostics;
using System.Globalization;
using Workbook.Export;
using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>
/// Runs each notebook in a kernel process of its own, as Jupyter and VS Code start one kernel process per notebook:
/// this program's <c>execute</c> command (<see cref="ExecuteCommand"/>) in a child process, which also writes the
/// notebook's files. The memory a notebook takes (its compiled submissions, the assemblies its packages load, the
/// library's caches, its outputs and the buffers their export rents) goes with its process, so a run of many
/// notebooks needs no more than its largest notebook. The child's cell progress is passed on
/// to <paramref name="progress"/>; anything else it prints goes to <paramref name="terminal"/> line by line.
/// </summary>
/// <param name="progress">Told of each cell and notebook.</param>
/// <param name="terminal">Receives the child's other output (native libraries' messages, a crash's report).</param>
public sealed class KernelProcess(IRunProgress progress, TextWriter terminal)
{
    private readonly Lock _gate = new();

    /// <summary>
    /// Runs every code cell of <paramref name="notebook"/> in a new process, which writes its executed notebook and
    /// HTML export to <paramref name="outDirectory"/>, linked to <paramref name="previous"/> and, when the run goes on
    /// to it, <paramref name="next"/>. The run returned has the cells' timings and the error, not their outputs; a
    /// process that ends without a result fails the notebook at the cell it was running, and the runner writes the
    /// notebook's files, without outputs, in its place.
    /// </summary>
    public async Task<NotebookRun> RunAsync(NotebookDocument notebook, string outDirectory, NotebookDocument? previous, NotebookDocument? next, bool keepGoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var request = new ExecuteRequest(notebook.Path, outDirectory, Path.Combine(Path.GetTempPath(), $"workbook-{Environment.ProcessId}-{Guid.NewGuid():N}.json"),
            previous?.Path, next?.Path, keepGoing);
        var clock = Stopwatch.StartNew();
        var current = -1;
        try
        {
            using var child = Process.Start(StartInfo(request))
                ?? throw new InvalidOperationException("the notebook's kernel process did not start");
            using var kill = cancellationToken.Register(() => child.Kill(entireProcessTree: true));
            var errors = Forward(child.StandardError);
            string? line;
            while ((line = await child.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
            {
                if (ExecuteCommand.ParseCellStarted(line) is var (index, ordinal, codeCells))
                {
                    current = index;
                    lock (_gate)
                    {
                        progress.CellStarted(notebook, notebook.Cells[index], ordinal, codeCells);
                    }
                }
                else
                {
                    WriteLine(line);
                }
            }

            await errors.ConfigureAwait(false);
            await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            NotebookRun run;
            if (child.ExitCode == 0 && File.Exists(request.Result))
            {
                var executed = await ExecutedNotebook.ReadAsync(request.Result, cancellationToken).ConfigureAwait(false);
                run = new NotebookRun(notebook, executed.Cells, executed.Error, clock.Elapsed);
            }
            else
            {
                run = new NotebookRun(notebook, new Dictionary<int, ExecutedCell>(), Crashed(notebook, current, child.ExitCode), clock.Elapsed);
                await NotebookFiles.WriteAsync(run, outDirectory, PageLinks.Between(previous, next, goesOn: keepGoing), cancellationToken).ConfigureAwait(false);
            }

            progress.NotebookFinished(run);
            return run;
        }
        finally
        {
            File.Delete(request.Result);
        }
    }

    /// <summary>The error of a notebook whose process ended without a result: at the cell it was running (its first code cell if none had started).</summary>
    private static CellError Crashed(NotebookDocument notebook, int current, int exitCode)
    {
        var cell = current >= 0 ? notebook.Cells[current] : notebook.Cells.First(c => c.Kind == CellKind.Code);
        return new CellError(cell.Number, null, string.Create(CultureInfo.InvariantCulture, $"the notebook's kernel process ended with exit code {exitCode} and no result"));
    }

    private async Task Forward(StreamReader reader)
    {
        string? line;
        while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            WriteLine(line);
        }
    }

    private void WriteLine(string line)
    {
        lock (_gate)
        {
            terminal.WriteLine(line);
        }
    }

    /// <summary>This program's <c>execute</c> command: through the app host when this process runs as it, else through the <c>dotnet</c> host with this assembly.</summary>
    private static ProcessStartInfo StartInfo(ExecuteRequest request)
    {
        var assembly = typeof(KernelProcess).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var appHost = Path.GetFileNameWithoutExtension(host) == Path.GetFileNameWithoutExtension(assembly)
            && Path.GetDirectoryName(host) == Path.GetDirectoryName(assembly);
        var start = new ProcessStartInfo(appHost || Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!appHost)
        {
            start.ArgumentList.Add(assembly);
        }

        foreach (var argument in new[] { "execute", request.Notebook, "--out", request.OutDirectory, "--result", request.Result })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (option, path) in new[] { ("--previous", request.Previous), ("--next", request.Next) })
        {
            if (path is not null)
            {
                start.ArgumentList.Add(option);
                start.ArgumentList.Add(path);
            }
        }

        if (request.KeepGoing)
        {
            start.ArgumentList.Add("--keep-going");
        }

        return start;
    }
}
