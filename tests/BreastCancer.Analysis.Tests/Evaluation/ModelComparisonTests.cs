using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using MathNet.Numerics.Distributions;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class ModelComparisonTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly double[][] Rows = Wdbc.ToArray();
    private static readonly IReadOnlyList<Fold> Folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 5, seed: 8, repeats: 2);

    public static TheoryData<string> ThresholdModels() => [ModelCatalogue.LogisticRegressionL2.Family, ModelCatalogue.RbfSvm.Family];

    [Theory]
    [MemberData(nameof(ThresholdModels))]
    public void The_threshold_chosen_in_each_training_fold_reaches_its_target_sensitivity_there(string family)
    {
        var model = ModelCatalogue.All.Single(m => m.Family == family);

        var result = CrossValidation.Run(model.Pipeline(), Rows, Wdbc.IsMalignant, Folds, seed: 1, operatingPoint: new OperatingPointOptions(0.98));

        Assert.All(result.Folds, f => Assert.True(f.OperatingPoint!.Training.Sensitivity >= 0.98, $"fold {f.Repeat}/{f.Fold}: {f.OperatingPoint.Training.Sensitivity}"));
        Assert.All(result.Folds, f => Assert.Equal(ClassificationMetrics.Compute(f.Labels, f.Probabilities, f.OperatingPoint!.Threshold), f.OperatingPoint!.Test));
        Assert.True(result.OperatingPointSummary(Metric.Sensitivity).Mean > result.Summary(Metric.Sensitivity).Mean, "a threshold for 0.98 sensitivity catches more cancers than 0.5");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void No_fit_of_the_threshold_search_or_the_calibration_sees_a_row_outside_the_outer_training_fold(bool calibrated)
    {
        var spy = new RowRecordingClassifier();
        var folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 4, seed: 5);
        var tagged = Rows.Select((r, i) => (double[])[.. r, i]).ToArray();
        IClassifier classifier = calibrated ? new CalibratedClassifier(spy, folds: 3) : spy;

        CrossValidation.Run(new ClassificationPipeline([new TagKeepingStandardizer(tagged[0].Length - 1)], classifier), tagged, Wdbc.IsMalignant, folds, seed: 1, workers: 1,
            operatingPoint: new OperatingPointOptions(0.95, InnerFolds: 3));

        Assert.NotEmpty(spy.Seen);
        var allowed = folds.Select(f => f.Train.ToHashSet()).ToList();
        Assert.All(spy.Seen, seen => Assert.Contains(allowed, train => seen.All(train.Contains)));
        Assert.All(folds, f => Assert.Contains(spy.Seen, seen => seen.Count == f.Train.Count && seen.All(f.Train.Contains)));
        Assert.Equal(folds.Count * 4, spy.Seen.Count);
    }

    [Fact]
    public void Cross_validation_with_an_operating_point_gives_identical_results_for_one_and_two_workers()
    {
        var pipeline = ModelCatalogue.RbfSvm.Pipeline();
        var options = new OperatingPointOptions(0.98, 3);

        var one = CrossValidation.Run(pipeline, Rows, Wdbc.IsMalignant, Folds, seed: 2, workers: 1, operatingPoint: options);
        var two = CrossValidation.Run(pipeline, Rows, Wdbc.IsMalignant, Folds, seed: 2, workers: 2, operatingPoint: options);

        Assert.Equal(one.Folds.SelectMany(f => f.Probabilities), two.Folds.SelectMany(f => f.Probabilities));
        Assert.Equal(one.Folds.Select(f => f.OperatingPoint), two.Folds.Select(f => f.OperatingPoint));
    }

    [Fact]
    public void Each_model_of_a_comparison_gets_what_it_gets_cross_validated_alone_whatever_the_workers_and_order()
    {
        ClassificationPipeline[] pipelines = [ModelCatalogue.LightGbm.With("trees", 10).Pipeline(), ModelCatalogue.LogisticRegressionL2.Pipeline(),
            ModelCatalogue.FastTree.With("trees", 10).Pipeline(), ModelCatalogue.RbfSvm.Pipeline()];
        var folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 4, seed: 6);
        var options = new OperatingPointOptions(0.98, 2);
        var alone = pipelines.Select(p => CrossValidation.Run(p, Rows, Wdbc.IsMalignant, folds, seed: 3, workers: 1, operatingPoint: options)).ToList();

        foreach (var workers in new[] { 1, 2, 3 })
        {
            var comparison = ModelComparison.Run(pipelines, Rows, Wdbc.IsMalignant, folds, seed: 3, workers, options);
            var reversed = ModelComparison.Run([.. pipelines.Reverse()], Rows, Wdbc.IsMalignant, folds, seed: 3, workers, options);

            Assert.Equal(pipelines.Select(p => p.Name), comparison.Models.Select(m => m.Pipeline));
            Assert.Equal(pipelines.Reverse().Select(p => p.Name), reversed.Models.Select(m => m.Pipeline));
            Assert.All(alone, expected => Assert.All(new[] { comparison[expected.Pipeline], reversed[expected.Pipeline] }, actual =>
            {
                Assert.Equal(expected.Folds.Select(f => (f.Repeat, f.Fold, f.TrainingRows)), actual.Folds.Select(f => (f.Repeat, f.Fold, f.TrainingRows)));
                Assert.Equal(expected.Folds.SelectMany(f => f.Rows), actual.Folds.SelectMany(f => f.Rows));
                Assert.Equal(expected.Folds.SelectMany(f => f.Probabilities), actual.Folds.SelectMany(f => f.Probabilities));
                Assert.Equal(expected.Folds.Select(f => f.OperatingPoint), actual.Folds.Select(f => f.OperatingPoint));
            }));
        }
    }

    [Fact]
    public void Progress_hears_of_every_fit_once_with_its_score_and_changes_no_result()
    {
        ClassificationPipeline[] pipelines = [ModelCatalogue.MajorityClass.Pipeline(), ModelCatalogue.LogisticRegressionL2.Pipeline(), ModelCatalogue.RbfSvm.Pipeline()];
        var reports = new List<ComparisonProgress>();
        var shown = new List<int>();

        var quiet = ModelComparison.Run(pipelines, Rows, Wdbc.IsMalignant, Folds, seed: 4);
        var heard = ModelComparison.Run(pipelines, Rows, Wdbc.IsMalignant, Folds, seed: 4, progress: new ProgressLog<ComparisonProgress>(reports));
        ModelComparison.Run(pipelines, Rows, Wdbc.IsMalignant, Folds, seed: 4, progress: new OrderedProgress<ComparisonProgress>(p => shown.Add(p.Completed)));

        var total = pipelines.Length * Folds.Count;
        Assert.Equal(Enumerable.Range(1, total), reports.Select(r => r.Completed).Order());
        Assert.All(reports, r => Assert.Equal(total, r.Total));
        Assert.All(reports, r => Assert.Contains(heard[r.Pipeline].Folds, f => f == r.Latest));
        Assert.Equal(pipelines.Select(p => Folds.Count), pipelines.Select(p => reports.Count(r => r.Pipeline == p.Name)));
        Assert.Equal(quiet.Models.SelectMany(m => m.Folds.SelectMany(f => f.Probabilities)), heard.Models.SelectMany(m => m.Folds.SelectMany(f => f.Probabilities)));
        Assert.Equal(shown.Order(), shown);
        Assert.Equal(total, shown[^1]);
        Assert.Matches(@"^\d+ of 30 fits; last: .+, repeat [12], fold [1-5]: ROC AUC \d\.\d{4} \(\d+\.\d\d s\)$", reports.First().ToString());
    }

    [Fact]
    public void The_confidence_interval_uses_the_nadeau_bengio_corrected_variance_by_hand()
    {
        double[] values = [0.90, 0.95, 0.93, 0.97, 0.92];
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / 4;
        var half = StudentT.InvCDF(0, 1, 4, 0.975) * Math.Sqrt((1 / 5.0 + 20 / 80.0) * variance);

        var summary = MetricSummary.Of(values, testRows: 20, trainingRows: 80);

        Assert.Equal(mean, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(variance), summary.Sd, 12);
        Assert.Equal(mean - half, summary.Low, 12);
        Assert.Equal(mean + half, summary.High, 12);
        Assert.Equal(0.96, MetricSummary.Of(values, 20, 80, 0, 0.96).High);
    }

    [Fact]
    public void Paired_comparisons_test_each_model_against_the_best_on_the_same_folds()
    {
        var comparison = ModelComparison.Run([ModelCatalogue.MajorityClass.Pipeline(), ModelCatalogue.LogisticRegressionL2.Pipeline()], Rows, Wdbc.IsMalignant, Folds, seed: 1);

        var paired = comparison.Paired(Metric.Accuracy);

        var best = comparison.Models[1];
        Assert.Equal(best.Pipeline, paired.Reference);
        var only = Assert.Single(paired.Comparisons);
        Assert.Equal(comparison.Models[0].Pipeline, only.Model);
        Assert.Equal(comparison.Models[0].Values(Metric.Accuracy).Zip(best.Values(Metric.Accuracy), (a, b) => a - b).Average(), only.Test.MeanDifference, 12);
        Assert.True(only.Test.P < 0.001);
        Assert.Equal(best, comparison.Best(Metric.Brier));
        Assert.Throws<KeyNotFoundException>(() => comparison["no such model"]);
        Assert.Throws<ArgumentException>(() => ModelComparison.Run([ModelCatalogue.MajorityClass.Pipeline(), ModelCatalogue.MajorityClass.Pipeline()], Rows, Wdbc.IsMalignant, Folds, seed: 1));
    }

    private sealed class RowRecordingClassifier : IClassifier
    {
        public List<HashSet<int>> Seen { get; } = [];

        public string Name => "recording";

        public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed)
        {
            lock (Seen)
            {
                Seen.Add([.. rows.Select(r => (int)r[^1])]);
            }

            return new KernelSvm().Fit([.. rows.Select(r => r[..^1])], labels, seed) is var fitted ? new DropLast(fitted) : throw new InvalidOperationException();
        }

        private sealed class DropLast(IFittedClassifier inner) : IFittedClassifier
        {
            public double[] PredictProbability(IReadOnlyList<double[]> rows) => inner.PredictProbability([.. rows.Select(r => r[..^1])]);

            public double[] DecisionScore(IReadOnlyList<double[]> rows) => inner.DecisionScore([.. rows.Select(r => r[..^1])]);
        }
    }

    /// <summary>Standardises every column but the last, which carries the row's index through the pipeline untouched.</summary>
    private sealed class TagKeepingStandardizer(int tagColumn) : IFeatureStep
    {
        public string Name => "standardise, keep tag";

        public IFittedFeatureStep Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
        {
            var scaler = new Standardizer().Fit([.. trainingRows.Select(r => r[..tagColumn])], trainingLabels);
            return new Fitted(scaler, tagColumn);
        }

        private sealed class Fitted(IFittedFeatureStep scaler, int tagColumn) : IFittedFeatureStep
        {
            public double[][] Transform(IReadOnlyList<double[]> rows) =>
                [.. scaler.Transform([.. rows.Select(r => r[..tagColumn])]).Select((r, i) => (double[])[.. r, rows[i][tagColumn]])];
        }
    }
}
