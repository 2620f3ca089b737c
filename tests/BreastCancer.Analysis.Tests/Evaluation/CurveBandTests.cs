using System.Text.Json.Nodes;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class CurveBandTests
{
    private static readonly JsonNode Fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "models.json")))!;

    [Fact]
    public void Roc_points_equal_scikit_learns_roc_curve_and_their_area_equals_the_auc()
    {
        var labels = Fixture["y_score"]!.AsArray().Select(v => (int)v! == 1).ToArray();
        foreach (var fixture in Fixture["cases"]!.AsArray())
        {
            var scores = fixture!["decision"]!.AsArray().Select(v => (double)v!).ToArray();

            var (fpr, tpr) = CurveBand.RocPoints(labels, scores);

            Assert.Equal(fixture["roc_fpr"]!.AsArray().Select(v => (double)v!), fpr, (a, b) => Math.Abs(a - b) < 1e-12);
            Assert.Equal(fixture["roc_tpr"]!.AsArray().Select(v => (double)v!), tpr, (a, b) => Math.Abs(a - b) < 1e-12);
            var trapezoids = Enumerable.Range(1, fpr.Length - 1).Sum(i => (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2);
            Assert.Equal(RankingMetrics.RocAuc(labels, scores), trapezoids, 12);
        }
    }

    [Fact]
    public void The_fold_averaged_curves_run_from_corner_to_corner_inside_their_bands()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var folds = StratifiedGroupKFold.Split(wdbc.IsMalignant, null, 5, seed: 2);
        var result = CrossValidation.Run(ModelCatalogue.LogisticRegressionL2.Pipeline(), wdbc, folds, seed: 1);

        var roc = CurveBand.Roc(result);
        var pr = CurveBand.PrecisionRecall(result);

        Assert.Equal(0, roc.Mean[0]);
        Assert.Equal(1, roc.Mean[^1]);
        Assert.Equal(result.Summary(Metric.RocAuc).Mean, roc.MeanArea, 12);
        Assert.Equal(result.Summary(Metric.AveragePrecision).Mean, pr.MeanArea, 12);
        Assert.All(Enumerable.Range(0, roc.Grid.Count), g => Assert.InRange(roc.Mean[g], roc.Low[g], roc.High[g]));
        Assert.All(Enumerable.Range(1, roc.Grid.Count - 1), g => Assert.True(roc.Mean[g] >= roc.Mean[g - 1]));
        Assert.All(Enumerable.Range(1, pr.Grid.Count - 1), g => Assert.True(pr.Mean[g] <= pr.Mean[g - 1] + 1e-12, "interpolated precision never rises with recall"));
        // On a grid of 0.01 the averaged curve cuts the corner at the steep start, so its area is a little below the mean AUC.
        var trapezoids = Enumerable.Range(1, roc.Grid.Count - 1).Sum(g => (roc.Grid[g] - roc.Grid[g - 1]) * (roc.Mean[g] + roc.Mean[g - 1]) / 2);
        Assert.InRange(trapezoids, roc.MeanArea - 0.01, roc.MeanArea + 1e-9);
    }
}
