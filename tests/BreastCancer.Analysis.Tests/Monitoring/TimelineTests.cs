using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Analysis.Tests.Monitoring;

public sealed class TimelineTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly HeldOutSplit Split = HeldOutSplit.ForStudy(Wdbc);
    private static readonly double[][] Training = [.. Split.Train.Select(Wdbc.Row)];
    private static readonly double[][] HeldOut = [.. Split.Test.Select(Wdbc.Row)];
    private static readonly bool[] HeldOutMalignant = [.. Split.Test.Select(i => Wdbc.IsMalignant[i])];

    [Fact]
    public void Drift_checks_are_the_detector_on_each_latest_window()
    {
        var detector = Detector();
        double[][] stream = [.. HeldOut, .. SizeCalibrationShift.Apply(HeldOut, Wdbc.FeatureNames, 1.15)];
        var probabilities = stream.Select(StandIn).ToArray();

        var timeline = DriftTimeline.Compute(detector, stream, probabilities, window: 100, step: 30);

        // Ends 30, 60, …, 210 and the last row, 228; the first with a full minimum window of 100 rows is 120.
        Assert.Equal([120, 150, 180, 210, 228], timeline.Checkpoints.Select(c => c.End));
        foreach (var checkpoint in timeline.Checkpoints)
        {
            var start = checkpoint.End - 100;
            var expected = detector.Check(stream[start..checkpoint.End], probabilities[start..checkpoint.End]);
            Assert.Equal(expected.Features.Select(f => f.Psi), checkpoint.Report.Features.Select(f => f.Psi));
            Assert.Equal(expected.Features.Select(f => f.AdjustedP), checkpoint.Report.Features.Select(f => f.AdjustedP));
            Assert.Equal(expected.PredictionRate, checkpoint.Report.PredictionRate);
            Assert.Equal(100, checkpoint.Report.WindowSize);
        }

        Assert.Equal((228, 100, 30), (timeline.Rows, timeline.Window, timeline.Step));
        Assert.False(timeline.Checkpoints[0].Report.Drifted, "the window of held-out rows only");
        Assert.True(timeline.Checkpoints[^1].Report.Drifted, "the window of inflated rows only");
        Assert.Contains("area_worst", timeline.Checkpoints[^1].Report.DriftedFeatures);
    }

    [Fact]
    public void A_window_larger_than_the_stream_so_far_takes_every_row()
    {
        var probabilities = HeldOut.Select(StandIn).ToArray();

        var timeline = DriftTimeline.Compute(Detector(), HeldOut, probabilities, window: 500, step: 50);

        Assert.Equal([100, 114], timeline.Checkpoints.Select(c => c.End));
        Assert.Equal([100, 114], timeline.Checkpoints.Select(c => c.Report.WindowSize));
    }

    [Fact]
    public void Positions_of_the_latest_part_of_a_stream_count_from_its_start()
    {
        var probabilities = HeldOut.Select(StandIn).ToArray();
        var decisions = probabilities.Select(p => p >= 0.5).ToArray();

        var drift = DriftTimeline.Compute(Detector(), HeldOut, probabilities, window: 100, step: 50, before: 1000);
        var performance = PerformanceTimeline.Compute(probabilities, decisions, HeldOutMalignant, window: 40, step: 50, before: 7);

        Assert.Equal([1100, 1114], drift.Checkpoints.Select(c => c.End));
        Assert.Equal(1114, drift.Rows);
        Assert.Equal([57, 107, 121], performance.Checkpoints.Select(c => c.End));
        Assert.Equal(121, performance.Outcomes);
        Assert.Throws<ArgumentOutOfRangeException>(() => DriftTimeline.Compute(Detector(), HeldOut, probabilities, 100, 50, before: -1));
    }

    [Fact]
    public void A_stream_shorter_than_the_minimum_window_has_no_checks()
    {
        var rows = HeldOut[..99];

        var timeline = DriftTimeline.Compute(Detector(), rows, [.. rows.Select(StandIn)], window: 100, step: 10);

        Assert.Empty(timeline.Checkpoints);
    }

    [Fact]
    public void Performance_checks_are_live_performance_on_each_latest_window()
    {
        var probabilities = HeldOut.Select(StandIn).ToArray();
        var decisions = probabilities.Select(p => p >= 0.5).ToArray();

        var timeline = PerformanceTimeline.Compute(probabilities, decisions, HeldOutMalignant, window: 40, step: 25);

        Assert.Equal([25, 50, 75, 100, 114], timeline.Checkpoints.Select(c => c.End));
        foreach (var checkpoint in timeline.Checkpoints)
        {
            var start = Math.Max(0, checkpoint.End - 40);
            var expected = LivePerformance.Compute(probabilities[start..checkpoint.End], decisions[start..checkpoint.End], HeldOutMalignant[start..checkpoint.End]);
            Assert.Equal(expected.Counts, checkpoint.Performance.Counts);
            Assert.Equal(expected.Sensitivity, checkpoint.Performance.Sensitivity);
            Assert.Equal(expected.RocAuc, checkpoint.Performance.RocAuc);
        }

        Assert.Equal(25, timeline.Checkpoints[0].Performance.Rows);
        Assert.Equal(40, timeline.Checkpoints[^1].Performance.Rows);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var probabilities = HeldOut.Select(StandIn).ToArray();
        var decisions = probabilities.Select(p => p >= 0.5).ToArray();

        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => DriftTimeline.Compute(Detector(), HeldOut, probabilities[1..], 100, 10)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => DriftTimeline.Compute(Detector(), HeldOut, probabilities, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => DriftTimeline.Compute(Detector(), HeldOut, probabilities, 100, 0));
        Assert.Equal("outcomes", Assert.Throws<ArgumentException>(() => PerformanceTimeline.Compute(probabilities, decisions, HeldOutMalignant[1..], 10, 10)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceTimeline.Compute(probabilities, decisions, HeldOutMalignant, 10, 0));
    }

    private static DriftDetector Detector() => new(Training, Wdbc.FeatureNames, [.. Training.Select(StandIn)], 0.5);

    /// <summary>A stand-in for the model: a logistic function of the worst radius (mm), 0.5 at 16.8 mm.</summary>
    private static double StandIn(double[] row) => 1 / (1 + Math.Exp(-2 * (row[Wdbc.IndexOf("radius_worst")] - 16.8)));
}
