using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class CrossValidationTests
{
    private static readonly BreastCancerData Wbco = DataLoader.Load(Repository.Data("wbco.csv"));

    [Fact]
    public void Every_step_and_the_classifier_are_fitted_on_the_training_rows_of_each_fold_and_nothing_else()
    {
        var folds = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, 5, seed: 9);
        var step = new SpyStep();
        var classifier = new SpyClassifier();

        CrossValidation.Run(new ClassificationPipeline([step, new SimpleImputer(ImputationStatistic.Median)], classifier), Wbco, folds, seed: 1);

        var expected = folds.Select(f => string.Join("|", f.Train.Select(r => Key(Wbco.Row(r))).Order())).Order();
        Assert.Equal(expected, step.Seen.Select(s => string.Join("|", s.Order())).Order());
        Assert.Equal(folds.Select(f => f.Train.Count).Order(), classifier.Seen.Order());
    }

    [Fact]
    public void Accuracy_and_auc_equal_a_brute_force_count_over_the_test_rows()
    {
        var folds = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, 4, seed: 2);

        var result = CrossValidation.Run(new ClassificationPipeline([new SimpleImputer(ImputationStatistic.Median)], new ScoreOfFirstFeature()), Wbco, folds, seed: 1);

        for (var f = 0; f < folds.Count; f++)
        {
            var test = folds[f].Test;
            var score = test.Select(r => ScoreOfFirstFeature.Probability(Wbco[r, 0])).ToArray();
            var labels = test.Select(r => Wbco.IsMalignant[r]).ToArray();
            var accuracy = labels.Where((l, i) => l == score[i] >= 0.5).Count() / (double)labels.Length;
            var pairs = (from i in Enumerable.Range(0, labels.Length)
                         where labels[i]
                         from j in Enumerable.Range(0, labels.Length)
                         where !labels[j]
                         select score[i] > score[j] ? 1.0 : score[i] == score[j] ? 0.5 : 0.0).ToList();
            Assert.Equal(accuracy, result.Folds[f].Accuracy, 12);
            Assert.Equal(pairs.Average(), result.Folds[f].RocAuc, 6);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_scores()
    {
        var folds = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, 5, seed: 3);
        var pipeline = new ClassificationPipeline([new SimpleImputer(ImputationStatistic.Median), new Standardizer()], MlNetClassifier.LogisticRegression());

        var first = CrossValidation.Run(pipeline, Wbco, folds, seed: 11);
        var again = CrossValidation.Run(pipeline, Wbco, folds, seed: 11);

        Assert.Equal(first.Folds.SelectMany(f => f.Probabilities), again.Folds.SelectMany(f => f.Probabilities));
        Assert.Equal(first.Folds.Select(f => f.Metrics), again.Folds.Select(f => f.Metrics));
        Assert.InRange(first.MeanAccuracy, 0.9, 1.0);
    }

    [Fact]
    public void One_worker_and_two_workers_give_identical_scores()
    {
        var folds = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, 5, seed: 6, repeats: 2);
        var pipeline = new ClassificationPipeline([new SimpleImputer(ImputationStatistic.Median), new Standardizer()], new CalibratedClassifier(MlNetClassifier.FastTree(20)));

        var one = CrossValidation.Run(pipeline, Wbco, folds, seed: 3, workers: 1);
        var two = CrossValidation.Run(pipeline, Wbco, folds, seed: 3, workers: 2);

        Assert.Equal(one.Folds.SelectMany(f => f.Probabilities), two.Folds.SelectMany(f => f.Probabilities));
        Assert.Equal(one.Folds.Select(f => f.Metrics), two.Folds.Select(f => f.Metrics));
    }

    [Fact]
    public void Grouping_folds_by_patient_changes_only_which_rows_meet_and_the_leak_is_measured()
    {
        var pipeline = new ClassificationPipeline([new SimpleImputer(ImputationStatistic.Median), new Standardizer()], MlNetClassifier.LogisticRegression());

        var leak = GroupingLeak.Measure(pipeline, Wbco, k: 5, repeats: 1, seed: 4);

        Assert.Equal(leak.Ungrouped.MeanAccuracy - leak.Grouped.MeanAccuracy, leak.AccuracyOptimism, 15);
        Assert.InRange(leak.TestRowsWithPatientInTraining, 0.05, 0.2);
        Assert.Equal(Wbco.RowCount, leak.Grouped.Folds.Sum(f => f.TestRows));
    }

    private static string Key(double[] row) => string.Join(",", row);

    private sealed class SpyStep : IFeatureStep
    {
        public List<List<string>> Seen { get; } = [];

        public string Name => "spy";

        public IFittedFeatureStep Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
        {
            lock (Seen)
            {
                Seen.Add([.. trainingRows.Select(Key)]);
            }

            return new Identity();
        }

        private sealed class Identity : IFittedFeatureStep
        {
            public double[][] Transform(IReadOnlyList<double[]> rows) => [.. rows];
        }
    }

    private sealed class SpyClassifier : IClassifier
    {
        public List<int> Seen { get; } = [];

        public string Name => "spy";

        public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed)
        {
            lock (Seen)
            {
                Seen.Add(rows.Count);
            }

            return new ScoreOfFirstFeature.Fitted();
        }
    }

    /// <summary>A fixed rule: the probability rises with the first score, crossing 0.5 between 5 and 6.</summary>
    private sealed class ScoreOfFirstFeature : IClassifier
    {
        public string Name => "first feature";

        public static double Probability(double value) => value / 10.5;

        public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed) => new Fitted();

        public sealed class Fitted : IFittedClassifier
        {
            public double[] PredictProbability(IReadOnlyList<double[]> rows) => [.. rows.Select(r => Probability(r[0]))];
        }
    }
}
