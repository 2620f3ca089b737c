using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Tests.Data;

public sealed class MissingValuesTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_summary_counts_cells_patterns_and_classes()
    {
        var data = TestData.Wbco(_files,
            ("1", TestData.Scores(1, 5, null), true),
            ("2", TestData.Scores(2, 5, null), false),
            ("3", [null, 3, 3, 3, 3, null, 3, 3, 3], false),
            ("4", TestData.Scores(4), true));

        var summary = MissingValueSummary.Of(data);

        Assert.Equal((4, 3, 4), (summary.Rows, summary.IncompleteRows, summary.MissingCells));
        Assert.Equal(1, summary.ByFeature.Single(f => f.Feature == "clump_thickness").Missing);
        Assert.Equal(3, summary.ByFeature.Single(f => f.Feature == "bare_nuclei").Missing);
        Assert.Equal([(["bare_nuclei"], 2), (["clump_thickness", "bare_nuclei"], 1)], summary.Patterns.Select(p => (p.Features.ToArray(), p.Rows)));
        Assert.Equal(1, summary.IncompleteByClass["M"]);
        Assert.Equal(2, summary.IncompleteByClass["B"]);
    }

    [Fact]
    public void The_shipped_wbco_misses_16_bare_nuclei_and_nothing_else()
    {
        var summary = MissingValueSummary.Of(DataLoader.Load(Repository.Data("wbco.csv")));

        Assert.Equal(16, summary.MissingCells);
        Assert.Equal(16, summary.IncompleteRows);
        Assert.Equal(["bare_nuclei"], Assert.Single(summary.Patterns).Features);
    }

    [Theory]
    [InlineData(ImputationStatistic.Median, 3.0)]
    [InlineData(ImputationStatistic.Mean, 4.0)]
    [InlineData(ImputationStatistic.MostFrequent, 2.0)]
    public void Simple_imputers_fill_with_the_statistic_of_the_training_rows(ImputationStatistic statistic, double expected)
    {
        double[][] training = [[2, 10], [2, 20], [3, double.NaN], [9, 30], [4, 40]];

        var fitted = new SimpleImputer(statistic).Fit(training, [true, false, true, false, true]);
        var result = fitted.Transform([[double.NaN, double.NaN], [7, 8]]);

        Assert.Equal(expected, result[0][0]);
        Assert.Equal([7.0, 8.0], result[1]);
        Assert.True(double.IsNaN(training[2][1]), "the input is left as it was");
    }

    [Fact]
    public void The_most_frequent_value_is_the_smallest_of_those_tied_for_most()
    {
        double[][] training = [[5], [1], [double.NaN], [5], [3], [1], [double.NaN], [double.NaN]];

        var fitted = new SimpleImputer(ImputationStatistic.MostFrequent).Fit(training, new bool[training.Length]);

        Assert.Equal(1.0, fitted.Transform([[double.NaN]])[0][0]);
    }

    [Fact]
    public void An_imputer_never_learns_from_the_rows_it_is_applied_to()
    {
        double[][] training = [[1], [2], [3]];
        double[][] heldOut = [[1000], [2000], [double.NaN]];

        var median = new SimpleImputer(ImputationStatistic.Median).Fit(training, [true, false, true]).Transform(heldOut);
        var knn = new KnnImputer(2).Fit([[1, 1], [2, 2], [3, 3]], [true, false, true]).Transform([[1000, 1000], [2.9, double.NaN]]);

        Assert.Equal(2, median[2][0]);
        Assert.Equal(2.5, knn[1][1]);
    }

    [Fact]
    public void Knn_imputation_averages_the_nearest_training_rows_by_nan_euclidean_distance()
    {
        double[][] training = [[0, 0, 10], [1, 1, 20], [5, 5, 30], [double.NaN, 0.2, 40], [9, 9, double.NaN]];

        var result = new KnnImputer(2).Fit(training, [true, true, false, false, false]).Transform([[0.1, 0.1, double.NaN]]);

        Assert.Equal((10.0 + 40.0) / 2, result[0][2]);
    }

    [Fact]
    public void A_feature_never_observed_in_training_cannot_be_imputed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SimpleImputer(ImputationStatistic.Mean).Fit([[1, double.NaN], [2, double.NaN]], [true, false]));

        Assert.Contains("feature 1 has no observed value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropping_incomplete_rows_is_explicit_and_reports_their_lines()
    {
        var data = TestData.Wbco(_files, ("1", TestData.Scores(1), true), ("2", TestData.Scores(2, 0, null), false), ("3", TestData.Scores(3), false));

        var complete = data.WithoutIncompleteRows(out var dropped);

        Assert.Equal(2, complete.RowCount);
        Assert.Equal([3], dropped);
        Assert.Equal(["1", "3"], complete.Ids!);
    }
}
