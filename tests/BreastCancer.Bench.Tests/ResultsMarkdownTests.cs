using BreastCancer.Bench;

namespace BreastCancer.Bench.Tests;

public class ResultsMarkdownTests
{
    private static readonly ComparisonRow Fast = new("cv:fast", "the fast row", "ours", "peer", null, _ => () => new RowOutcome(null, null, "", null));

    private static readonly ComparisonRow Slow = Fast with { Key = "cv:slow", Title = "the slow row" };

    private static BenchResults Results(params TimedComparison[] rows) =>
        new(5, new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(42), ["2 cores"], "0.10 0.20 0.30", "1.00 1.10 1.20", rows, null, [], [], null, [], []);

    private static TimedComparison Row(ComparisonRow row, double ours, double peer, double ourAccuracy = 0.97) =>
        new(row, new RowTiming([ours, ours, ours], ourAccuracy, 0.99, "30 folds"), 80, new RowTiming([peer, peer, peer], 0.97, 0.99, "30 folds"), 100);

    [Fact]
    public void EachRowShowsBothSidesTheRatioAndTheVerdict()
    {
        var text = ResultsMarkdown.Render(Results(Row(Fast, 1, 2), Row(Slow, 3, 2)));

        Assert.Contains("| the fast row | 1.000 [1.000–1.000] | 2.000 [2.000–2.000] | 0.50 | 0.9700 | 0.9700 | 0.9900 | 0.9900 | 80 | 100 | met |", text, StringComparison.Ordinal);
        Assert.Contains("| the slow row | 3.000 [3.000–3.000] | 2.000 [2.000–2.000] | 1.50 | ", text, StringComparison.Ordinal);
        Assert.Contains("- load average (1, 5, 15 min) before: 0.10 0.20 0.30; after: 1.00 1.10 1.20", text, StringComparison.Ordinal);
        Assert.Contains("the run took 42 min", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheRowsThatMissAreListedWithWhy()
    {
        var text = ResultsMarkdown.Render(Results(Row(Fast, 1, 2), Row(Slow, 3, 2, ourAccuracy: 0.96)));
        var misses = text[text.IndexOf("## Rows that miss their target", StringComparison.Ordinal)..];

        Assert.Contains("- the slow row: 1.50× the peer's time; accuracy 0.0100 below the peer's", misses, StringComparison.Ordinal);
        Assert.DoesNotContain("the fast row", misses, StringComparison.Ordinal);
    }

    [Fact]
    public void NoMissIsSaid()
    {
        var text = ResultsMarkdown.Render(Results(Row(Fast, 1, 2)));

        Assert.EndsWith("## Rows that miss their target\n\nNone.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnfinishedOrPartialRunSaysSo()
    {
        var text = ResultsMarkdown.Render(Results(Row(Fast, 1, 2)) with { Pending = ["study"], Skipped = ["serve", "batch"] });

        Assert.Contains("**Incomplete: the run stopped, or has not yet reached, `study`.**", text, StringComparison.Ordinal);
        Assert.Contains("**Partial: `--only` left out `serve`, `batch`.**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerThanFiveRunsIsMarkedATrial()
    {
        Assert.Contains("(fewer than the 5 runs a report needs: a trial)", ResultsMarkdown.Render(Results(Row(Fast, 1, 2)) with { Runs = 3 }), StringComparison.Ordinal);
        Assert.DoesNotContain("a trial", ResultsMarkdown.Render(Results(Row(Fast, 1, 2))), StringComparison.Ordinal);
    }

    [Fact]
    public void AGapTooSmallForFourDecimalsIsShownInFull()
    {
        var row = Row(Slow, 1, 2) with { Ours = new RowTiming([1, 1, 1], 0.97, 0.994221, ""), Peer = new RowTiming([2, 2, 2], 0.97, 0.994223, "") };

        Assert.Contains("- the slow row: ROC AUC 2.0E-6 below the peer's", ResultsMarkdown.Render(Results(row)), StringComparison.Ordinal);
    }

    [Fact]
    public void ServingShowsEachLayoutWithTheCeilingBesideBothSidesAndMissesBelowTenTimes()
    {
        static ServeSide Side(double rate, double p99, double cpu) =>
            new([new WrkResult(rate, 1, p99, (long)(rate * 10), 0, 0), new WrkResult(rate, 1, p99, (long)(rate * 10), 0, 0)], [cpu, cpu], 100);
        var serve = new ServeFigures(ServeLayout.Shared, Side(8000, 20, 0.1), Side(2000, 19, 0.7), Side(30000, 9, 0.03), 4e-4, 114, 114, "1.00", "2.00");
        var pinned = serve with { Layout = ServeLayout.Pinned, Ours = Side(12000, 4, 0.08), Peer = Side(1000, 30, 0.9) };

        var text = ResultsMarkdown.Render(Results() with { Serve = [serve, pinned] });

        string[] expected =
        [
            "| ours, `GET /health` (ceiling) | 30000 [30000–30000] | 1.00 [1.00–1.00] | 9.00 [9.00–9.00] | 0.030 [0.030–0.030] | 0 | same process |",
            "| ratio ours / peer | 4.0× |", "15.0× the peer's requests/s, p99 9.0 ms", "- prediction serving, shared cores: 4.0× the peer's requests/s",
            "## Prediction serving, pinned cores:", "taskset -c 0 wrk -t1", "gunicorn -w 1", "| ratio ours / peer | 12.0× |",
        ];
        Assert.All(expected, line => Assert.Contains(line, text, StringComparison.Ordinal));
        Assert.DoesNotContain("- prediction serving, pinned cores", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DashboardLoadsShowEachStoreAndMissWhenAMedianReachesFiftyMilliseconds()
    {
        static Spread Ms(params double[] values) => Spread.Of(values);
        var small = new DashboardFigures(10_000, 4, 0.4, Ms(12, 20, 16), Ms(5, 6, 7), Ms(18, 20, 22), Ms(4, 6), Ms(110, 120));
        var large = small with { Predictions = 1_000_000, StoreMiB = 402, AfterPredictionMs = Ms(45, 55, 60) };

        var text = ResultsMarkdown.Render(Results() with { Dashboard = [small, large] });

        Assert.Contains("| 10,000 | 4 | 0.4 | 16.0 [12.0–20.0] | 6.0 [5.0–7.0] | 20.0 [18.0–22.0] | 5 [4–6] | 115 [110–120] |", text, StringComparison.Ordinal);
        Assert.Contains("| 1,000,000 | 402 | 0.4 | ", text, StringComparison.Ordinal);
        Assert.Contains("- dashboard loads at 1,000,000 stored predictions: cold 16.0 ms, warm 6.0 ms, after a prediction 55.0 ms (under 50 ms asked)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("- dashboard loads at 10,000", text, StringComparison.Ordinal);
    }

    private static StudyFigures Study(double ourSeconds, params (string Notebook, int Cell, string Id, string FirstLine, double[] Seconds)[] cells)
    {
        static MeasuredProcess Process(double seconds) => new("", "", 0, seconds, 1000, seconds * 1.5);
        var steps = new Dictionary<string, double> { ["01-data"] = 10 };
        var model = new StudyHeldOut("logistic regression, L2 (l2 = 3)", 0.9737, 0.9957);
        return new StudyFigures([.. Enumerable.Repeat(Process(ourSeconds), 3)], [.. Enumerable.Repeat(Process(100), 3)], [steps, steps, steps], [steps, steps, steps],
            [.. Enumerable.Range(0, 3).Select(run => (IReadOnlyList<StudyCell>)[.. cells.Select(c => new StudyCell(c.Notebook, c.Cell, c.Id, c.FirstLine, c.Seconds[run]))])], model, model);
    }

    [Fact]
    public void TheStudyListsItsTenSlowestCellsCountsThoseOverFiveSecondsAndMissesOnThemAlone()
    {
        const string Long = "var frequencies = StabilitySelection.Run(wdbc, rows, folds, seed: 1, repeats: 100);";
        var small = Enumerable.Range(1, 10).Select(i => ("02-eda", i + 1, $"small-{i}", $"var v{i} = {i};", new[] { i / 10.0, i / 10.0, i / 10.0 }));
        var study = Study(50, [("06-tuning", 12, "grid", "var grid = GridSearch.Run(x | y);", [6, 4, 7]), ("04-features", 9, "frequencies", Long, [5, 5, 5]), ("01-data", 5, "leak", "var leak = 1;", [1.5, 9, 1.5]), .. small]);

        var text = ResultsMarkdown.Render(Results() with { Study = study });
        var misses = text[text.IndexOf("## Rows that miss their target", StringComparison.Ordinal)..];

        Assert.Contains("Target: **missed**.", text, StringComparison.Ordinal);
        Assert.Contains("Code cells over 5 s (median over our runs): **1** of 13. Our 10 slowest code cells", text, StringComparison.Ordinal);
        string[] rows =
        [
            "| notebook | cell | first line | ours s |",
            "| 06-tuning | 12 | `var grid = GridSearch.Run(x \\| y);` | 6.00 [4.00–7.00] |",
            "| 04-features | 9 | `var frequencies = StabilitySelection.Run(wdbc, rows, folds,…` | 5.00 |",
            "| 01-data | 5 | `var leak = 1;` | 1.50 [1.50–9.00] |",
            "| 02-eda | 11 | `var v10 = 10;` | 1.00 |",
            "| 02-eda | 5 | `var v4 = 4;` | 0.40 |",
        ];
        var at = rows.Select(row => text.IndexOf(row, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i > 0, string.Join("\n", rows)));
        Assert.Equal(at.Order(), at);
        Assert.DoesNotContain("`var v3 = 3;`", text, StringComparison.Ordinal);
        Assert.Contains("- the whole study's code cells over 5 s (none asked): 06-tuning cell 12 (6.00 s)\n", misses, StringComparison.Ordinal);
        Assert.DoesNotContain("- the whole study: ", misses, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStudyMeetsItsTargetWhenFastNoSlowerThanThePeerAndNoCellIsOverFiveSeconds()
    {
        var text = ResultsMarkdown.Render(Results() with { Study = Study(50, ("04-features", 9, "frequencies", "var f = 1;", [5, 5, 5.5])) });

        Assert.Contains("Target: met.", text, StringComparison.Ordinal);
        Assert.Contains("Code cells over 5 s (median over our runs): **0** of 1.", text, StringComparison.Ordinal);
        Assert.EndsWith("## Rows that miss their target\n\nNone.\n", text, StringComparison.Ordinal);
    }
}
