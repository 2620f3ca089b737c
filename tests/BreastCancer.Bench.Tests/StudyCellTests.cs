using BreastCancer.Bench;

namespace BreastCancer.Bench.Tests;

/// <summary>Code cells' seconds read back from executed notebooks, as the runner writes them (Jupyter's <c>execution</c> metadata).</summary>
public class StudyCellTests
{
    private const string Executed = """
        {
         "cells": [
          { "cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Title\n", "Text."] },
          {
           "cell_type": "code", "execution_count": 1, "id": "load", "outputs": [], "source": ["\n", "  var x = 1; \n", "x"],
           "metadata": { "execution": {
            "iopub.execute_input": "2026-12-01T10:00:59.750000Z", "iopub.status.busy": "2026-12-01T10:00:59.750000Z",
            "iopub.status.idle": "2026-12-01T10:01:00.250000Z", "shell.execute_reply": "2026-12-01T10:01:00.250000Z" } }
          },
          {
           "cell_type": "code", "execution_count": 2, "id": "slow", "outputs": [], "source": "Thread.Sleep(6250); // a | b",
           "metadata": { "execution": {
            "iopub.execute_input": "2026-12-01T10:01:00.250000Z", "shell.execute_reply": "2026-12-01T10:01:06.500000Z" } }
          },
          { "cell_type": "code", "execution_count": null, "id": "after-failure", "outputs": [], "source": "y", "metadata": {} }
         ],
         "metadata": {}, "nbformat": 4, "nbformat_minor": 5
        }
        """;

    [Fact]
    public void EachRunCodeCellGivesItsNumberCountingEveryCellItsFirstLineAndItsSeconds()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bench-cells-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "b-second.ipynb"), Executed);
            File.WriteAllText(Path.Combine(folder, "a-first.ipynb"), Executed.Replace("\"intro\"", "\"other\"", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "a-first.html"), "<html></html>");

            var cells = StudyCell.Read(folder);

            // 10:00:59.75 → 10:01:00.25 is 0.5 s; 10:01:00.25 → 10:01:06.5 is 6.25 s; the last cell did not run.
            Assert.Equal(
            [
                new StudyCell("a-first", 2, "load", "var x = 1;", 0.5), new StudyCell("a-first", 3, "slow", "Thread.Sleep(6250); // a | b", 6.25),
                new StudyCell("b-second", 2, "load", "var x = 1;", 0.5), new StudyCell("b-second", 3, "slow", "Thread.Sleep(6250); // a | b", 6.25),
            ], cells);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ACellsSecondsOverRunsAreMatchedByNotebookAndIdAndOnlyAMedianOverFiveSecondsIsOver()
    {
        StudyCell[] first = [new("06-tuning", 12, "grid", "var grid", 6), new("05-models", 4, "fit", "var fit", 5), new("06-tuning", 3, "load", "var x", 1)];
        StudyCell[] second = [new("06-tuning", 13, "grid", "var grid", 4), new("05-models", 4, "fit", "var fit", 5.1), new("06-tuning", 3, "load", "var x", 3)];
        StudyCell[] third = [new("06-tuning", 13, "grid", "var grid", 7), new("05-models", 4, "fit", "var fit", 4.9), new("06-tuning", 3, "load", "var x", 2)];

        var cells = CellSeconds.Of([first, second, third]);

        Assert.Equal(
        [
            new CellSeconds("05-models", 4, "fit", "var fit", new Spread(5, 4.9, 5.1)), new CellSeconds("06-tuning", 3, "load", "var x", new Spread(2, 1, 3)),
            new CellSeconds("06-tuning", 13, "grid", "var grid", new Spread(6, 4, 7)),
        ], cells);
        Assert.Equal(["grid"], CellSeconds.OverTarget(cells).Select(c => c.Id));
    }

    [Theory]
    [InlineData("x | y", "`x \\| y`")]
    [InlineData("Console.WriteLine(`a`)", "`` Console.WriteLine(`a`) ``")]
    [InlineData("", "")]
    [InlineData("var selection = StabilitySelection.Run(wdbc, rows, folds, seed: 1, repeats: 100);",
        "`var selection = StabilitySelection.Run(wdbc, rows, folds, s…`")]
    public void AFirstLineIsCutToSixtyCharactersAndEscapedForAMarkdownTable(string line, string shown) =>
        Assert.Equal(shown, StudyCellTable.Code(line));
}
