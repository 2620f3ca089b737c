using System.Globalization;
using System.Text.Json.Nodes;
using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using Plotly.NET;

namespace BreastCancer.Analysis.Tests.Charts;

public sealed class ShapChartsTests
{
    // Mean |SHAP|: a = (1 + 2 + 1 + 0) / 4 = 1, b = (0.5 + 0.5 + 0 + 1) / 4 = 0.5, c = (0.1 + 0 + 0.3 + 0.2) / 4 = 0.15.
    private static readonly ShapExplanation Small = new(
        ["a", "b", "c"], -0.5,
        [[1.0, -0.5, 0.1], [-2.0, 0.5, 0.0], [1.0, 0.0, -0.3], [0.0, -1.0, 0.2]],
        [[10.0, 1, 7], [0.0, 2, 7], [20.0, 3, 7], [5.0, 4, 7]],
        ShapOutputSpace.LogOdds, "test SHAP");

    private static JsonNode Figure(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!;

    private static double[] Numbers(JsonNode? array) => [.. array!.AsArray().Select(v => (double)v!)];

    private static string[] Texts(JsonNode? array) => [.. array!.AsArray().Select(v => (string)v!)];

    private static GroupImportance Group(string name, double mean, params int[] features) => new(new FeatureGroup(name, features), [mean, mean], mean, mean - 0.01, mean + 0.02, mean - 0.03, mean + 0.05);

    [Fact]
    public void Global_importance_bars_are_the_mean_absolute_shap_values_largest_at_the_top()
    {
        var figure = Figure(ShapCharts.GlobalImportance(Small));

        var bars = figure["data"]![0]!;
        Assert.Equal(["a", "b", "c"], Texts(bars["y"]));
        Assert.Equal([1.0, 0.5, 0.15], Numbers(bars["x"]), new Tolerance(1e-12));
        Assert.Equal("h", (string)bars["orientation"]!);
        Assert.Equal("reversed", (string)figure["layout"]!["yaxis"]!["autorange"]!);
        Assert.Equal("mean |SHAP value| (log-odds of malignancy)", (string)figure["layout"]!["xaxis"]!["title"]!["text"]!);
        Assert.Equal(["a", "b"], Texts(Figure(ShapCharts.GlobalImportance(Small, top: 2))["data"]![0]!["y"]));
    }

    [Fact]
    public void The_beeswarm_colours_each_point_by_its_feature_value_scaled_within_the_feature_and_is_reproducible()
    {
        var json = GenericChart.toFigureJson(ShapCharts.Beeswarm(Small));

        var points = JsonNode.Parse(json)!["data"]![0]!;
        Assert.Equal([0.5, 0, 1, 0.25, 0, 1 / 3.0, 2 / 3.0, 1, 0.5, 0.5, 0.5, 0.5], Numbers(points["marker"]!["color"]), new Tolerance(1e-12));
        Assert.Equal([1.0, -2, 1, 0, -0.5, 0.5, 0, -1, 0.1, 0, -0.3, 0.2], Numbers(points["x"]));
        var rows = Numbers(points["y"]);
        Assert.Equal([0.0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], rows.Select(y => Math.Round(y)));
        Assert.All(rows, y => Assert.InRange(Math.Abs(y - Math.Round(y)), 0, 0.36 + 1e-12));
        Assert.Equal(["low", "high"], Texts(points["marker"]!["colorbar"]!["ticktext"]));
        Assert.Equal(json, GenericChart.toFigureJson(ShapCharts.Beeswarm(Small)));
        Assert.Equal("SHAP value (log-odds of malignancy)", (string)JsonNode.Parse(json)!["layout"]!["xaxis"]!["title"]!["text"]!);
    }

    [Fact]
    public void The_beeswarm_piles_equal_values_alternately_above_and_below_the_row_and_greys_missing_values()
    {
        var offsets = BeeswarmLayout.Offsets([0.0, 0.0, 0.0, 1.0]);
        var missing = Small with { FeatureValues = [[double.NaN, 1, 7], [0.0, 2, 7], [20.0, 3, 7], [5.0, 4, 7]] };

        var traces = Figure(ShapCharts.Beeswarm(missing, top: 1))["data"]!.AsArray();

        Assert.Equal([0.0, 0.18, -0.18, 0.0], offsets, new Tolerance(1e-12));
        Assert.Equal([0.0, 1, 0.25], Numbers(traces[0]!["marker"]!["color"]), new Tolerance(1e-12));
        Assert.Equal("missing value", (string)traces[1]!["name"]!);
        Assert.Equal([1.0], Numbers(traces[1]!["x"]));
    }

    [Fact]
    public void Dependence_plots_the_feature_values_against_their_shap_values_coloured_by_the_interaction()
    {
        var figure = Figure(ShapCharts.Dependence(Small, "a", "b"));

        var points = figure["data"]![0]!;
        Assert.Equal([10.0, 0, 20, 5], Numbers(points["x"]));
        Assert.Equal([1.0, -2, 1, 0], Numbers(points["y"]));
        Assert.Equal([1.0, 2, 3, 4], Numbers(points["marker"]!["color"]));
        Assert.Equal("b", (string)points["marker"]!["colorbar"]!["title"]!["text"]!);
        Assert.Equal("a (data units)", (string)figure["layout"]!["xaxis"]!["title"]!["text"]!);
        Assert.Equal("SHAP value for a (log-odds of malignancy)", (string)figure["layout"]!["yaxis"]!["title"]!["text"]!);
    }

    [Fact]
    public void Dependence_chooses_the_feature_that_explains_the_spread_of_the_shap_values_at_a_given_value()
    {
        // The SHAP value of "main" is 0.1 · main ± 1 by the sign of "partner"; "noise" is unrelated to it.
        var partner = Enumerable.Range(0, 40).Select(r => r % 4 is 1 or 2 ? 1.0 : 0.0).ToArray();
        var noise = Enumerable.Range(0, 40).Select(r => (double)(r * 7 % 5)).ToArray();
        var shap = new ShapExplanation(["noise", "main", "partner"], 0,
            [.. Enumerable.Range(0, 40).Select(r => new[] { 0.0, 0.1 * r + (partner[r] == 1 ? 1 : -1), 0.0 })],
            [.. Enumerable.Range(0, 40).Select(r => new[] { noise[r], r, partner[r] })],
            ShapOutputSpace.Probability, "constructed");

        var title = (string)Figure(ShapCharts.Dependence(shap, "main"))["data"]![0]!["marker"]!["colorbar"]!["title"]!["text"]!;

        Assert.Equal(2, ShapInteraction.Strongest(shap, 1));
        Assert.True(ShapInteraction.Score(shap, 1, 2) > 9.9, "within every chunk of four rows the partner explains the spread");
        Assert.True(ShapInteraction.Score(shap, 1, 0) < ShapInteraction.Score(shap, 1, 2));
        Assert.StartsWith("partner<br>(chosen", title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_waterfall_runs_from_the_base_value_to_the_output_with_the_rest_in_one_bar()
    {
        var shap = new ShapExplanation(["f0", "f1", "f2", "f3", "f4"], -1.0, [[0.5, -1.2, 0.05, 0.3, -0.02]], [[1.5, 2, 3, 4, 5]], ShapOutputSpace.LogOdds, "test");

        var figure = Figure(ShapCharts.Waterfall(shap, 0, top: 2));

        var bars = figure["data"]![0]!;
        Assert.Equal("waterfall", (string)bars["type"]!);
        Assert.Equal(["3 other features", "f0 = 1.5", "f1 = 2"], Texts(bars["y"]));
        Assert.Equal([0.05 + 0.3 - 0.02, 0.5, -1.2], Numbers(bars["x"]), new Tolerance(1e-12));
        Assert.Equal(-1.0, (double)bars["base"]!);
        Assert.Equal(shap.Output(0), (double)bars["base"]! + Numbers(bars["x"]).Sum(), 12);
        Assert.Equal(["relative", "relative", "relative"], Texts(bars["measure"]));
        Assert.Equal(ClassColors.MalignantHex, (string)bars["increasing"]!["marker"]!["color"]!);
        Assert.Equal(ClassColors.BenignHex, (string)bars["decreasing"]!["marker"]!["color"]!);
        var title = (string)figure["layout"]!["title"]!["text"]!;
        var p = (double x) => (1 / (1 + Math.Exp(-x))).ToString("P1", CultureInfo.InvariantCulture);
        Assert.Contains($"{p(-1.0)} on average → {p(shap.Output(0))} for this patient", title, StringComparison.Ordinal);
        Assert.Equal(["f0 = 1.5", "f1 = 2", "f2 = 3", "f3 = 4", "f4 = 5"],
            Texts(Figure(ShapCharts.Waterfall(shap, 0, top: 5))["data"]![0]!["y"]).OrderBy(t => t, StringComparer.Ordinal));
    }

    [Fact]
    public void The_rankings_list_both_panels_in_the_shap_order_and_give_the_permutation_ranks()
    {
        var permutation = new PermutationImportanceResult("model", Metric.RocAuc, 0.99, 4, 2, 100, 1, [Group("c", 0.03, 2), Group("b", 0.02, 1), Group("a", 0.01, 0)]);

        var figure = Figure(ShapCharts.Rankings(Small, permutation));

        var (shapBars, permutationBars) = (figure["data"]![0]!, figure["data"]![1]!);
        Assert.Equal(["a", "b", "c"], Texts(shapBars["y"]));
        Assert.Equal(["a", "b", "c"], Texts(permutationBars["y"]));
        Assert.Equal([1.0, 0.5, 0.15], Numbers(shapBars["x"]), new Tolerance(1e-12));
        Assert.Equal([0.01, 0.02, 0.03], Numbers(permutationBars["x"]));
        Assert.Equal([0.05, 0.05, 0.05], Numbers(permutationBars["error_x"]!["array"]), new Tolerance(1e-12));
        Assert.Equal([0.02, 0.02, 0.02], Numbers(figure["data"]![2]!["error_x"]!["array"]), new Tolerance(1e-12));
        Assert.Equal(["#3", "#2", "#1"], Texts(figure["layout"]!["yaxis2"]!["ticktext"]));
        var clustered = permutation with { Groups = [Group("a + b", 0.03, 0, 1), Group("c", 0.01, 2)] };
        Assert.Contains("'a + b' holds 2 features", Assert.Throws<ArgumentException>(() => ShapCharts.Rankings(Small, clustered)).Message, StringComparison.Ordinal);
        var partial = permutation with { Groups = [Group("a", 0.03, 0)] };
        Assert.Contains("no group for 'b'", Assert.Throws<ArgumentException>(() => ShapCharts.Rankings(Small, partial)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_permutation_chart_draws_each_groups_mean_loss_with_its_intervals_over_rows_and_over_repeats()
    {
        var result = new PermutationImportanceResult("model", Metric.RocAuc, 0.99, 4, 2, 100, 1, [Group("a + b", 0.03, 0, 1), Group("c", 0.01, 2)]);

        var figure = Figure(PermutationImportanceChart.Create(result));

        var (bars, repeats) = (figure["data"]![0]!, figure["data"]![1]!);
        Assert.Equal(["a + b", "c"], Texts(bars["y"]));
        Assert.Equal([0.03, 0.01], Numbers(bars["x"]));
        Assert.Equal([0.05, 0.05], Numbers(bars["error_x"]!["array"]), new Tolerance(1e-12));
        Assert.Equal([0.03, 0.03], Numbers(bars["error_x"]!["arrayminus"]), new Tolerance(1e-12));
        Assert.Contains("over rows", (string)bars["name"]!, StringComparison.Ordinal);
        Assert.Equal(["a + b", "c"], Texts(repeats["y"]));
        Assert.Equal([0.03, 0.01], Numbers(repeats["x"]));
        Assert.Equal([0.02, 0.02], Numbers(repeats["error_x"]!["array"]), new Tolerance(1e-12));
        Assert.Equal([0.01, 0.01], Numbers(repeats["error_x"]!["arrayminus"]), new Tolerance(1e-12));
        Assert.Contains("over repeats", (string)repeats["name"]!, StringComparison.Ordinal);
        Assert.Equal("loss of ROC AUC when permuted (baseline 0.9900; 95 % CIs over 100 row resamples and over 2 repeats)",
            (string)figure["layout"]!["xaxis"]!["title"]!["text"]!);
        Assert.Throws<ArgumentException>(() => PermutationImportanceChart.Create(result with { Groups = [] }));
    }

    [Fact]
    public void Explanations_on_different_spaces_are_compared_as_shares_and_on_one_space_as_they_are()
    {
        var probability = Small.Rescaled(0.1, 0.4, ShapOutputSpace.Probability);

        var shares = Figure(ShapCharts.Compare([("log-odds", Small), ("probability", probability)]))["data"]!.AsArray();
        var same = Figure(ShapCharts.Compare([("small", Small), ("other", Small with { Method = "other" })]))["data"]!.AsArray();

        Assert.All(shares, t => Assert.Equal(1, Numbers(t!["x"]).Sum(), 12));
        Assert.Equal([1 / 1.65, 0.5 / 1.65, 0.15 / 1.65], Numbers(shares[1]!["x"]), new Tolerance(1e-12));
        Assert.Equal([1.0, 0.5, 0.15], Numbers(same[1]!["x"]), new Tolerance(1e-12));
        Assert.Equal("other", (string)same[1]!["name"]!);
        var renamed = Small with { FeatureNames = ["a", "b", "d"] };
        var mismatch = Assert.Throws<ArgumentException>(() => ShapCharts.Compare([("small", Small), ("renamed", renamed)]));
        Assert.Contains("explanation 1 (renamed) explains [a, b, d]", mismatch.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ShapCharts.Compare([]));
    }

    [Fact]
    public void Bad_input_is_refused_with_what_was_wrong()
    {
        var empty = Small with { Values = [], FeatureValues = [] };

        Assert.Contains("'d' is not a feature of the explanation; its features are a, b, c",
            Assert.Throws<ArgumentException>(() => ShapCharts.Dependence(Small, "d")).Message, StringComparison.Ordinal);
        Assert.Equal("interaction", Assert.Throws<ArgumentException>(() => ShapCharts.Dependence(Small, "a", "e")).ParamName);
        Assert.Contains("row 4 is not one of the explanation's rows 0–3", Assert.Throws<ArgumentException>(() => ShapCharts.Waterfall(Small, 4)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ShapCharts.Waterfall(Small, -1));
        Assert.Equal("top", Assert.Throws<ArgumentException>(() => ShapCharts.Beeswarm(Small, 0)).ParamName);
        Assert.Equal("top", Assert.Throws<ArgumentException>(() => ShapCharts.GlobalImportance(Small, 0)).ParamName);
        Assert.Contains("0 rows: nothing to chart", Assert.Throws<ArgumentException>(() => ShapCharts.GlobalImportance(empty)).Message, StringComparison.Ordinal);
        Assert.Contains("row 1 of the explanation has 2 SHAP values",
            Assert.Throws<ArgumentException>(() => ShapCharts.Beeswarm(Small with { Values = [[1.0, 0, 0], [1.0, 0], [0.0, 0, 0], [0.0, 0, 0]] })).Message, StringComparison.Ordinal);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
