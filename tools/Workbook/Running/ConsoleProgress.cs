using System.Diagnostics;
using System.Globalization;
using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>
/// Progress on the terminal: one line rewritten in place (notebook, cell k of n, elapsed) when standard error is a
/// terminal, plain lines when it is redirected. Failures are printed as <c>notebook:cell:line: message</c>.
/// </summary>
public sealed class ConsoleProgress : IRunProgress
{
    private readonly TextWriter _terminal;
    private readonly bool _interactive;
    private readonly Stopwatch _notebookClock = new();
    private string? _current;

    /// <summary>Reports to <paramref name="terminal"/>; <paramref name="interactive"/> rewrites one line instead of printing one per cell.</summary>
    public ConsoleProgress(TextWriter terminal, bool interactive)
    {
        _terminal = terminal;
        _interactive = interactive;
    }

    /// <inheritdoc />
    public void CellStarted(NotebookDocument notebook, NotebookCell cell, int ordinal, int codeCells)
    {
        if (_current != notebook.Path)
        {
            _current = notebook.Path;
            _notebookClock.Restart();
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{notebook.Name}: cell {cell.Number} ({ordinal} of {codeCells} code cells), {_notebookClock.Elapsed.TotalSeconds:F1} s");
        if (_interactive)
        {
            _terminal.Write("\r\u001b[2K" + line);
        }
        else
        {
            _terminal.WriteLine(line);
        }
    }

    /// <inheritdoc />
    public void NotebookFinished(NotebookRun run)
    {
        if (_interactive)
        {
            _terminal.Write("\r\u001b[2K");
        }

        var status = run.Succeeded ? "ok" : "FAILED";
        _terminal.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run.Document.Name}: {status} in {run.Duration.TotalSeconds:F1} s"));
        if (run.Error is { } error)
        {
            _terminal.WriteLine(error.Describe(DisplayPath(run.Document.Path)));
        }
    }

    /// <summary>The path relative to the current directory when the file is below it, else the full path.</summary>
    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
