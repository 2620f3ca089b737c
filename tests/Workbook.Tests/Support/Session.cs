using Workbook.Notebooks;
using Workbook.Running;

namespace Workbook.Tests.Support;

/// <summary>Runs a test notebook through the runner (the .NET Interactive kernel, in process) and gives back what it produced.</summary>
internal static class Session
{
    /// <summary>Writes the cells as a notebook in a temp folder, runs it, and returns the run.</summary>
    public static async Task<NotebookRun> RunAsync(TempFolder folder, params string[] cells)
    {
        var path = NotebookFile.Write(folder.File("test.ipynb"), cells);
        return await RunAsync(path);
    }

    /// <summary>Runs the notebook at <paramref name="path"/>.</summary>
    public static async Task<NotebookRun> RunAsync(string path) => await new NotebookRunner(new SilentProgress()).RunAsync(NotebookDocument.Load(path));

    /// <summary>The executed code cells in order.</summary>
    public static IReadOnlyList<ExecutedCell> CodeCells(this NotebookRun run) => [.. run.Cells.OrderBy(c => c.Key).Select(c => c.Value)];

    public static string Html(this CellOutput output) => Assert.IsType<DisplayOutput>(output).Data["text/html"];

    public static string Text(this CellOutput output) => Assert.IsType<DisplayOutput>(output).Data["text/plain"];

    /// <summary>The cell's return value (its <c>execute_result</c>).</summary>
    public static DisplayOutput Result(this ExecutedCell cell) => Assert.Single(cell.Outputs.OfType<DisplayOutput>(), o => o.IsResult);

    /// <summary>The text the cell wrote to <paramref name="stream"/>, all of it.</summary>
    public static string Stream(this ExecutedCell cell, string stream) => string.Concat(cell.Outputs.OfType<StreamOutput>().Where(s => s.Name == stream).Select(s => s.Text));

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
