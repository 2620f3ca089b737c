using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Analysis.Tests.Monitoring;

public sealed class LivePerformanceTests
{
    [Fact]
    public void Wilson_intervals_equal_scipy_binomtest_wilson()
    {
        foreach (var reference in Fixture.Cases("wilson"))
        {
            var estimate = RateEstimate.Wilson((int)reference!["successes"]!, (int)reference["trials"]!);

            Assert.Equal((double)reference["low"]!, estimate.Low, 12);
            Assert.Equal((double)reference["high"]!, estimate.High, 12);
        }
    }

    [Fact]
    public void Wilson_intervals_equal_newcombes_published_values()
    {
        // Newcombe (1998), Stat. Med. 17:857–872, table I, method 3 (score interval without continuity correction)
        Assert.Equal((0.2553, 0.3662), Rounded(RateEstimate.Wilson(81, 263)));
        Assert.Equal((0.0624, 0.1605), Rounded(RateEstimate.Wilson(15, 148)));
        Assert.Equal((0.0, 0.1611), Rounded(RateEstimate.Wilson(0, 20)));
        Assert.Equal((0.0061, 0.1718), Rounded(RateEstimate.Wilson(1, 29)));
    }

    [Fact]
    public void Counts_rates_and_auc_follow_the_confirmed_outcomes()
    {
        double[] probabilities = [0.9, 0.8, 0.6, 0.3, 0.7, 0.2, 0.1, 0.4];
        bool[] decisions = [.. probabilities.Select(p => p >= 0.5)];
        bool[] outcomes = [true, true, true, true, false, false, false, false];

        var live = LivePerformance.Compute(probabilities, decisions, outcomes);

        Assert.Equal(new ConfusionCounts(3, 1, 3, 1), live.Counts);
        Assert.Equal(8, live.Rows);
        Assert.Equal(0.75, live.Sensitivity.Value);
        Assert.Equal(RateEstimate.Wilson(3, 4), live.Sensitivity);
        Assert.Equal(0.75, live.Specificity.Value);
        // malignant scores 0.9, 0.8, 0.6, 0.3 against benign 0.7, 0.2, 0.1, 0.4: 13 of 16 pairs ranked right
        Assert.Equal(13 / 16.0, live.RocAuc, 12);
        Assert.Equal(RankingMetrics.RocAuc(outcomes, probabilities), live.RocAuc);
        Assert.Null(live.RocAucUndefined);
    }

    [Fact]
    public void A_window_without_malignant_cases_gives_nan_with_the_reason()
    {
        var live = LivePerformance.Compute([0.1, 0.7, 0.2], [false, true, false], [false, false, false]);

        Assert.True(double.IsNaN(live.Sensitivity.Value));
        Assert.True(double.IsNaN(live.Sensitivity.Low));
        Assert.Equal("no confirmed malignant cases", live.Sensitivity.Undefined);
        Assert.Equal(2 / 3.0, live.Specificity.Value, 12);
        Assert.True(double.IsNaN(live.RocAuc));
        Assert.Equal("no confirmed malignant cases", live.RocAucUndefined);
    }

    [Fact]
    public void An_empty_window_is_undefined_throughout()
    {
        var live = LivePerformance.Compute([], [], []);

        Assert.Equal(0, live.Rows);
        Assert.Equal("no confirmed benign cases", live.Specificity.Undefined);
        Assert.Equal("no confirmed cases", live.RocAucUndefined);
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_argument()
    {
        var lengths = Assert.Throws<ArgumentException>(() => LivePerformance.Compute([0.5, 0.6], [true], [true, false]));
        Assert.Contains("2 probabilities, 1 decisions and 2 outcomes", lengths.Message, StringComparison.Ordinal);
        var probability = Assert.Throws<ArgumentException>(() => LivePerformance.Compute([0.5, double.NaN], [true, false], [true, false]));
        Assert.Equal("probabilities", probability.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => RateEstimate.Wilson(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateEstimate.Wilson(1, 4, confidence: 1));
    }

    private static (double Low, double High) Rounded(RateEstimate estimate) => (Math.Round(estimate.Low, 4), Math.Round(estimate.High, 4));
}
