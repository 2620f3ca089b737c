using Workbook.Execution;
using Workbook.Notebooks;
using Workbook.Running;

namespace Workbook.Tests.Support;

/// <summary>Runs a test notebook through the runner and gives back what it produced.</summary>
internal static class Session
{
    public static PackageServer Packages { get; } = PackageServer.ForThisApplication();

    /// <summary>Writes the cells as a notebook in a temp folder, runs it, and returns the run.</summary>
    public static async Task<NotebookRun> RunAsync(TempFolder folder, params string[] cells)
    {
        var path = NotebookFile.Write(folder.File("test.ipynb"), cells);
        var runner = new NotebookRunner(Packages, new SilentProgress());
        return await runner.RunAsync(NotebookDocument.Load(path));
    }

    /// <summary>The executed code cells in order.</summary>
    public static IReadOnlyList<ExecutedCell> CodeCells(this NotebookRun run) => [.. run.Cells.OrderBy(c => c.Key).Select(c => c.Value)];

    public static string Html(this CellOutput output) => Assert.IsType<DisplayOutput>(output).Data["text/html"];

    public static string Text(this CellOutput output) => Assert.IsType<DisplayOutput>(output).Data["text/plain"];

    private sealed class SilentProgress : IRunProgress
    {
        public void CellStarted(NotebookDocument notebook, NotebookCell cell, int ordinal, int codeCells)
        {
        }

        public void NotebookFinished(NotebookRun run)
        {
        }
    }
}
