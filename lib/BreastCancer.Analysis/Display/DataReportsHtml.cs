using System.Globalization;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Consistency;
using BreastCancer.Analysis.Data.Splits;

namespace BreastCancer.Analysis.Display;

/// <summary>HTML views of the <c>Data</c> area's result records: validation, missing values, duplicates, consistency, the held-out split.</summary>
public static class DataReportsHtml
{
    private const int MaxListed = 25;

    /// <summary>Every finding with its severity, line, column and value; the first <c>25</c> only when there are more.</summary>
    public static string Render(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = $"{Path.GetFileName(report.File)}: {report.Errors.Count} errors, {report.Warnings.Count} warnings"
            + (report.Findings.Count > MaxListed ? $" (first {MaxListed} shown)" : "");
        return HtmlTable.Paragraph(summary) + HtmlTable.Render("bc-validation", ["severity", "line", "column", "value", "finding"],
            report.Findings.Take(MaxListed).Select(f => (IReadOnlyList<string>)
                [f.Severity.ToString().ToLowerInvariant(), f.Line?.ToString(CultureInfo.InvariantCulture) ?? "", f.Column ?? "", f.Value ?? "", f.Message]));
    }

    /// <summary>Missing cells per feature (features with some), the patterns, and incomplete rows per class.</summary>
    public static string Render(MissingValueSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{summary.MissingCells} missing cells in {summary.IncompleteRows} of {summary.Rows} rows ({summary.IncompleteRows / (double)summary.Rows:P1}); incomplete rows: {summary.IncompleteByClass["M"]} malignant, {summary.IncompleteByClass["B"]} benign");
        return HtmlTable.Paragraph(text)
            + HtmlTable.Render("bc-missing", ["feature", "missing cells"], summary.ByFeature.Where(f => f.Missing > 0).Select(f => (IReadOnlyList<string>)[f.Feature, Numbers.Count(f.Missing)]), "by feature")
            + HtmlTable.Render("bc-missing", ["missing together", "rows"], summary.Patterns.Select(p => (IReadOnlyList<string>)[string.Join(", ", p.Features), Numbers.Count(p.Rows)]), "patterns");
    }

    /// <summary>Counts of exact copies and repeated ids, then the repeated ids with their lines and diagnoses.</summary>
    public static string Render(DuplicateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = $"{report.RowsCopyingAnother} rows are exact copies of an earlier row ({report.ExactCopies.Count} groups); "
            + $"{report.RowsRepeatingAnId} rows repeat an earlier row's id ({report.RepeatedIds.Count} ids occur more than once); "
            + $"{report.ConflictingIds.Count} repeated ids carry both diagnoses"
            + (report.RepeatedIds.Count > MaxListed ? $" (first {MaxListed} ids listed)" : "");
        return HtmlTable.Paragraph(text) + HtmlTable.Render("bc-duplicates", ["id", "rows", "lines", "malignant", "benign"],
            report.RepeatedIds.Take(MaxListed).Select(r => (IReadOnlyList<string>)
                [r.Id, Numbers.Count(r.Lines.Count), string.Join(", ", r.Lines), Numbers.Count(r.Malignant), Numbers.Count(r.Benign)]));
    }

    /// <summary>One line per check: rule, tolerance, rows checked, violations and the worst of them.</summary>
    public static string Render(ConsistencyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return HtmlTable.Render("bc-consistency", ["check", "tolerance", "rows checked", "violations", "worst (line: observed vs expected)"],
            report.Results.Select(r => (IReadOnlyList<string>)
            [
                r.Name, r.Tolerance, Numbers.Count(r.RowsChecked), Numbers.Count(r.Violations.Count),
                string.Join("; ", r.Violations.Take(3).Select(v => string.Create(CultureInfo.InvariantCulture, $"line {v.Line}: {v.Observed:G4} vs {v.Expected:G4}"))),
            ]));
    }

    /// <summary>The sizes and class balance of the two sides of a held-out split.</summary>
    public static string Render(HeldOutSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return HtmlTable.Render("bc-split", ["part", "rows", "malignant", "benign", "malignant share"],
        [
            Side("training (all work before the final test)", split.Train.Count, split.TrainMalignant),
            Side("held out", split.Test.Count, split.TestMalignant),
        ], string.Create(CultureInfo.InvariantCulture, $"held-out split: {split.TestFraction:P0} asked, seed {split.Seed}"));

        static IReadOnlyList<string> Side(string name, int rows, int malignant) =>
            [name, Numbers.Count(rows), Numbers.Count(malignant), Numbers.Count(rows - malignant), string.Create(CultureInfo.InvariantCulture, $"{malignant / (double)rows:P1}")];
    }
}
