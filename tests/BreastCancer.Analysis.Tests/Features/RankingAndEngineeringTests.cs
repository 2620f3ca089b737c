using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using BreastCancer.Analysis.Selection;

namespace BreastCancer.Analysis.Tests.Features;

public sealed class RankingAndEngineeringTests
{
    /// <summary>200 rows, 6 features: 2 and 5 carry the class, the rest are noise.</summary>
    private static readonly (double[][] Rows, bool[] Labels) Synthetic = Make(200, 21);

    private static (double[][] Rows, bool[] Labels) Make(int n, int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, n).Select(i => i % 2 == 0).ToArray();
        var rows = labels.Select(l =>
        {
            var row = Enumerable.Range(0, 6).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)).ToArray();
            row[2] += l ? 1.8 : 0;
            row[5] += l ? -1.2 : 0;
            return row;
        }).ToArray();
        return (rows, labels);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Both_rankers_put_the_informative_features_first(int which)
    {
        IFeatureRanker ranker = which == 0 ? new LogisticCoefficientRanker() : new ForestImportanceRanker(50);

        var selected = new ImportanceSelection(ranker, 2, seed: 3).Fit(Synthetic.Rows, Synthetic.Labels).Selected;

        Assert.Equal([2, 5], selected);
    }

    [Fact]
    public void Recursive_elimination_keeps_the_informative_features_and_scores_every_count()
    {
        var rfe = new RecursiveElimination(new LogisticCoefficientRanker(), MlNetClassifier.LogisticRegression(), innerFolds: 4, seed: 2);

        var curve = rfe.Evaluate(Synthetic.Rows, Synthetic.Labels);

        Assert.Equal(Enumerable.Range(1, 6), curve.MeanRocAuc.Keys);
        Assert.Contains(2, curve.Selected);
        Assert.Contains(5, curve.Selected);
        Assert.Equal(curve.Best, curve.Selected.Count);
        Assert.True(curve.MeanRocAuc[2] > curve.MeanRocAuc[1]);
    }

    [Fact]
    public void Recursive_elimination_inside_a_fold_never_sees_the_test_rows()
    {
        var spy = new SpyRanker();
        var folds = StratifiedGroupKFold.Split(Synthetic.Labels, null, 4, seed: 1);
        var fold = folds[0];

        CrossValidation.Run(new ClassificationPipeline([new RecursiveElimination(spy, MlNetClassifier.LogisticRegression(), innerFolds: 3, step: 2)], MlNetClassifier.LogisticRegression()),
            Synthetic.Rows, Synthetic.Labels, [fold], seed: 1);

        var test = fold.Test.Select(r => string.Join(",", Synthetic.Rows[r])).ToHashSet();
        Assert.NotEmpty(spy.Seen);
        Assert.DoesNotContain(spy.Seen, test.Contains);
    }

    [Fact]
    public void Engineered_features_follow_their_formulas_and_vanish_for_a_circle()
    {
        var engineering = FeatureEngineering.WdbcCatalogue();
        var circle = new double[30];
        int At(string name) => FeatureCatalog.WdbcFeatures.ToList().IndexOf(name);
        foreach (var statistic in new[] { "mean", "worst" })
        {
            circle[At($"radius_{statistic}")] = 10;
            circle[At($"perimeter_{statistic}")] = 2 * Math.PI * 10;
            circle[At($"area_{statistic}")] = Math.PI * 100;
        }

        var row = engineering.Fit([circle], [true]).Transform([circle])[0];
        var names = engineering.OutputNames(FeatureCatalog.WdbcFeatures);
        double Value(string name) => row[names.ToList().IndexOf(name)];

        Assert.Equal(38, row.Length);
        Assert.Equal(1 / (4 * Math.PI), Value("shape_ratio_mean"), 12);
        Assert.Equal(0, Value("irregularity_worst"), 12);
        Assert.Equal(0, Value("area_residual_mean"), 12);
        Assert.Equal(0, Value("perimeter_residual_worst"), 12);
    }

    private sealed class SpyRanker : IFeatureRanker
    {
        public List<string> Seen { get; } = [];

        public string Name => "spy";

        public double[] Importance(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels, int seed)
        {
            lock (Seen)
            {
                Seen.AddRange(trainingRows.Select(r => string.Join(",", r)));
            }

            return [.. Enumerable.Range(0, trainingRows[0].Length).Select(i => (double)i)];
        }
    }
}
