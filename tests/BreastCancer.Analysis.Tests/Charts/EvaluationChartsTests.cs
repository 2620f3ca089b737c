using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using Plotly.NET;

namespace BreastCancer.Analysis.Tests.Charts;

public sealed class EvaluationChartsTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly ModelComparison Comparison = ModelComparison.Run(
        [ModelCatalogue.MajorityClass.Pipeline(), ModelCatalogue.LogisticRegressionL2.Pipeline()], Wdbc.ToArray(), Wdbc.IsMalignant,
        StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 4, seed: 3), seed: 1, operatingPoint: new OperatingPointOptions(0.98, 3));

    [Fact]
    public void The_comparison_chart_has_a_point_with_its_interval_for_every_model_and_metric()
    {
        var chart = ModelComparisonChart.Create(Comparison, Metric.Accuracy, Metric.RocAuc, Metric.Brier);

        var json = GenericChart.toFigureJson(chart);
        Assert.Equal(6, GenericChart.getTraces(chart).Length);
        var summary = Comparison.Models[1].Summary(Metric.RocAuc);
        Assert.Contains(FormattableString.Invariant($"{summary.High - summary.Mean}"), json, StringComparison.Ordinal);
        Assert.Contains("Brier score (lower is better)", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Roc_and_precision_recall_charts_draw_a_band_and_a_line_per_model()
    {
        var curves = Comparison.Models.Select(CurveBand.Roc).ToList();

        var roc = CurveChart.Roc(curves);
        var pr = CurveChart.PrecisionRecall([.. Comparison.Models.Select(CurveBand.PrecisionRecall)], prevalence: 212 / 569.0);

        Assert.Equal(3 * 2 + 1, GenericChart.getTraces(roc).Length);
        Assert.Equal(3 * 2 + 1, GenericChart.getTraces(pr).Length);
        Assert.Contains("tonexty", GenericChart.toFigureJson(roc), StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_name_models_without_their_settings_and_a_comparison_can_leave_the_baseline_out()
    {
        var models = Comparison.Without(ModelCatalogue.MajorityClass.Name);

        var json = GenericChart.toFigureJson(CurveChart.Roc(models, corner: 0.2));

        Assert.Single(models.Models);
        Assert.Contains("\"logistic regression, L2 (ROC AUC", json, StringComparison.Ordinal);
        Assert.DoesNotContain("l2 = 1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("majority", json, StringComparison.Ordinal);
        Assert.Contains("[0.8,1.0]", json.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => Comparison.Without("no such model"));
    }

    [Fact]
    public void Confusion_matrices_show_counts_and_shares_of_the_true_class_with_missed_cancers_bottom_left()
    {
        var counts = new ConfusionCounts(TruePositives: 49, FalsePositives: 2, TrueNegatives: 98, FalseNegatives: 1);

        using var figure = System.Text.Json.JsonDocument.Parse(GenericChart.toFigureJson(ConfusionMatrixChart.Create([("model", counts)])));

        var trace = figure.RootElement.GetProperty("data")[0];
        var rows = trace.GetProperty("y").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var columns = trace.GetProperty("x").EnumerateArray().Select(v => v.GetString()!).ToArray();
        var text = trace.GetProperty("text");
        Assert.Equal(["malignant", "benign"], rows);
        Assert.Equal(["predicted benign", "predicted malignant"], columns);
        Assert.Equal("1 (2.0 %)", text[0][0].GetString());
        Assert.Equal("49 (98.0 %)", text[0][1].GetString());
        Assert.Equal("98 (98.0 %)", text[1][0].GetString());
        Assert.Equal("2 (2.0 %)", text[1][1].GetString());
        Assert.Equal(1.0 / 50, trace.GetProperty("z")[0][0].GetDouble(), 12);
    }

    [Fact]
    public void Reliability_and_decision_curves_draw_every_model_and_the_references()
    {
        var labels = Comparison.Models[1].PooledLabels;
        var probabilities = Comparison.Models[1].PooledProbabilities;

        var reliability = CalibrationCharts.Reliability([("lr", Calibration.Compute(labels, probabilities))]);
        var decision = CalibrationCharts.DecisionCurves([("lr", DecisionCurve.Compute(labels, probabilities, [0.05, 0.1, 0.2, 0.5]))]);

        Assert.Equal(2, GenericChart.getTraces(reliability).Length);
        Assert.Equal(3, GenericChart.getTraces(decision).Length);
    }

    [Fact]
    public void The_tables_show_intervals_paired_tests_and_operating_points()
    {
        var table = EvaluationHtml.Render(Comparison);
        var paired = EvaluationHtml.Render(Comparison.Paired(Metric.RocAuc));
        var points = EvaluationHtml.Render(OperatingPointComparison.Of(Comparison));

        var accuracy = Comparison.Models[1].Summary(Metric.Accuracy);
        Assert.Contains(FormattableString.Invariant($"<td>{accuracy.Mean:F4} ({accuracy.Low:F3}–{accuracy.High:F3})</td>"), table, StringComparison.Ordinal);
        Assert.Contains("reference: logistic regression, L2 (l2 = 1)", paired, StringComparison.Ordinal);
        Assert.Contains("&lt; 0.001", paired, StringComparison.Ordinal);
        var counts = Comparison.Models[1].Folds.Select(f => f.OperatingPoint!.Test.Counts).Aggregate((a, b) => a + b);
        Assert.Contains($"<td>{counts.FalseNegatives} of 212</td>", points, StringComparison.Ordinal);
    }
}
