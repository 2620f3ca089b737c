using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Analysis.Tests.Monitoring;

public sealed class DriftDetectorTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly HeldOutSplit Split = HeldOutSplit.ForStudy(Wdbc);
    private static readonly double[][] Training = [.. Split.Train.Select(Wdbc.Row)];
    private static readonly double[][] HeldOut = [.. Split.Test.Select(Wdbc.Row)];
    private static readonly string[] SizeFeatures =
        [.. new[] { "mean", "se", "worst" }.SelectMany(s => new[] { "radius", "perimeter", "area" }.Select(p => $"{p}_{s}"))];

    [Fact]
    public void Held_out_rows_from_the_training_distribution_raise_no_alarm()
    {
        var detector = Detector();

        var report = detector.Check(HeldOut, [.. HeldOut.Select(StandIn)]);

        Assert.False(report.Drifted, string.Join("; ", report.Features.Select(f => $"{f.Feature} PSI {f.Psi:F3} p {f.AdjustedP:G3}")));
        Assert.Equal(114, report.WindowSize);
        Assert.Equal(455, report.ReferenceSize);
        Assert.Equal(30, report.Features.Count);
        Assert.Empty(report.DriftedFeatures);
    }

    [Fact]
    public void Windows_resampled_from_the_training_rows_raise_a_feature_alert_no_more_often_than_the_KS_level_allows()
    {
        var detector = Detector();
        var random = new Random(11);

        var alerts = Enumerable.Range(0, 200)
            .Select(_ => Enumerable.Range(0, 100).Select(_ => Training[random.Next(Training.Length)]).ToArray())
            .Count(window => detector.Check(window, [.. window.Select(StandIn)]).DriftedFeatures.Count > 0);
        var psiAlone = Enumerable.Range(0, 200)
            .Select(_ => Enumerable.Range(0, 100).Select(_ => Training[random.Next(Training.Length)]).ToArray())
            .Count(window => detector.Check(window, [.. window.Select(StandIn)]).Features.Any(f => f.Psi > 0.25));

        Assert.True(alerts <= 4, $"{alerts} of 200 undrifted windows alerted; Holm at 0.01 allows about 2");
        Assert.True(psiAlone > 10, $"PSI alone alerted in {psiAlone} of 200 undrifted windows: the bound needs the KS test");
    }

    [Fact]
    public void Inflated_size_features_are_caught_and_only_they()
    {
        var detector = Detector();
        var shifted = HeldOut.Select(Inflate).ToArray();

        var report = detector.Check(shifted, [.. shifted.Select(StandIn)]);

        Assert.True(report.Drifted);
        Assert.Subset(SizeFeatures.ToHashSet(), report.DriftedFeatures.ToHashSet());
        Assert.Superset(new HashSet<string> { "radius_mean", "perimeter_mean", "area_mean", "radius_worst", "perimeter_worst", "area_worst" }, report.DriftedFeatures.ToHashSet());
        Assert.True(report.PredictionRate.Drifted, $"rate {report.PredictionRate.WindowRate:F3} against {report.PredictionRate.ReferenceRate:F3}, p {report.PredictionRate.P:G3}");
        Assert.True(report.PredictionRate.Z > 0);
    }

    [Fact]
    public void Adjusted_p_values_are_holm_over_the_features()
    {
        var report = Detector().Check(HeldOut, [.. HeldOut.Select(StandIn)]);

        Assert.Equal(HolmCorrection.Adjust([.. report.Features.Select(f => f.KsP)]), report.Features.Select(f => f.AdjustedP));
    }

    [Fact]
    public void A_window_below_the_minimum_is_refused_with_its_size()
    {
        var detector = Detector();
        var window = HeldOut[..99];

        var error = Assert.Throws<ArgumentException>(() => detector.Check(window, [.. window.Select(StandIn)]));

        Assert.Equal("windowRows", error.ParamName);
        Assert.Contains("99 rows, fewer than the minimum of 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_and_probabilities_that_disagree_are_refused()
    {
        var detector = Detector();
        double[][] shortRow = [.. HeldOut.Take(99), [1.0, 2.0], .. HeldOut.Skip(100)];

        var row = Assert.Throws<ArgumentException>(() => detector.Check(shortRow, [.. HeldOut.Select(StandIn)]));
        Assert.Contains("window row 99 has 2 values for 30 features", row.Message, StringComparison.Ordinal);
        var count = Assert.Throws<ArgumentException>(() => detector.Check(HeldOut, [.. HeldOut.Skip(1).Select(StandIn)]));
        Assert.Equal("windowProbabilities", count.ParamName);
        Assert.Throws<ArgumentException>(() => new DriftDetector(Training, Wdbc.FeatureNames, [.. Training.Skip(1).Select(StandIn)], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DriftDetector(Training, Wdbc.FeatureNames, [.. Training.Select(StandIn)], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DriftDetector(Training, Wdbc.FeatureNames, [.. Training.Select(StandIn)], 0.5, new DriftThresholds(KsAlpha: 0)));
    }

    [Fact]
    public void Two_proportion_test_equals_scipy_chi_square_without_correction()
    {
        foreach (var reference in Fixture.Cases("two_proportion"))
        {
            var test = TwoProportionTest.Compute((int)reference!["x1"]!, (int)reference["n1"]!, (int)reference["x2"]!, (int)reference["n2"]!);

            Assert.Equal((double)reference["chi2"]!, test.Z * test.Z, 10);
            Assert.Equal(1, test.P / (double)reference["p"]!, 10);
        }
    }

    [Fact]
    public void Holm_equals_the_step_down_by_hand()
    {
        double[] p = [0.01, 0.04, 0.03, 0.005, 0.5];

        var adjusted = HolmCorrection.Adjust(p);

        // sorted: 0.005 × 5 = 0.025, 0.01 × 4 = 0.04, 0.03 × 3 = 0.09, 0.04 × 2 = 0.08 → 0.09 (monotone), 0.5 × 1 = 0.5
        Assert.Equal([0.04, 0.09, 0.09, 0.025, 0.5], adjusted.Select(v => Math.Round(v, 12)));
    }

    private static DriftDetector Detector() => new(Training, Wdbc.FeatureNames, [.. Training.Select(StandIn)], 0.5);

    /// <summary>A stand-in for the model: a logistic function of the worst radius (mm), 0.5 at 16.8 mm.</summary>
    private static double StandIn(double[] row) => 1 / (1 + Math.Exp(-2 * (row[Wdbc.IndexOf("radius_worst")] - 16.8)));

    /// <summary>The row with radius and perimeter scaled by 1.15 and area by 1.15², for the mean, standard error and worst value.</summary>
    private static double[] Inflate(double[] row)
    {
        var inflated = (double[])row.Clone();
        foreach (var feature in SizeFeatures)
        {
            inflated[Wdbc.IndexOf(feature)] *= feature.StartsWith("area", StringComparison.Ordinal) ? 1.15 * 1.15 : 1.15;
        }

        return inflated;
    }
}
