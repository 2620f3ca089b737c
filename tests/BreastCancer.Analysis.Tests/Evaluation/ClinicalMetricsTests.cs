using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class ClinicalMetricsTests
{
    private static readonly bool[] Labels = [true, true, true, true, false, false, false, false, false, false];
    private static readonly double[] Probabilities = [0.9, 0.8, 0.6, 0.3, 0.7, 0.4, 0.2, 0.1, 0.1, 0.05];

    [Fact]
    public void Net_benefit_follows_vickers_and_elkins_formula_by_hand()
    {
        var curve = DecisionCurve.Compute(Labels, Probabilities, [0.5, 0.25]);

        // at 0.25: TP = 4 (0.9, 0.8, 0.6, 0.3), FP = 2 (0.7, 0.4): 4/10 − 2/10 · (0.25/0.75)
        // at 0.5: TP = 3, FP = 1: 3/10 − 1/10 · 1
        Assert.Equal([0.25, 0.5], curve.Thresholds);
        Assert.Equal(0.4 - 0.2 / 3, curve.Model[0], 12);
        Assert.Equal(0.2, curve.Model[1], 12);
        Assert.Equal(0.4 - 0.6 / 3, curve.TreatAll[0], 12);
        Assert.Equal(0.4 - 0.6, curve.TreatAll[1], 12);
    }

    [Fact]
    public void Thresholds_outside_zero_to_one_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionCurve.Compute(Labels, Probabilities, [0.0]));

    [Fact]
    public void Reliability_bins_and_expected_calibration_error_equal_a_count_by_hand()
    {
        var calibration = Calibration.Compute(Labels, Probabilities, binCount: 2);

        // bin [0, 0.5): 0.3, 0.4, 0.2, 0.1, 0.1, 0.05 (1 malignant of 6); bin [0.5, 1]: 0.9, 0.8, 0.6, 0.7 (3 of 4)
        Assert.Equal([6, 4], calibration.Bins.Select(b => b.Count));
        Assert.Equal(1.15 / 6, calibration.Bins[0].MeanPrediction, 12);
        Assert.Equal(0.75, calibration.Bins[1].ObservedShare, 12);
        Assert.Equal(0.6 * Math.Abs(1.15 / 6 - 1.0 / 6) + 0.4 * Math.Abs(0.75 - 0.75), calibration.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void A_perfectly_calibrated_predictor_has_no_calibration_error()
    {
        var calibration = Calibration.Compute([true, false, true, false], [0.5, 0.5, 0.5, 0.5], binCount: 10);

        Assert.Equal(0, calibration.ExpectedCalibrationError, 12);
    }

    [Theory]
    [InlineData(1.0, 0.3)]
    [InlineData(0.75, 0.6)]
    [InlineData(0.5, 0.8)]
    [InlineData(0.51, 0.6)]
    public void The_threshold_for_a_sensitivity_catches_at_least_that_share_of_malignant_rows(double target, double expected)
    {
        var threshold = OperatingPoint.ForSensitivity(Labels, Probabilities, target);

        Assert.Equal(expected, threshold);
        var sensitivity = ClassificationMetrics.Compute(Labels, Probabilities, threshold).Sensitivity;
        Assert.True(sensitivity >= target);
    }
}
