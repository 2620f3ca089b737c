using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Tuning;

public sealed class HyperparameterSearchTests
{
    /// <summary>A rule with two settings: malignant when the first feature, as standardised by the pipeline, exceeds <c>cut</c>.</summary>
    private static readonly CatalogueModel CutRule = new("cut rule", new Dictionary<string, double> { ["cut"] = 0, ["steepness"] = 20 }, h => new CutClassifier(h["cut"], h["steepness"]));

    [Fact]
    public void The_grid_search_finds_the_known_best_setting_of_a_synthetic_problem()
    {
        var (rows, labels) = Synthetic();
        var folds = StratifiedGroupKFold.Split(labels, null, 5, seed: 1);
        double[] cuts = [-1.0, -0.5, 0, 0.6, 1.2, 1.8];

        var search = HyperparameterSearch.Grid(CutRule, [("cut", cuts), ("steepness", [5.0, 20.0])], rows, labels, folds, Metric.Accuracy, seed: 1);

        Assert.Equal(12, search.Fits.Count);
        Assert.Equal([-1.0, -1.0, -0.5], search.Fits.Take(3).Select(f => f.Parameters["cut"]));
        Assert.Equal([5.0, 20.0, 5.0], search.Fits.Take(3).Select(f => f.Parameters["steepness"]));
        Assert.Equal(0.6, search.Best.Parameters["cut"]);
        Assert.Equal(1.0, search.Best.Mean);
        Assert.Equal(0.6, search.BestModel.Hyperparameters["cut"]);
        Assert.All(search.Fits.Where(f => f.Parameters["cut"] != 0.6), f => Assert.True(f.Mean < 1.0));
        var refitted = search.Refitted.PredictProbability(rows);
        Assert.Equal(labels, refitted.Select(p => p >= 0.5));
    }

    [Fact]
    public void A_metric_where_lower_is_better_picks_the_lowest_mean()
    {
        var (rows, labels) = Synthetic();
        var folds = StratifiedGroupKFold.Split(labels, null, 4, seed: 2);

        var search = HyperparameterSearch.Grid(CutRule, [("cut", [-0.5, 0.6, 1.8])], rows, labels, folds, Metric.Brier, seed: 1);

        Assert.Equal(search.Fits.Min(f => f.Mean), search.Best.Mean);
        Assert.Equal(0.6, search.Best.Parameters["cut"]);
    }

    [Fact]
    public void A_random_search_draws_within_its_distributions_and_the_same_seed_draws_the_same_settings()
    {
        var (rows, labels) = Synthetic();
        var folds = StratifiedGroupKFold.Split(labels, null, 3, seed: 3);
        ParameterDistribution[] space = [ParameterDistribution.Uniform("cut", -1, 1), ParameterDistribution.LogUniform("steepness", 0.1, 100)];

        var first = HyperparameterSearch.Random(CutRule, space, 25, rows, labels, folds, Metric.RocAuc, seed: 7);
        var again = HyperparameterSearch.Random(CutRule, space, 25, rows, labels, folds, Metric.RocAuc, seed: 7);

        Assert.Equal(first.Fits.Select(f => f.Parameters["cut"]), again.Fits.Select(f => f.Parameters["cut"]));
        Assert.All(first.Fits, f => Assert.InRange(f.Parameters["cut"], -1, 1));
        Assert.All(first.Fits, f => Assert.InRange(f.Parameters["steepness"], 0.1, 100));
        Assert.Contains(first.Fits, f => f.Parameters["steepness"] < 1);
        Assert.Contains(first.Fits, f => f.Parameters["steepness"] > 10);
        var whole = ParameterDistribution.WholeNumber("trees", 2, 4);
        var choice = ParameterDistribution.Choice("leaves", 8, 32);
        var random = new Random(1);
        Assert.Equal([2.0, 3.0, 4.0], Enumerable.Range(0, 200).Select(_ => whole.Sample(random)).Distinct().Order());
        Assert.Equal([8.0, 32.0], Enumerable.Range(0, 50).Select(_ => choice.Sample(random)).Distinct().Order());
    }

