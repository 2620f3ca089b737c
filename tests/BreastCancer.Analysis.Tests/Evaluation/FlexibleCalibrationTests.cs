using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class FlexibleCalibrationTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void Local_linear_loess_reproduces_a_straight_line_exactly_wherever_it_is_evaluated()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray();
        var y = x.Select(v => 0.2 + (0.5 * v)).ToArray();

        foreach (var at in new[] { 0.05, 0.37, 0.5, 0.93 })
        {
            Assert.Equal(0.2 + (0.5 * at), Loess.At(x, y, at, 0.3), 10);
        }
    }

    [Fact]
    public void A_calibrated_model_follows_the_diagonal_and_an_overconfident_one_falls_below_it_at_high_probabilities()
    {
        var random = new Random(5);
        var risks = Enumerable.Range(0, 3000).Select(_ => Sigmoid((random.NextDouble() * 6) - 3)).ToArray();
        var labels = risks.Select(p => random.NextDouble() < p).ToArray();
        var overconfident = risks.Select(p => Sigmoid(2 * Logit(p))).ToArray();

        var calibrated = FlexibleCalibration.Compute(labels, risks, resamples: 100, seed: 2);
        var extreme = FlexibleCalibration.Compute(labels, overconfident, resamples: 100, seed: 2);

        Assert.All(calibrated.Grid.Select((g, i) => Math.Abs(calibrated.Observed[i] - g)), gap => Assert.True(gap < 0.06, $"calibrated curve {gap:F3} from the diagonal"));
        Assert.True(calibrated.Grid.Where((g, i) => calibrated.Low[i] <= g && g <= calibrated.High[i]).Count() >= 0.9 * calibrated.Grid.Count);
        var high = Enumerable.Range(0, extreme.Grid.Count).Last(i => extreme.Grid[i] <= 0.9);
        Assert.True(extreme.High[high] < extreme.Grid[high], $"at {extreme.Grid[high]:F2} the band reaches {extreme.High[high]:F3}");
        var truth = Sigmoid(0.5 * Logit(extreme.Grid[high]));
        Assert.InRange(extreme.Observed[high], truth - 0.08, truth + 0.08);
    }

    [Fact]
    public void The_same_seed_gives_the_same_band_and_bad_input_is_refused()
    {
        bool[] labels = [.. Enumerable.Range(0, 60).Select(i => i % 3 == 0)];
        double[] probabilities = [.. Enumerable.Range(0, 60).Select(i => (i % 10) / 10.0 + 0.05)];

        Assert.Equal(FlexibleCalibration.Compute(labels, probabilities, resamples: 20, seed: 9).Low, FlexibleCalibration.Compute(labels, probabilities, resamples: 20, seed: 9).Low);
        Assert.Contains("at least 10", Assert.Throws<ArgumentException>(() => FlexibleCalibration.Compute([true, false], [0.2, 0.4])).Message, StringComparison.Ordinal);
        Assert.Contains("span", Assert.Throws<ArgumentException>(() => FlexibleCalibration.Compute(labels, probabilities, span: 1.5)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prior_shift_multiplies_the_odds_by_the_ratio_of_prior_odds()
    {
        var shift = PrevalenceRecalibration.For(0.37, 0.1);

        // p = 0.5 at π = 0.37 to π′ = 0.1: odds 1 × (0.1/0.9)/(0.37/0.63) = 0.18919, p′ = 0.15909; p = 0.2: odds 0.25 × 0.18919, p′ = 0.045161.
        Assert.Equal(0.159091, shift.Apply(0.5), 6);
        Assert.Equal(0.045161, shift.Apply(0.2), 6);
        Assert.Equal(0.3, PrevalenceRecalibration.For(0.37, 0.37).Apply(0.3), 12);
        Assert.Equal((0.0, 1.0), (shift.Apply(0), shift.Apply(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrevalenceRecalibration.For(0.37, 1));
    }
}
