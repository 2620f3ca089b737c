using System.Text.Json.Nodes;
using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Data;
using Plotly.NET;

namespace BreastCancer.Analysis.Tests.Charts;

public sealed class ClassBalanceChartTests
{
    [Fact]
    public void One_bar_trace_per_class_in_the_class_colour_with_one_bar_per_data_set()
    {
        var first = new DatasetOverview("one.csv", 10, 3, [new ClassCount("B", 7, 0.7), new ClassCount("M", 3, 0.3)]);
        var second = new DatasetOverview("two.csv", 4, 3, [new ClassCount("M", 4, 1.0)]);

        var figure = JsonNode.Parse(GenericChart.toFigureJson(ClassBalanceChart.Create(first, second)))!;
        var traces = figure["data"]!.AsArray();

        Assert.Equal(["B", "M"], traces.Select(t => (string)t!["name"]!));
        Assert.All(traces, t => Assert.Equal("bar", (string)t!["type"]!));
        Assert.Equal(["one.csv", "two.csv"], traces[0]!["x"]!.AsArray().Select(x => (string)x!));
        Assert.Equal([7, 0], traces[0]!["y"]!.AsArray().Select(y => (int)y!));
        Assert.Equal([3, 4], traces[1]!["y"]!.AsArray().Select(y => (int)y!));
        Assert.Equal(["30.0 %", "100.0 %"], traces[1]!["text"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(Rgba(ClassColors.BenignHex), (string)traces[0]!["marker"]!["color"]!);
        Assert.Equal(Rgba(ClassColors.MalignantHex), (string)traces[1]!["marker"]!["color"]!);
        Assert.Equal("rows", (string)figure["layout"]!["yaxis"]!["title"]!["text"]!);
    }

    private static string Rgba(string hex)
    {
        var rgb = Convert.FromHexString(hex.TrimStart('#'));
        return $"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, 1.0)";
    }

    [Theory]
    [InlineData("B", ClassColors.BenignHex)]
    [InlineData(" benign ", ClassColors.BenignHex)]
    [InlineData("m", ClassColors.MalignantHex)]
    [InlineData("Malignant", ClassColors.MalignantHex)]
    [InlineData("?", ClassColors.OtherHex)]
    public void Labels_map_to_their_class_colour(string label, string hex) => Assert.Equal(hex, ClassColors.HexOf(label));
}
