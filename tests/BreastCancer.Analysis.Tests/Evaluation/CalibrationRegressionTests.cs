using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class CalibrationRegressionTests
{
    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void With_two_predicted_probabilities_the_slope_fits_both_groups_observed_shares_exactly_as_the_closed_form_says()
    {
        // 50 tumours predicted 0.2 of which 15 malignant (0.3), 40 predicted 0.7 of which 36 malignant (0.9): with two
        // distinct x = logit p the maximum-likelihood line passes through both groups' observed log-odds.
        bool[] labels = [.. Enumerable.Range(0, 50).Select(i => i < 15), .. Enumerable.Range(0, 40).Select(i => i < 36)];
        double[] probabilities = [.. Enumerable.Repeat(0.2, 50), .. Enumerable.Repeat(0.7, 40)];

        var fit = CalibrationRegression.Of(labels, probabilities);

        var (x1, x2) = (Logit(0.2), Logit(0.7));
        var slope = (Logit(0.9) - Logit(0.3)) / (x2 - x1);
        Assert.Equal(slope, fit.Slope.Value, 9);
        var (w1, w2) = (50 * 0.3 * 0.7, 40 * 0.9 * 0.1);
        var (h00, h01, h11) = (w1 + w2, (w1 * x1) + (w2 * x2), (w1 * x1 * x1) + (w2 * x2 * x2));
        Assert.Equal(Math.Sqrt(h00 / ((h00 * h11) - (h01 * h01))), fit.Slope.StandardError, 9);
        Assert.Equal(fit.Slope.Value - (1.959964 * fit.Slope.StandardError), fit.Slope.Low, 5);
        Assert.Equal((90, 51), (fit.Rows, fit.Positives));
    }

    [Fact]
    public void Calibration_in_the_large_shifts_the_log_odds_until_the_mean_probability_is_the_observed_share()
    {
        bool[] labels = [.. Enumerable.Range(0, 50).Select(i => i < 15), .. Enumerable.Range(0, 40).Select(i => i < 36)];
        double[] probabilities = [.. Enumerable.Repeat(0.2, 50), .. Enumerable.Repeat(0.7, 40)];

        var shift = CalibrationRegression.Of(labels, probabilities).InterceptInTheLarge;

        var shifted = probabilities.Select(p => 1 / (1 + Math.Exp(-(Logit(p) + shift.Value)))).ToArray();
        Assert.Equal(51 / 90.0, shifted.Average(), 9);
        Assert.Equal(1 / Math.Sqrt(shifted.Sum(p => p * (1 - p))), shift.StandardError, 9);
        Assert.True(shift.Low > 0, "both groups are more often malignant than predicted");
    }

    [Fact]
    public void Outcomes_drawn_from_the_probabilities_give_slope_one_and_probabilities_made_twice_as_extreme_give_one_half()
    {
        var random = new Random(7);
        var probabilities = Enumerable.Range(0, 20_000).Select(_ => 1 / (1 + Math.Exp(-((random.NextDouble() * 8) - 4)))).ToArray();
        var labels = probabilities.Select(p => random.NextDouble() < p).ToArray();
        var extreme = probabilities.Select(p => 1 / (1 + Math.Exp(-2 * Logit(p)))).ToArray();

        var calibrated = CalibrationRegression.Of(labels, probabilities);
        var overconfident = CalibrationRegression.Of(labels, extreme);

        Assert.InRange(1.0, calibrated.Slope.Low, calibrated.Slope.High);
        Assert.InRange(0.0, calibrated.InterceptInTheLarge.Low, calibrated.InterceptInTheLarge.High);
        Assert.Equal(calibrated.Slope.Value / 2, overconfident.Slope.Value, 7);
        Assert.InRange(overconfident.Slope.Value, 0.45, 0.55);
    }

    [Fact]
    public void A_comparison_is_fitted_on_one_repetitions_out_of_fold_predictions_each_row_once_and_leaves_a_constant_baseline_out()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var folds = StratifiedGroupKFold.Split(wdbc.IsMalignant, null, 4, seed: 3, repeats: 2);
        var comparison = ModelComparison.Run([ModelCatalogue.MajorityClass.Pipeline(), ModelCatalogue.LogisticRegressionL2.Pipeline()], wdbc.ToArray(), wdbc.IsMalignant, folds, seed: 1);

        var fits = CalibrationComparison.Of(comparison, repeat: 1);

        var (model, fit) = Assert.Single(fits.Models);
        var second = comparison.Models[1].Folds.Where(f => f.Repeat == 1).ToArray();
        Assert.Equal(comparison.Models[1].Pipeline, model);
        Assert.Equal(wdbc.RowCount, second.Sum(f => f.Rows.Count));
        Assert.Equal(wdbc.RowCount, second.SelectMany(f => f.Rows).Distinct().Count());
        Assert.Equal(CalibrationRegression.Of([.. second.SelectMany(f => f.Labels)], [.. second.SelectMany(f => f.Probabilities)]), fit);
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationComparison.Of(comparison, repeat: 2));
    }

    [Fact]
    public void Bad_input_is_refused_with_what_and_where()
    {
        Assert.Contains("probability 1 is 1.5", Assert.Throws<ArgumentException>(() => CalibrationRegression.Of([true, false], [0.5, 1.5])).Message, StringComparison.Ordinal);
        Assert.Contains("both classes", Assert.Throws<ArgumentException>(() => CalibrationRegression.Of([true, true], [0.5, 0.6])).Message, StringComparison.Ordinal);
        Assert.Contains("every probability is the same", Assert.Throws<ArgumentException>(() => CalibrationRegression.Of([true, false], [0.4, 0.4])).Message, StringComparison.Ordinal);
        Assert.Contains("separate the classes", Assert.Throws<InvalidOperationException>(() => CalibrationRegression.Of([true, false, true, false], [0.9, 0.1, 0.8, 0.2])).Message, StringComparison.Ordinal);
    }
}
