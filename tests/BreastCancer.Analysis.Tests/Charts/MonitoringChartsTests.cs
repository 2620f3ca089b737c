using System.Text.Json;
using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Monitoring;
using Plotly.NET;

namespace BreastCancer.Analysis.Tests.Charts;

public sealed class MonitoringChartsTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly HeldOutSplit Split = HeldOutSplit.ForStudy(Wdbc);
    private static readonly double[][] Training = [.. Split.Train.Select(Wdbc.Row)];
    private static readonly double[][] HeldOut = [.. Split.Test.Select(Wdbc.Row)];
    private static readonly DriftDetector Detector = new(Training, Wdbc.FeatureNames, [.. Training.Select(StandIn)], 0.5);

    [Fact]
    public void Feature_drift_bars_are_the_report_sorted_and_coloured_by_its_calls()
    {
        var shifted = HeldOut.Select(r => r.Select((v, f) => Wdbc.FeatureNames[f] == "area_worst" ? v * 1.3 : v).ToArray()).ToArray();
        var report = Detector.Check(shifted, [.. shifted.Select(StandIn)]);

        var trace = Trace(MonitoringCharts.FeatureDrift(report), 0);

        var sorted = report.Features.OrderByDescending(f => f.Psi).ToArray();
        Assert.Equal(sorted.Select(f => f.Feature), trace.GetProperty("y").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(sorted.Select(f => f.Psi), trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        var colours = trace.GetProperty("marker").GetProperty("color").EnumerateArray().Select(v => v.GetString()).ToArray();
        Assert.Equal(sorted.Select(f => f.Drifted ? ClassColors.MalignantHex : ChartColors.BarHex), colours);
        Assert.Equal("area_worst", sorted[0].Feature);
        Assert.True(sorted[0].Drifted);
    }

    [Fact]
    public void Drift_over_time_is_a_feature_by_check_matrix_of_psi()
    {
        double[][] stream = [.. HeldOut, .. HeldOut.Select(r => r.Select(v => v * 1.1).ToArray())];
        var timeline = DriftTimeline.Compute(Detector, stream, [.. stream.Select(StandIn)], 100, 20);

        var chart = MonitoringCharts.DriftOverTime(timeline, [new StreamMark(114, "new scanner")]);
        var trace = Trace(chart, 0);

        var z = trace.GetProperty("z").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(30, z.Length);
        for (var f = 0; f < 30; f++)
        {
            Assert.Equal(timeline.Checkpoints.Select(c => c.Report.Features[f].Psi), z[f]);
        }

        Assert.Equal(timeline.Checkpoints.Select(c => c.End), trace.GetProperty("x").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Contains("new scanner", GenericChart.toFigureJson(chart), StringComparison.Ordinal);
    }

    [Fact]
    public void Predicted_rate_marks_the_checks_where_the_rate_test_fired()
    {
        double[][] stream = [.. HeldOut, .. HeldOut.Select(r => r.Select(v => v * 1.3).ToArray())];
        var timeline = DriftTimeline.Compute(Detector, stream, [.. stream.Select(StandIn)], 100, 20);

        var trace = Trace(MonitoringCharts.PredictedRate(timeline), 0);

        Assert.Equal(timeline.Checkpoints.Select(c => c.Report.PredictionRate.WindowRate), trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        var colours = trace.GetProperty("marker").GetProperty("color").EnumerateArray().Select(v => v.GetString()).ToArray();
        Assert.Equal(timeline.Checkpoints.Select(c => c.Report.PredictionRate.Drifted ? ClassColors.MalignantHex : ChartColors.BarHex), colours);
        Assert.Contains(ClassColors.MalignantHex, colours);
    }

    [Fact]
    public void Performance_over_time_draws_each_rate_with_its_wilson_band()
    {
        var probabilities = HeldOut.Select(StandIn).ToArray();
        var outcomes = Split.Test.Select(i => Wdbc.IsMalignant[i]).ToArray();
        var timeline = PerformanceTimeline.Compute(probabilities, [.. probabilities.Select(p => p >= 0.5)], outcomes, 50, 10);

        var chart = MonitoringCharts.PerformanceOverTime(timeline);

        Assert.Equal(7, GenericChart.getTraces(chart).Length);
        Assert.Equal(timeline.Checkpoints.Select(c => c.Performance.Sensitivity.Value), Trace(chart, 2).GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(timeline.Checkpoints.Select(c => c.Performance.Specificity.Low), Trace(chart, 4).GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("tonexty", Trace(chart, 1).GetProperty("fill").GetString());
        Assert.Equal(timeline.Checkpoints.Select(c => c.Performance.RocAuc), Trace(chart, 6).GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("y2", Trace(chart, 6).GetProperty("yaxis").GetString());
        Assert.All(Enumerable.Range(0, 6), t => Assert.False(Trace(chart, t).TryGetProperty("yaxis", out _)));
        using var layout = JsonDocument.Parse(GenericChart.toFigureJson(chart));
        var (shares, auc) = (layout.RootElement.GetProperty("layout").GetProperty("yaxis"), layout.RootElement.GetProperty("layout").GetProperty("yaxis2"));
        Assert.Equal("share of confirmed cases", shares.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("ROC AUC", auc.GetProperty("title").GetProperty("text").GetString());
        Assert.True(auc.GetProperty("domain")[1].GetDouble() < shares.GetProperty("domain")[0].GetDouble(), "the ROC AUC panel lies below the shares' panel");
    }

    [Fact]
    public void Timelines_without_checks_are_refused_with_the_reason()
    {
        var rows = HeldOut[..50];
        var drift = DriftTimeline.Compute(Detector, rows, [.. rows.Select(StandIn)], 100, 10);
        var performance = PerformanceTimeline.Compute([], [], [], 10, 10);

        Assert.Contains("minimum window", Assert.Throws<ArgumentException>(() => MonitoringCharts.DriftOverTime(drift)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => MonitoringCharts.PredictedRate(drift));
        Assert.Contains("no outcome", Assert.Throws<ArgumentException>(() => MonitoringCharts.PerformanceOverTime(performance)).Message, StringComparison.Ordinal);
    }

    private static JsonElement Trace(GenericChart chart, int index) =>
        JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement.GetProperty("data")[index];

    private static double StandIn(double[] row) => 1 / (1 + Math.Exp(-2 * (row[Wdbc.IndexOf("radius_worst")] - 16.8)));
}
