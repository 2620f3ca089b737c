using Workbook.Notebooks;

namespace Workbook.Running;

/// <summary>Receives the progress of a run, cell by cell.</summary>
public interface IRunProgress
{
    /// <summary>A code cell is about to run: <paramref name="ordinal"/> of <paramref name="codeCells"/> in its notebook.</summary>
    void CellStarted(NotebookDocument notebook, NotebookCell cell, int ordinal, int codeCells);

    /// <summary>A notebook has finished, successfully or not.</summary>
    void NotebookFinished(NotebookRun run);
}
