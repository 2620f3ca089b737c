using System.Text.Json.Nodes;
using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;
using Plotly.NET;

namespace BreastCancer.Analysis.Tests.Charts;

public sealed class SearchChartsTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly SearchResult Search = HyperparameterSearch.Grid(ModelCatalogue.RbfSvm, [("C", [0.1, 1.0, 10.0]), ("gamma", [0.003, 0.03])],
        Wdbc.ToArray(), Wdbc.IsMalignant, StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 3, seed: 1), Metric.RocAuc, seed: 1);

    [Fact]
    public void The_heatmap_puts_each_settings_mean_in_its_cell_and_rings_the_best()
    {
        var figure = JsonNode.Parse(GenericChart.toFigureJson(SearchCharts.Heatmap(Search, "C", "gamma")))!;

        var heatmap = figure["data"]![0]!;
        Assert.Equal(["0.1", "1", "10"], heatmap["x"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["0.003", "0.03"], heatmap["y"]!.AsArray().Select(v => (string)v!));
        var expected = Search.Fits.Single(f => f.Parameters["C"] == 10 && f.Parameters["gamma"] == 0.003).Mean;
        Assert.Equal(expected, (double)heatmap["z"]![0]![2]!, 12);
        var best = figure["data"]![1]!;
        Assert.Equal(Search.Best.Parameters["C"].ToString("G4", System.Globalization.CultureInfo.InvariantCulture), (string)best["x"]![0]!);
        Assert.Throws<ArgumentException>(() => SearchCharts.Heatmap(Search, "C", "C"));
    }

    [Fact]
    public void The_search_table_lists_the_best_settings_first()
    {
        var html = TuningHtml.Render(Search);

        var best = Numbers.MeanSd(Search.Best.Mean, Search.Best.Sd);
        Assert.Contains($"<tr><td>1</td><td>{Search.Best.Parameters["C"]:G4}</td><td>{Search.Best.Parameters["gamma"]:G4}</td><td>{best.Replace("±", "&#177;", StringComparison.Ordinal)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("6 settings &#215; 3 folds", html, StringComparison.Ordinal);
        var scatter = JsonNode.Parse(GenericChart.toFigureJson(SearchCharts.ScoreAgainst(Search, "C", logAxis: true)))!;
        Assert.Equal(6, scatter["data"]![0]!["x"]!.AsArray().Count);
        Assert.Equal("log", (string)scatter["layout"]!["xaxis"]!["type"]!);
    }

    [Fact]
    public void The_nested_chart_puts_each_models_outer_estimate_with_its_interval_beside_its_best_non_nested_score()
    {
        var folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 3, seed: 1);
        var nested = NestedCrossValidation.Grid(ModelCatalogue.RbfSvm, [("C", [0.1, 1.0, 10.0]), ("gamma", [0.003, 0.03])], Wdbc.ToArray(), Wdbc.IsMalignant, folds, 3, Metric.RocAuc, seed: 1);

        var figure = JsonNode.Parse(GenericChart.toFigureJson(SearchCharts.NestedAgainstNonNested([(Search, nested)])))!;

        var (outer, best) = (figure["data"]![0]!, figure["data"]![1]!);
        var estimate = nested.Outer(Metric.RocAuc);
        Assert.Equal(estimate.Mean, (double)outer["x"]![0]!, 12);
        Assert.Equal(estimate.High - estimate.Mean, (double)outer["error_x"]!["array"]![0]!, 12);
        Assert.Equal(estimate.Mean - estimate.Low, (double)outer["error_x"]!["arrayminus"]![0]!, 12);
        Assert.Equal(Search.Best.Mean, (double)best["x"]![0]!, 12);
        Assert.Equal("RBF SVM", (string)best["y"]![0]!);
        var brier = nested with { Metric = Metric.Brier };
        Assert.Contains("chart one metric", Assert.Throws<ArgumentException>(() => SearchCharts.NestedAgainstNonNested([(Search, brier)])).Message, StringComparison.Ordinal);
    }
}
