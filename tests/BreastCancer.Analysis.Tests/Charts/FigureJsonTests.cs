using System.Text.Json.Nodes;
using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Exploration;
using BreastCancer.Analysis.Monitoring;
using Plotly.NET;

namespace BreastCancer.Analysis.Tests.Charts;

/// <summary><see cref="FigureJson"/> against Plotly.NET's own <c>GenericChart.toFigureJson</c>, on the library's charts.</summary>
public sealed class FigureJsonTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly HeldOutSplit Split = HeldOutSplit.ForStudy(Wdbc);
    private static readonly double[][] Training = [.. Split.Train.Select(Wdbc.Row)];
    private static readonly double[][] HeldOut = [.. Split.Test.Select(Wdbc.Row)];

    public static TheoryData<string> Charts => [.. Built().Keys];

    [Theory]
    [MemberData(nameof(Charts))]
    public void The_figure_is_the_json_plotly_net_writes(string name)
    {
        var chart = Built()[name];

        var ours = FigureJson.Of(chart);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(GenericChart.toFigureJson(chart)), ours), $"{name}: {ours.ToJsonString()[..200]}");
    }

    [Fact]
    public void A_value_the_walk_does_not_know_is_written_by_newtonsoft_and_a_missing_value_as_plotly_net_writes_it()
    {
        var chart = MonitoringCharts.FeatureDrift(Report());
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("meta", new object[] { double.NaN, double.PositiveInfinity, 2.5f, 7L, new DateTime(2026, 12, 4, 5, 0, 0, DateTimeKind.Utc), Color.fromHex("#112233") });
        }

        var meta = FigureJson.Of(chart)["data"]![0]!["meta"]!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(GenericChart.toFigureJson(chart))!["data"]![0]!["meta"], meta), meta.ToJsonString());
        Assert.Equal("NaN", (string)meta[0]!);
        Assert.Equal("2026-12-04T05:00:00Z", (string)meta[4]!);
    }

    private static Dictionary<string, GenericChart> Built()
    {
        var detector = new DriftDetector(Training, Wdbc.FeatureNames, [.. Training.Select(StandIn)], 0.5);
        double[][] stream = [.. HeldOut, .. HeldOut.Select(r => r.Select(v => v * 1.2).ToArray())];
        var drift = DriftTimeline.Compute(detector, stream, [.. stream.Select(StandIn)], 100, 20);
        var probabilities = HeldOut.Select(StandIn).ToArray();
        var performance = PerformanceTimeline.Compute(probabilities, [.. probabilities.Select(p => p >= 0.5)], [.. Split.Test.Select(i => Wdbc.IsMalignant[i])], 50, 10);
        StreamMark[] marks = [new(114, "model 2")];
        return new()
        {
            ["feature drift"] = MonitoringCharts.FeatureDrift(Report()),
            ["drift over time"] = MonitoringCharts.DriftOverTime(drift, marks),
            ["predicted rate"] = MonitoringCharts.PredictedRate(drift, marks),
            ["performance over time"] = MonitoringCharts.PerformanceOverTime(performance, marks),
            ["distributions by class"] = DistributionChart.ByClass(Wdbc),
            ["correlation heatmap"] = CorrelationHeatmapChart.Create(CorrelationMatrix.Of(Wdbc, CorrelationMethod.Spearman)),
            ["confusion matrices"] = ConfusionMatrixChart.Create([("a", new ConfusionCounts(50, 3, 100, 4)), ("b", new ConfusionCounts(48, 1, 102, 6))]),
        };
    }

    private static DriftReport Report()
    {
        var detector = new DriftDetector(Training, Wdbc.FeatureNames, [.. Training.Select(StandIn)], 0.5);
        var shifted = HeldOut.Select(r => r.Select((v, f) => f % 3 == 0 ? v * 1.3 : v).ToArray()).ToArray();
        return detector.Check(shifted, [.. shifted.Select(StandIn)]);
    }

    private static double StandIn(double[] row) => 1 / (1 + Math.Exp(-2 * (row[Wdbc.IndexOf("radius_worst")] - 16.8)));
}
