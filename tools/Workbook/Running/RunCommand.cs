using System.Globalization;
using System.Text;
using Workbook.Export;
using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>
/// <c>workbook run [NOTEBOOK...] [--out DIR] [--keep-going]</c>: runs the notebooks (default: every
/// <c>notebooks/*.ipynb</c> of the repository, in name order) and writes <c>DIR/NAME.ipynb</c>, <c>DIR/NAME.html</c>
/// and <c>DIR/index.html</c>.
/// </summary>
public static class RunCommand
{
    /// <summary>Exit code when every notebook ran cleanly.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a cell failed.</summary>
    public const int CellFailed = 1;

    /// <summary>Exit code when the input could not be read (no notebook, a file that is not a notebook).</summary>
    public const int BadInput = 2;

    /// <summary>Runs the command; progress and errors go to <paramref name="terminal"/>, the summary to <paramref name="output"/>.</summary>
    public static async Task<int> ExecuteAsync(IReadOnlyList<string> notebookPaths, string outDirectory, bool keepGoing,
        TextWriter output, TextWriter terminal, bool interactive, CancellationToken cancellationToken = default)
    {
        var paths = notebookPaths.Count > 0 ? notebookPaths : DefaultNotebooks();
        if (paths.Count == 0)
        {
            terminal.WriteLine($"workbook: no notebooks given and none found in {Path.Combine(RepositoryRoot(), "notebooks")}");
            return BadInput;
        }

        var documents = new List<NotebookDocument>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                terminal.WriteLine($"{path}: no such notebook");
                return BadInput;
            }

            try
            {
                documents.Add(NotebookDocument.Load(path));
            }
            catch (NotebookFormatException e)
            {
                terminal.WriteLine(e.Message);
                return BadInput;
            }
        }

        Directory.CreateDirectory(outDirectory);
        var runner = new KernelProcess(new ConsoleProgress(terminal, interactive), terminal);
        var runs = new List<NotebookRun>();
        for (var i = 0; i < documents.Count && (runs.Count == 0 || runs[^1].Succeeded || keepGoing); i++)
        {
            runs.Add(await runner.RunAsync(documents[i], outDirectory, i > 0 ? documents[i - 1] : null, i + 1 < documents.Count ? documents[i + 1] : null, keepGoing, cancellationToken).ConfigureAwait(false));
        }

        await File.WriteAllTextAsync(Path.Combine(outDirectory, "index.html"), HtmlExporter.RenderIndex(runs), Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        var failed = runs.Count(r => !r.Succeeded);
        var skipped = documents.Count - runs.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs.Count - failed} of {documents.Count} notebooks ran cleanly{(failed > 0 ? $", {failed} failed" : "")}{(skipped > 0 ? $", {skipped} not run (use --keep-going)" : "")}; exports in {Path.GetFullPath(outDirectory)}"));
        return failed == 0 && skipped == 0 ? Success : CellFailed;
    }

    /// <summary>The folder holding Directory.Packages.props at or above the current directory, else the current directory.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Directory.Packages.props")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }

    private static List<string> DefaultNotebooks()
    {
        var folder = Path.Combine(RepositoryRoot(), "notebooks");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal)] : [];
    }
}
