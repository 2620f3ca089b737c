using BreastCancer.Bench;

namespace BreastCancer.Bench.Tests;

public class StudyCellsCommandTests
{
    [Fact]
    public void TwoFoldersAreShownBeforeAndAfterWithCellsMatchedById()
    {
        StudyCell[] before = [new("06-tuning", 12, "grid", "var grid = GridSearch.Run(x, y);", 6), new("06-tuning", 3, "load", "var x = 1;", 0.5)];
        StudyCell[] after = [new("06-tuning", 13, "grid", "var grid = GridSearch.Run(x, y);", 2), new("06-tuning", 3, "load", "var x = 1;", 0.25), new("06-tuning", 4, "new", "var shared = 2;", 0.75)];

        var lines = StudyCellsCommand.Lines(["old", "new"], [before, after]).ToList();

        Assert.Equal(
        [
            "Code cells of old (before) and new (after):",
            "",
            "| notebook | before s | after s |",
            "|---|---|---|",
            "| 06-tuning | 6.50 | 3.00 |",
            "| all | 6.50 | 3.00 |",
            "",
            "Code cells over 5 s: before 1 of 2, after 0 of 3.",
            "",
            "| notebook | cell | first line | before s | after s |",
            "|---|---|---|---|---|",
            "| 06-tuning | 12 → 13 | `var grid = GridSearch.Run(x, y);` | 6.00 | 2.00 |",
            "| 06-tuning | 4 | `var shared = 2;` |  | 0.75 |",
            "| 06-tuning | 3 | `var x = 1;` | 0.50 | 0.25 |",
        ], lines);
    }
}
