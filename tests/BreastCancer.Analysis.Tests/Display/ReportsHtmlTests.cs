using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Consistency;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Tests.Display;

public sealed class ReportsHtmlTests
{
    [Fact]
    public void A_validation_report_lists_each_finding_with_line_column_and_encoded_value()
    {
        var report = new ValidationReport("/x/data.csv",
        [
            new ValidationFinding(Severity.Error, "/x/data.csv", 5, "texture_mean", "<2O>", "not a number"),
            new ValidationFinding(Severity.Warning, "/x/data.csv", 9, "bare_nuclei", "", "missing value"),
        ]);

        var html = DataReportsHtml.Render(report);

        Assert.Contains("<p>data.csv: 1 errors, 1 warnings</p>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>error</td><td>5</td><td>texture_mean</td><td>&lt;2O&gt;</td><td>not a number</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>warning</td><td>9</td><td>bare_nuclei</td><td></td><td>missing value</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_held_out_split_shows_each_side_with_its_class_balance()
    {
        var split = new HeldOutSplit([0, 1, 2, 3, 4, 5, 6, 7], [8, 9], 0.2, 7, TrainMalignant: 3, TestMalignant: 1);

        var html = DataReportsHtml.Render(split);

        Assert.Contains("<td>8</td><td>3</td><td>5</td><td>37.5 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td><td>1</td><td>1</td><td>50.0 %</td>", html, StringComparison.Ordinal);
        Assert.Contains("seed 7", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consistency_report_shows_counts_and_the_worst_rows()
    {
        var report = new ConsistencyReport("w.csv",
        [
            new ConsistencyResult("area", "rule", "exact", null, 10, [new ConsistencyViolation(3, 5, 2.5, 3, 0.5)]),
            new ConsistencyResult("radius", "rule", "exact", null, 10, []),
        ]);

        var html = DataReportsHtml.Render(report);

        Assert.Contains("<tr><td>area</td><td>exact</td><td>10</td><td>1</td><td>line 5: 2.5 vs 3</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>radius</td><td>exact</td><td>10</td><td>0</td><td></td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grouping_leak_shows_both_protocols_and_the_signed_difference()
    {
        var grouped = new CrossValidationResult("p", [Score(0, 0.9, 0.95), Score(1, 1.0, 0.97)]);
        var ungrouped = new CrossValidationResult("p", [Score(0, 0.9, 0.93), Score(1, 0.9, 0.97)]);

        var html = EvaluationHtml.Render(new GroupingLeak("p", grouped, ungrouped, 0.125));

        Assert.Contains("<td>grouped by patient</td><td>0.9500 &#177; 0.0707</td><td>0.9600 &#177; 0.0141</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>optimism (ungrouped − grouped)</td><td>−0.0500</td><td>−0.0100</td>", html, StringComparison.Ordinal);
        Assert.Contains("12.5 % of test rows", html, StringComparison.Ordinal);
    }

    private static FoldScore Score(int fold, double accuracy, double rocAuc) =>
        new(0, fold, 90, [], [], [], new ClassificationMetrics(new ConfusionCounts(0, 0, 0, 0), accuracy, 0, 0, 0, 0, 0, 0, rocAuc, 0, 0, 0), null, TimeSpan.Zero);
}