    [Fact]
    public void A_search_gives_identical_results_for_one_and_two_workers_and_reports_its_progress()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var folds = StratifiedGroupKFold.Split(wdbc.IsMalignant, null, 3, seed: 4);
        (string, IReadOnlyList<double>)[] grid = [("C", [0.3, 3.0]), ("gamma", [0.01, 0.1])];
        var reports = new List<SearchProgress>();

        var one = HyperparameterSearch.Grid(ModelCatalogue.RbfSvm, grid, wdbc.ToArray(), wdbc.IsMalignant, folds, Metric.RocAuc, seed: 2, workers: 1, progress: new ProgressLog<SearchProgress>(reports));
        var two = HyperparameterSearch.Grid(ModelCatalogue.RbfSvm, grid, wdbc.ToArray(), wdbc.IsMalignant, folds, Metric.RocAuc, seed: 2, workers: 2);

        Assert.Equal(one.Fits.SelectMany(f => f.FoldScores), two.Fits.SelectMany(f => f.FoldScores));
        Assert.Equal(one.BestIndex, two.BestIndex);
        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.Completed).Order());
        Assert.All(reports, r => Assert.Equal(4, r.Total));
    }

    [Fact]
    public void Each_settings_fold_scores_are_those_of_cross_validating_its_whole_pipeline_on_its_own()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var rows = wdbc.ToArray().Select((row, i) => i % 7 == 0 ? [.. row.Select((v, j) => j == i % row.Length ? double.NaN : v)] : row).ToArray();
        var folds = StratifiedGroupKFold.Split(wdbc.IsMalignant, null, 4, seed: 3);
        (string, IReadOnlyList<double>)[] grid = [("C", [0.3, 3.0]), ("gamma", [0.01, 0.1])];

        var search = HyperparameterSearch.Grid(ModelCatalogue.RbfSvmMargin, grid, rows, wdbc.IsMalignant, folds, Metric.LogLoss, seed: 5);

        Assert.Contains(rows, row => row.Any(double.IsNaN));
        foreach (var fit in search.Fits)
        {
            var alone = ModelCatalogue.RbfSvmMargin.With("C", fit.Parameters["C"]).With("gamma", fit.Parameters["gamma"]);
            var crossValidated = CrossValidation.Run(alone.Pipeline(), rows, wdbc.IsMalignant, folds, seed: 5);
            Assert.Equal(crossValidated.Values(Metric.LogLoss), fit.FoldScores);
        }
    }

    [Fact]
    public void Nested_cross_validation_chooses_inside_each_outer_fold_and_scores_the_choice_on_its_test_rows()
    {
        var (rows, labels) = Synthetic();
        var outer = StratifiedGroupKFold.Split(labels, null, 5, seed: 5, repeats: 2);
        var reports = new List<NestedProgress>();

        var nested = NestedCrossValidation.Grid(CutRule, [("cut", [-1.0, 0, 0.6, 1.8])], rows, labels, outer, innerFolds: 3, Metric.Accuracy, seed: 1,
            progress: new ProgressLog<NestedProgress>(reports));

        Assert.Equal(10, nested.Folds.Count);
        Assert.All(nested.Folds, f => Assert.Equal(0.6, f.Chosen["cut"]));
        var (setting, times) = Assert.Single(nested.Choices);
        Assert.Equal(0.6, setting["cut"]);
        Assert.Equal(10, times);
        Assert.Equal(1.0, nested.Outer(Metric.Accuracy).Mean);
        Assert.Equal(nested.Folds.Average(f => f.InnerScore - f.Outer.Accuracy), nested.Optimism, 12);
        Assert.Equal(outer.Select(f => f.Test.Count), nested.Folds.Select(f => f.TestRows));
        Assert.All(nested.Folds, f => Assert.Equal(4, f.SettingsTried));
        Assert.All(nested.Folds, f =>
        {
            Assert.Equal(3, f.InnerFolds.Count);
            Assert.Equal(Enumerable.Range(0, f.TrainingRows), f.InnerFolds.SelectMany(i => i.Test).Order());
            Assert.All(f.InnerFolds, i => Assert.Equal(f.TrainingRows, i.Train.Count + i.Test.Count));
        });
        Assert.Equal(Enumerable.Range(1, 10), reports.Select(r => r.Completed));
    }

    [Fact]
    public void The_inner_search_never_sees_a_row_of_the_outer_test_fold_and_the_check_would_catch_it_if_it_did()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var outer = StratifiedGroupKFold.Split(wdbc.IsMalignant, null, 4, seed: 6)[0];
        var test = outer.Test.ToHashSet();
        var rows = wdbc.ToArray().Select((r, i) => (double[])[.. r, test.Contains(i) ? 1 : 0]).ToArray();
        var spy = new MarkerSpy(^1);
        var model = new CatalogueModel("marker spy", new Dictionary<string, double> { ["k"] = 1 }, _ => spy);

        NestedCrossValidation.Grid(model, [("k", [1.0, 2.0])], rows, wdbc.IsMalignant, [outer], innerFolds: 3, Metric.Accuracy, seed: 1);

        Assert.True(spy.Fits > 0);
        Assert.Equal(0, spy.FitsThatSawAMarkedRow);
        HyperparameterSearch.Grid(model, [("k", [1.0])], rows, wdbc.IsMalignant, StratifiedGroupKFold.Split(wdbc.IsMalignant, null, 3, seed: 1), Metric.Accuracy, seed: 1);
        Assert.True(spy.FitsThatSawAMarkedRow > 0, "a search over all rows sees the marked rows, so the check can fail");
    }

    [Fact]
    public void Nested_procedures_on_the_same_outer_folds_are_compared_fold_by_fold_against_the_best()
    {
        var (rows, labels) = Synthetic();
        var outer = StratifiedGroupKFold.Split(labels, null, 5, seed: 5, repeats: 2);
        var good = NestedCrossValidation.Grid(CutRule, [("cut", [0.6])], rows, labels, outer, innerFolds: 3, Metric.Accuracy, seed: 1);
        var poor = NestedCrossValidation.Grid(CutRule, [("cut", [-0.5])], rows, labels, outer, innerFolds: 3, Metric.Accuracy, seed: 1);

        var paired = NestedCrossValidation.Paired(Metric.Accuracy, [poor, good]);

        var comparison = Assert.Single(paired.Comparisons);
        Assert.Equal("cut rule", paired.Reference);
        Assert.Equal(poor.Folds.Zip(good.Folds, (p, g) => p.Outer.Accuracy - g.Outer.Accuracy).Average(), comparison.Test.MeanDifference, 12);
        Assert.True(comparison.Test.MeanDifference < 0);
        var otherFolds = NestedCrossValidation.Grid(CutRule, [("cut", [0.6])], rows, labels, outer.Take(5).ToList(), innerFolds: 3, Metric.Accuracy, seed: 1);
        Assert.Throws<ArgumentException>(() => NestedCrossValidation.Paired(Metric.Accuracy, [good, otherFolds]));
    }

    [Fact]
    public void Ordered_progress_shows_reports_at_once_and_drops_any_older_than_one_shown()
    {
        var shown = new List<int>();
        var progress = new OrderedProgress<SearchProgress>(p => shown.Add(p.Completed));
        var fit = new SearchFit(new Dictionary<string, double> { ["C"] = 3, ["gamma"] = 0.01 }, [0.99, 1.0], 0.995, 0.007, TimeSpan.Zero);

        foreach (var completed in new[] { 2, 1, 3, 5, 4 })
        {
            progress.Report(new SearchProgress(completed, 5, fit));
        }

        Assert.Equal([2, 3, 5], shown);
        Assert.Equal("5 of 5 settings scored; last: C = 3, gamma = 0.01 → 0.9950 ± 0.0070", new SearchProgress(5, 5, fit).ToString());
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 10, 10)]
    [InlineData(3, 10, 25)]
    [InlineData(4, 30, 11)]
    [InlineData(5, 7, 3)]
    [InlineData(2, 5, 1)]
    public void The_fits_are_taken_every_setting_on_a_block_of_folds_before_the_next_block(int groups, int folds, int foldsPerBlock)
    {
        var expected = new List<(int, int)>();
        for (var first = 0; first < folds; first += foldsPerBlock)
        {
            for (var group = 0; group < groups; group++)
            {
                for (var fold = first; fold < Math.Min(first + foldsPerBlock, folds); fold++)
                {
                    expected.Add((group, fold));
                }
            }
        }

        var scheduled = Enumerable.Range(0, groups * folds).Select(item => HyperparameterSearch.Scheduled(item, groups, folds, Math.Min(foldsPerBlock, folds))).ToList();

        Assert.Equal(expected, scheduled);
        Assert.Equal(groups * folds, scheduled.Distinct().Count());
    }

    [Fact]
    public void A_block_holds_as_many_folds_as_their_distances_fit_in_the_cache()
    {
        Fold FoldOf(int train) => new(0, 0, [.. Enumerable.Range(0, train)], [train]);
        Fold[] thirty = [.. Enumerable.Range(0, 30).Select(i => FoldOf(409 + (i % 2)))];

        Assert.Equal(11, HyperparameterSearch.FoldsPerBlock(2_000_000, thirty));
        Assert.Equal(10, HyperparameterSearch.FoldsPerBlock(2_000_000, thirty[..10]));
        Assert.Equal(1, HyperparameterSearch.FoldsPerBlock(100_000, thirty));
        Assert.Equal(2, HyperparameterSearch.FoldsPerBlock(410 * 410 * 2, thirty));
    }

    [Fact]
    public void Unknown_hyperparameters_and_empty_grids_are_refused()
    {
        var (rows, labels) = Synthetic();
        var folds = StratifiedGroupKFold.Split(labels, null, 3, seed: 3);

        var unknown = Assert.Throws<ArgumentException>(() => HyperparameterSearch.Grid(CutRule, [("depth", [1.0])], rows, labels, folds, Metric.Accuracy, seed: 1));
        Assert.Contains("cut rule has no hyperparameter 'depth'", unknown.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<ArgumentException>(() => HyperparameterSearch.Grid(CutRule, [("cut", [])], rows, labels, folds, Metric.Accuracy, seed: 1));
        Assert.Contains("no values for cut", empty.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Rows whose first feature is uniform on [−1, 1] without the gap (0.1, 0.5), malignant above the gap. Standardised
    /// by each training fold the gap spans roughly 0.3 to 1.1 (it holds no rows), so of the cuts −1, −0.5, 0, 0.6, 1.2,
    /// 1.8 only 0.6 separates the classes: the known best setting.
    /// </summary>
    private static (double[][] Rows, bool[] Labels) Synthetic()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, 2000).Select(_ => new[] { random.NextDouble() * 2 - 1, random.NextDouble() }).Where(r => r[0] is <= 0.1 or >= 0.5).Take(300).ToArray();
        return (rows, [.. rows.Select(r => r[0] >= 0.5)]);
    }

    /// <summary>p = logistic(steepness · (x₀ − cut)), x₀ the standardised first feature; learns nothing.</summary>
    private sealed class CutClassifier(double cut, double steepness) : IClassifier
    {
        public string Name => "cut rule";

        public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed) => new Fitted(cut, steepness);

        private sealed class Fitted(double cut, double steepness) : IFittedClassifier
        {
            public double[] PredictProbability(IReadOnlyList<double[]> rows) => [.. rows.Select(r => 1 / (1 + Math.Exp(-steepness * (r[0] - cut))))];
        }
    }
}
