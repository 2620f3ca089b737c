using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Exploration;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using Microsoft.ML;
using static BreastCancer.Analysis.Tests.Explanation.StudyRows;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class PermutationImportanceTests
{
    [Fact]
    public void The_loss_of_each_feature_agrees_with_MLNETs_permutation_feature_importance()
    {
        string[] four = ["radius_worst", "texture_mean", "smoothness_worst", "concave_points_worst"];
        var fitted = ModelCatalogue.LogisticRegressionL2.Pipeline(ColumnSelection.ByName(Wdbc.FeatureNames, four, "four")).Fit(Training, TrainingLabels, seed: 1);
        var groups = FeatureGroup.Singles(Wdbc.FeatureNames).Where(g => four.Contains(g.Name)).ToArray();

        var ours = PermutationImportance.Compute("LR", fitted, HeldOut, HeldOutLabels, groups, Metric.RocAuc, repeats: 40, seed: 3);

        var context = new MLContext(3);
        var transformer = (ISingleFeaturePredictionTransformer<object>)((FittedMlNetClassifier)fitted.Classifier).Model;
        var theirs = context.BinaryClassification.PermutationFeatureImportance(transformer, MlNetRows.ToDataView(context, fitted.Transform(HeldOut), HeldOutLabels), permutationCount: 40);
        var inputOrder = ClassifierInputs.Sources(fitted, Wdbc.FeatureCount)!;
        for (var input = 0; input < inputOrder.Length; input++)
        {
            var name = Wdbc.FeatureNames[inputOrder[input]];
            var mine = ours.Groups.Single(g => g.Group.Name == name);
            var mlNet = theirs[input].AreaUnderRocCurve;
            var ourError = (mine.High - mine.Low) / 2 / 2.02;
            var tolerance = (4 * Math.Sqrt((ourError * ourError) + (mlNet.StandardError * mlNet.StandardError))) + 1e-3;
            Assert.True(Math.Abs(mine.Mean - -mlNet.Mean) < tolerance, $"{name}: our ROC AUC loss {mine.Mean:F4}, ML.NET's {-mlNet.Mean:F4} (tolerance {tolerance:F4})");
        }

        Assert.True(ours.Groups[0].Mean > 0.01, $"the most important of four features costs {ours.Groups[0].Mean:F4} of ROC AUC when permuted");
    }

    [Fact]
    public void A_feature_the_model_never_reads_costs_nothing_in_every_repeat_and_the_one_it_reads_costs_what_brute_force_says()
    {
        var model = new FittedPipeline([], new FirstColumnClassifier());
        double[][] rows = [[1, 5], [2, 6], [3, 7], [4, 8]];
        bool[] labels = [false, false, true, true];

        var result = PermutationImportance.Compute("first", model, rows, labels, FeatureGroup.Singles(["x", "y"]), Metric.Accuracy, repeats: 12, seed: 5);

        var ignored = result.Groups.Single(g => g.Group.Name == "y");
        Assert.All(ignored.Losses, l => Assert.Equal(0, l));
        Assert.Equal(1, result.Baseline);
        var used = result.Groups.Single(g => g.Group.Name == "x");
        var possible = Permutations([0, 1, 2, 3]).Select(order => 1 - (order.Select((o, i) => rows[o][0] > 2.5 == labels[i]).Count(c => c) / 4.0)).ToHashSet();
        Assert.All(used.Losses, l => Assert.Contains(l, possible));
        Assert.Equal(used.Losses.Average(), used.Mean, 12);
        Assert.True(used.Low <= used.Mean && used.Mean <= used.High);
        Assert.Equal((0.0, 0.0), (ignored.RowLow, ignored.RowHigh));
        Assert.True(used.RowLow < used.RowHigh, $"the row interval of x is {used.RowLow} to {used.RowHigh}");
    }

    [Theory]
    [InlineData(Metric.LogLoss, false)]
    [InlineData(Metric.Brier, false)]
    [InlineData(Metric.RocAuc, false)]
    [InlineData(Metric.RocAuc, true)]
    [InlineData(Metric.AveragePrecision, false)]
    [InlineData(Metric.AveragePrecision, true)]
    [InlineData(Metric.Accuracy, false)]
    public void The_row_interval_is_the_percentile_bootstrap_a_brute_force_resampling_of_the_scored_probabilities_gives(Metric metric, bool tiedProbabilities)
    {
        var model = new FittedPipeline([], tiedProbabilities ? new CoarseClassifier() : new SmoothClassifier());
        double[][] rows = [[1, 5], [2, 3], [3, 7], [4, 1], [2.5, 2], [3.5, 6], [1.5, 4], [0.5, 8], [4.5, 0]];
        bool[] labels = [false, false, true, true, false, true, true, false, true];
        var groups = FeatureGroup.Singles(["x", "y"]);
        const int repeats = 4;
        const int resamples = 300;
        const int seed = 11;

        var result = PermutationImportance.Compute("smooth", model, rows, labels, groups, metric, repeats, seed, workers: 1, rowResamples: resamples);

        // The same seed logic: a permutation seed per group and repeat, then the seed of the row resamples.
        var seeds = new Random(seed);
        var permutationSeeds = groups.Select(_ => Enumerable.Range(0, repeats).Select(_ => seeds.Next()).ToArray()).ToArray();
        var resampler = new Random(seeds.Next());
        var malignant = Enumerable.Range(0, rows.Length).Where(r => labels[r]).ToArray();
        var benign = Enumerable.Range(0, rows.Length).Where(r => !labels[r]).ToArray();
        var samples = Enumerable.Range(0, resamples)
            .Select(_ => malignant.Select(_ => malignant[resampler.Next(malignant.Length)]).Concat(benign.Select(_ => benign[resampler.Next(benign.Length)])).ToArray())
            .ToArray();
        var baseline = model.PredictProbability(rows);
        for (var g = 0; g < groups.Count; g++)
        {
            var permuted = permutationSeeds[g].Select(s =>
            {
                var order = Enumerable.Range(0, rows.Length).ToArray();
                new Random(s).Shuffle(order);
                var column = groups[g].Features[0];
                return model.PredictProbability([.. rows.Select((row, i) => column == 0 ? new[] { rows[order[i]][0], row[1] } : [row[0], rows[order[i]][1]])]);
            }).ToArray();
            var importances = samples.Select(sample =>
            {
                var sampledLabels = sample.Select(i => labels[i]).ToArray();
                var reference = metric.Of(ClassificationMetrics.Compute(sampledLabels, [.. sample.Select(i => baseline[i])]));
                var sign = metric.HigherIsBetter() ? 1 : -1;
                return permuted.Sum(p => sign * (reference - metric.Of(ClassificationMetrics.Compute(sampledLabels, [.. sample.Select(i => p[i])])))) / repeats;
            }).Order().ToArray();

            var group = result.Groups.Single(r => r.Group.Name == groups[g].Name);
            Assert.Equal(Percentile(importances, 0.025), group.RowLow, 1e-12);
            Assert.Equal(Percentile(importances, 0.975), group.RowHigh, 1e-12);
            Assert.True(group.RowHigh > group.RowLow, $"{groups[g].Name}: the row interval {group.RowLow} to {group.RowHigh} is a point");
        }

        static double Percentile(double[] sorted, double q)
        {
            var h = (sorted.Length - 1) * q;
            var below = (int)Math.Floor(h);
            return sorted[below] + ((h - below) * (sorted[below + 1] - sorted[below]));
        }
    }

    [Fact]
    public void A_cluster_permuted_together_costs_more_than_either_of_its_copies_alone()
    {
        var model = new FittedPipeline([], new MeanOfTwoColumnsClassifier());
        var random = new Random(2);
        var rows = Enumerable.Range(0, 200).Select(_ => random.NextDouble() * 2 - 1).Select(v => new[] { v, v + (0.01 * random.NextDouble()), random.NextDouble() }).ToArray();
        var labels = rows.Select(r => r[0] > 0).ToArray();
        var clusters = new FeatureClusters(0.5, Linkage.Average, [["a", "b"], ["c"]]);

        var single = PermutationImportance.Compute("mean", model, rows, labels, FeatureGroup.Singles(["a", "b", "c"]), Metric.Accuracy, repeats: 10, seed: 1);
        var grouped = PermutationImportance.Compute("mean", model, rows, labels, FeatureGroup.Clusters(clusters, ["a", "b", "c"]), Metric.Accuracy, repeats: 10, seed: 1);

        var pair = grouped.Groups.Single(g => g.Group.Name == "a + b");
        Assert.Equal([0, 1], pair.Group.Features);
        Assert.True(pair.Mean > single.Groups.Single(g => g.Group.Name == "a").Mean + 0.1, $"the pair costs {pair.Mean:F3}, a alone {single.Groups.Single(g => g.Group.Name == "a").Mean:F3}");
        Assert.True(pair.Mean > single.Groups.Single(g => g.Group.Name == "b").Mean + 0.1);
        Assert.Equal(0, grouped.Groups.Single(g => g.Group.Name == "c").Mean);
    }

    [Fact]
    public void The_same_seed_gives_the_same_losses_whatever_the_number_of_workers()
    {
        var fitted = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var groups = FeatureGroup.Singles(Wdbc.FeatureNames).Take(6).ToArray();

        var one = PermutationImportance.Compute("LR", fitted, HeldOut, HeldOutLabels, groups, Metric.Brier, repeats: 3, seed: 9, workers: 1);
        var two = PermutationImportance.Compute("LR", fitted, HeldOut, HeldOutLabels, groups, Metric.Brier, repeats: 3, seed: 9, workers: 2);
        var other = PermutationImportance.Compute("LR", fitted, HeldOut, HeldOutLabels, groups, Metric.Brier, repeats: 3, seed: 10, workers: 2);

        var again = PermutationImportance.Compute("LR", fitted, HeldOut, HeldOutLabels, groups, Metric.Brier, repeats: 3, seed: 9, workers: 1);

        Assert.Equal(one.Groups.Select(g => g.Losses.ToArray()), two.Groups.Select(g => g.Losses.ToArray()));
        Assert.NotEqual(one.Groups.Select(g => g.Losses.ToArray()), other.Groups.Select(g => g.Losses.ToArray()));
        Assert.Equal(one.Groups.Select(g => (g.RowLow, g.RowHigh)), two.Groups.Select(g => (g.RowLow, g.RowHigh)));
        Assert.Equal(one.Groups.Select(g => (g.RowLow, g.RowHigh)), again.Groups.Select(g => (g.RowLow, g.RowHigh)));
        Assert.NotEqual(one.Groups.Select(g => (g.RowLow, g.RowHigh)), other.Groups.Select(g => (g.RowLow, g.RowHigh)));
        Assert.Equal(1000, one.RowResamples);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var model = new FittedPipeline([], new FirstColumnClassifier());
        double[][] rows = [[1, 5], [2, 6]];
        var groups = FeatureGroup.Singles(["x", "y"]);

        var labels = Assert.Throws<ArgumentException>(() => PermutationImportance.Compute("m", model, rows, [true], groups, Metric.Accuracy, 5, 1));
        Assert.Contains("2 rows and 1 labels", labels.Message, StringComparison.Ordinal);
        var repeats = Assert.Throws<ArgumentException>(() => PermutationImportance.Compute("m", model, rows, [true, false], groups, Metric.Accuracy, 1, 1));
        Assert.Contains("1 repeats", repeats.Message, StringComparison.Ordinal);
        var resamples = Assert.Throws<ArgumentException>(() => PermutationImportance.Compute("m", model, rows, [true, false], groups, Metric.Accuracy, 5, 1, rowResamples: 1));
        Assert.Contains("1 row resamples: need at least 2", resamples.Message, StringComparison.Ordinal);
        var column = Assert.Throws<ArgumentException>(() => PermutationImportance.Compute("m", model, rows, [true, false], [new FeatureGroup("z", [2])], Metric.Accuracy, 5, 1));
        Assert.Contains("the group 'z' names columns [2]", column.Message, StringComparison.Ordinal);
        var cluster = Assert.Throws<ArgumentException>(() => FeatureGroup.Clusters(new FeatureClusters(0.5, Linkage.Average, [["x", "w"]]), ["x", "y"]));
        Assert.Contains("'w' is not one of the 2 features", cluster.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<int[]> Permutations(int[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany(first => Permutations([.. items.Where(i => i != first)]).Select(rest => (int[])[first, .. rest]));

    /// <summary>Malignant with probability 0.9 when the first column exceeds 2.5, else 0.1: reads nothing else.</summary>
    private sealed class FirstColumnClassifier : IFittedClassifier
    {
        public double[] PredictProbability(IReadOnlyList<double[]> rows) => [.. rows.Select(r => r[0] > 2.5 ? 0.9 : 0.1)];
    }

    /// <summary>A probability that varies smoothly with both columns, so that every metric moves when either is shuffled.</summary>
    private sealed class SmoothClassifier : IFittedClassifier
    {
        public double[] PredictProbability(IReadOnlyList<double[]> rows) => [.. rows.Select(r => 1 / (1 + Math.Exp(-(1.5 * (r[0] - 2.5)) - (0.3 * (r[1] - 4)))))];
    }

    /// <summary><see cref="SmoothClassifier"/>'s probability rounded to a fifth, so that rows tie.</summary>
    private sealed class CoarseClassifier : IFittedClassifier
    {
        public double[] PredictProbability(IReadOnlyList<double[]> rows) => [.. new SmoothClassifier().PredictProbability(rows).Select(p => Math.Round(p * 5) / 5)];
    }

    /// <summary>Malignant when the mean of the first two columns is positive.</summary>
    private sealed class MeanOfTwoColumnsClassifier : IFittedClassifier
    {
        public double[] PredictProbability(IReadOnlyList<double[]> rows) => [.. rows.Select(r => r[0] + r[1] > 0 ? 0.9 : 0.1)];
    }
}
