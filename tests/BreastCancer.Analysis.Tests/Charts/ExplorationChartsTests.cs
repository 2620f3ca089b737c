using System.Text.Json.Nodes;
using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Exploration;
using BreastCancer.Analysis.Tests.Data;
using Plotly.NET;

namespace BreastCancer.Analysis.Tests.Charts;

public sealed class ExplorationChartsTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly BreastCancerData _small;

    public ExplorationChartsTests() => _small = TestData.Wbco(_files,
        ("1", TestData.Scores(1), false), ("2", TestData.Scores(2), false), ("3", TestData.Scores(3), false),
        ("4", TestData.Scores(7), true), ("5", TestData.Scores(9, 0, 10), true));

    public void Dispose() => _files.Dispose();

    private static JsonNode Figure(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!;

    [Fact]
    public void The_distribution_grid_has_a_benign_and_a_malignant_histogram_per_feature_on_shared_bins()
    {
        var figure = Figure(DistributionChart.ByClass(_small, columns: 3));
        var traces = figure["data"]!.AsArray();

        Assert.Equal(18, traces.Count);
        Assert.All(traces, t => Assert.Equal("histogram", (string)t!["type"]!));
        Assert.Equal(["benign (B)", "malignant (M)"], traces.Take(2).Select(t => (string)t!["name"]!));
        Assert.Equal([7.0, 10.0], traces[1]!["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal((string)traces[0]!["bingroup"]!, (string)traces[1]!["bingroup"]!);
        Assert.NotEqual((string)traces[0]!["bingroup"]!, (string)traces[2]!["bingroup"]!);
        Assert.Equal(1, traces.Count(t => (bool?)t!["showlegend"] != false) / 2);
        Assert.Equal("overlay", (string)figure["layout"]!["barmode"]!);
        Assert.Equal(FeatureCatalog.WbcoFeatures, figure["layout"]!["annotations"]!.AsArray().Select(a => (string)a!["text"]!));
    }

    [Fact]
    public void The_box_chart_shows_z_scores_per_feature_grouped_by_class()
    {
        var figure = Figure(StandardizedBoxChart.Create(_small, order: ["mitoses", "clump_thickness"]));
        var traces = figure["data"]!.AsArray();

        Assert.Equal(["box", "box"], traces.Select(t => (string)t!["type"]!));
        Assert.Equal(["mitoses", "mitoses", "mitoses", "clump_thickness", "clump_thickness", "clump_thickness"], traces[0]!["x"]!.AsArray().Select(v => (string)v!));
        var mitoses = new[] { 1.0, 2, 3, 7, 9 };
        var (mean, sd) = (mitoses.Average(), Math.Sqrt(mitoses.Sum(v => (v - mitoses.Average()) * (v - mitoses.Average())) / 4));
        Assert.Equal((1 - mean) / sd, (double)traces[0]!["y"]![0]!, 12);
        Assert.Equal("group", (string)figure["layout"]!["boxmode"]!);
    }

    [Fact]
    public void The_pca_scores_chart_names_its_axes_with_the_variance_shares()
    {
        var pca = PrincipalComponents.Of(_small);

        var layout = Figure(PcaChart.Scores(pca))["layout"]!;

        Assert.StartsWith("PC1 (", (string)layout["xaxis"]!["title"]!["text"]!, StringComparison.Ordinal);
        Assert.Contains(pca.ExplainedVarianceRatio[0].ToString("P1", System.Globalization.CultureInfo.InvariantCulture), (string)layout["xaxis"]!["title"]!["text"]!, StringComparison.Ordinal);
        Assert.StartsWith("PC2 (", (string)layout["yaxis"]!["title"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_heatmap_is_centred_on_zero_and_outlines_each_cluster()
    {
        var correlations = new CorrelationMatrix(["a", "b", "c"], [[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1]], CorrelationMethod.Pearson);
        var clusters = new FeatureClusters(0.2, Linkage.Average, [["a", "b"], ["c"]]);

        var figure = Figure(CorrelationHeatmapChart.Create(correlations, clusters));
        var trace = figure["data"]![0]!;
        var shapes = figure["layout"]!["shapes"]!.AsArray();

        Assert.Equal("heatmap", (string)trace["type"]!);
        Assert.Equal((-1.0, 0.0, 1.0), ((double)trace["zmin"]!, (double)trace["zmid"]!, (double)trace["zmax"]!));
        Assert.Equal(["a", "b", "c"], trace["x"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([(-0.5, 1.5), (1.5, 2.5)], shapes.Select(s => ((double)s!["x0"]!, (double)s["x1"]!)));
    }

    [Fact]
    public void The_vif_chart_uses_a_log_axis_and_marks_the_warning_level()
    {
        var vif = new VarianceInflation([new FeatureVif("a", double.PositiveInfinity), new FeatureVif("b", 25), new FeatureVif("c", 2)]);

        var figure = Figure(VifChart.Create(vif));
        var bar = figure["data"]![0]!;

        Assert.Equal("log", (string)figure["layout"]!["xaxis"]!["type"]!);
        Assert.Equal(["c", "b", "a"], bar["y"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([2.0, 25, 25], bar["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("∞", (string)bar["text"]![2]!);
        Assert.Equal(VifChart.WarningLevel, (double)figure["layout"]!["shapes"]![0]!["x0"]!);
    }
}
