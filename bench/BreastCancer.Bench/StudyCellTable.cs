using System.Globalization;

namespace BreastCancer.Bench;

/// <summary>
/// Markdown tables of code cells' seconds, for the study's section of <c>bench/results.md</c> and for
/// <c>bench study-cells</c>: one seconds column per side (our runs of the study; or two executed folders, before and
/// after), cells matched across sides by notebook and cell id.
/// </summary>
internal static class StudyCellTable
{
    /// <summary>How many cells the slowest-cells table lists.</summary>
    public const int Listed = 10;

    /// <summary>The longest first line shown in full; longer ones are cut and end in "…".</summary>
    private const int FirstLineShown = 60;

    /// <summary>
    /// The <paramref name="count"/> cells whose median is largest on any side, slowest first (ties in notebook and
    /// document order): notebook, cell number (the sides' numbers joined by → where the cell moved), first line of
    /// code, then each side's median seconds with [min–max] when a side has several runs, under the side's heading.
    /// </summary>
    public static IEnumerable<string> Slowest(IReadOnlyList<(string Heading, IReadOnlyList<CellSeconds> Cells)> sides, int count = Listed)
    {
        yield return $"| notebook | cell | first line | {string.Join(" | ", sides.Select(s => s.Heading))} |";
        yield return "|---|---|---|" + string.Concat(sides.Select(_ => "---|"));
        var cells = sides.SelectMany(s => s.Cells).GroupBy(c => (c.Notebook, c.Id))
            .OrderByDescending(g => g.Max(c => c.Seconds.Median)).ThenBy(g => g.Key.Notebook, StringComparer.Ordinal).ThenBy(g => g.Last().Cell)
            .Take(count);
        foreach (var cell in cells)
        {
            var seconds = sides.Select(s => s.Cells.FirstOrDefault(c => c.Notebook == cell.Key.Notebook && c.Id == cell.Key.Id)?.Seconds is { } spread ? Seconds(spread) : "");
            var numbers = string.Join(" → ", cell.Select(c => c.Cell.ToString(CultureInfo.InvariantCulture)).Distinct());
            yield return $"| {cell.Key.Notebook} | {numbers} | {Code(cell.Last().FirstLine)} | {string.Join(" | ", seconds)} |";
        }
    }

    /// <summary>A cell as the list of misses names it: <c>06-tuning cell 12 (7.31 s)</c>.</summary>
    public static string Describe(CellSeconds cell) => string.Create(CultureInfo.InvariantCulture, $"{cell.Notebook} cell {cell.Cell} ({cell.Seconds.Median:F2} s)");

    /// <summary>The median, and [min–max] when the runs differ, to the hundredth of a second.</summary>
    public static string Seconds(Spread seconds) => seconds.Min == seconds.Max ? seconds.Median.ToString("F2", CultureInfo.InvariantCulture) : seconds.Format("F2");

    /// <summary>A line of code as a Markdown table shows it: cut to <see cref="FirstLineShown"/> characters, in a code span, its pipes escaped.</summary>
    public static string Code(string line)
    {
        var shown = (line.Length <= FirstLineShown ? line : line[..(FirstLineShown - 1)] + "…").Replace("|", "\\|", StringComparison.Ordinal);
        return shown.Length == 0 ? "" : shown.Contains('`', StringComparison.Ordinal) ? $"`` {shown} ``" : $"`{shown}`";
    }
}
