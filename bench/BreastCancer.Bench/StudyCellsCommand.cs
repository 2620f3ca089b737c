using System.Globalization;

namespace BreastCancer.Bench;

/// <summary>
/// <c>study-cells DIR [DIR2]</c>: where a run of the study spent its time, read from the notebooks the runner executed
/// into a folder (<c>Workbook run --out DIR</c>), printed as Markdown: each notebook's seconds in its code cells, the
/// count of code cells over <see cref="StudyComparison.CellTargetSeconds"/> and the <see cref="StudyCellTable.Listed"/>
/// slowest cells. With DIR2, the two folders side by side, DIR before and DIR2 after, cells matched by notebook and
/// cell id: a change's before and after from two kept folders, without rerunning the old commit.
/// </summary>
internal static class StudyCellsCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count is < 1 or > 2)
        {
            return Usage("one or two folders");
        }

        if (args.FirstOrDefault(d => !Directory.Exists(d)) is { } absent)
        {
            return Usage($"no folder {absent}");
        }

        var runs = args.Select(StudyCell.Read).ToList();
        if (args.Zip(runs).FirstOrDefault(f => f.Second.Count == 0) is { First: { } empty })
        {
            return Usage($"{empty} holds no executed notebook with cell times");
        }

        foreach (var line in Lines(args, runs))
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    /// <summary>The report on <paramref name="runs"/>, one per folder of <paramref name="folders"/>: before and after when there are two.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<string> folders, IReadOnlyList<IReadOnlyList<StudyCell>> runs)
    {
        var names = runs.Count == 1 ? [""] : new[] { "before", "after" };
        var headings = names.Select(n => (n + " s").TrimStart()).ToList();
        yield return $"Code cells of {string.Join(" and ", folders.Zip(names, (f, n) => n.Length == 0 ? f : $"{f} ({n})"))}:";
        yield return "";
        yield return $"| notebook | {string.Join(" | ", headings)} |";
        yield return "|---|" + string.Concat(runs.Select(_ => "---|"));
        foreach (var notebook in runs.SelectMany(r => r).Select(c => c.Notebook).Distinct().Order(StringComparer.Ordinal))
        {
            yield return $"| {notebook} | {string.Join(" | ", runs.Select(r => r.Any(c => c.Notebook == notebook) ? F($"{r.Where(c => c.Notebook == notebook).Sum(c => c.Seconds):F2}") : ""))} |";
        }

        yield return $"| all | {string.Join(" | ", runs.Select(r => F($"{r.Sum(c => c.Seconds):F2}")))} |";
        yield return "";
        var cells = runs.Select(r => CellSeconds.Of([r])).ToList();
        yield return F($"Code cells over {StudyComparison.CellTargetSeconds:F0} s: {string.Join(", ", names.Zip(cells, (n, c) => $"{n} {CellSeconds.OverTarget(c).Count} of {c.Count}".TrimStart()))}.");
        yield return "";
        foreach (var row in StudyCellTable.Slowest([.. headings.Zip(cells)]))
        {
            yield return row;
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"bench study-cells: {problem}. Usage: study-cells DIR [DIR2]: the executed notebooks of a runner's folder (Workbook run --out DIR); with DIR2, DIR before and DIR2 after");
        return 2;
    }
}
