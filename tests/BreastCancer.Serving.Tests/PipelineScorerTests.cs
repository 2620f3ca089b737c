using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using BreastCancer.Analysis.Tests;
using BreastCancer.Analysis.Tests.Data;
using BreastCancer.Serving;

using static BreastCancer.Serving.Tests.StudyRows;

namespace BreastCancer.Serving.Tests;

/// <summary>
/// The fast scorer against the pipeline's own <see cref="FittedPipeline.PredictProbability"/>, which goes through ML.NET's
/// data views: the independent truth. Every comparison is exact (tolerance 0), on all 569 WDBC rows and on copies of
/// them with cells missing, since the scorer reproduces ML.NET's single-precision arithmetic rather than approximating it.
/// </summary>
public sealed class PipelineScorerTests
{
    public static TheoryData<string, ScoringMethod> Catalogue => new()
    {
        { ModelCatalogue.MajorityClass.Family, ScoringMethod.Direct },
        { ModelCatalogue.LogisticRegressionL2.Family, ScoringMethod.Direct },
        { ModelCatalogue.LogisticRegressionL1.Family, ScoringMethod.Direct },
        { ModelCatalogue.LinearSvm.Family, ScoringMethod.Direct },
        { ModelCatalogue.RbfSvm.Family, ScoringMethod.Direct },
        { ModelCatalogue.RbfSvmMargin.Family, ScoringMethod.Direct },
        { ModelCatalogue.RandomForest.Family, ScoringMethod.Direct },
        { ModelCatalogue.FastTree.Family, ScoringMethod.PredictionEngine },
        { ModelCatalogue.LightGbm.Family, ScoringMethod.PredictionEngine },
    };

    public static TheoryData<string> Saveable => [ModelCatalogue.LogisticRegressionL2.Family, ModelCatalogue.LogisticRegressionL1.Family, ModelCatalogue.LinearSvm.Family,
        ModelCatalogue.RbfSvm.Family, ModelCatalogue.RandomForest.Family, ModelCatalogue.FastTree.Family, ModelCatalogue.LightGbm.Family];

    /// <summary>All 569 rows, then every seventh row again with one cell missing (a different feature each time), so that imputation is exercised.</summary>
    private static double[][] Rows { get; } =
    [
        .. Wdbc.ToArray(),
        .. Enumerable.Range(0, Wdbc.RowCount / 7).Select(i =>
        {
            var row = Wdbc.Row(i * 7);
            row[i % row.Length] = double.NaN;
            return row;
        }),
    ];

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void Every_catalogue_model_scores_every_row_exactly_as_the_pipeline_does_one_row_at_a_time_and_in_batches(string family, ScoringMethod method)
    {
        var fitted = Family(family).Pipeline().Fit(Train, Labels, seed: 1);
        var scorer = fitted.CreateScorer(Wdbc.FeatureNames);

        Assert.Equal(method, scorer.Method);
        AssertScoresExactly(fitted.PredictProbability(Rows), scorer, Rows);
    }

    [Theory]
    [MemberData(nameof(Saveable))]
    public void A_model_loaded_from_its_file_scores_exactly_as_the_loaded_pipeline_does(string family)
    {
        using var files = new TempFiles();
        var model = Family(family);
        var path = files.PathOf("model.zip");
        var fitted = model.Pipeline().Fit(Train, Labels, seed: 1);
        ModelFile.Save(fitted, model.Name, Wdbc.FeatureNames, path);

        var loaded = ModelFile.Load(path).Fitted;
        var scorer = loaded.CreateScorer(Wdbc.FeatureNames);

        Assert.Equal(fitted.CreateScorer().Method, scorer.Method);
        AssertScoresExactly(loaded.PredictProbability(Rows), scorer, Rows);
    }

    [Fact]
    public void Pipelines_with_a_selection_step_score_exactly_on_the_selected_inputs()
    {
        var pipelines = new[]
        {
            ModelCatalogue.LogisticRegressionL2.Pipeline(new CorrelationFilter()),
            ModelCatalogue.LinearSvm.Pipeline(new UnivariateSelection(UnivariateScore.AnovaF, 10)),
            ModelCatalogue.RbfSvm.Pipeline(new UnivariateSelection(UnivariateScore.AnovaF, 8)),
            ModelCatalogue.FastTree.Pipeline(new ColumnSelection([0, 3, 7, 20, 27], "five")),
        };

        foreach (var pipeline in pipelines)
        {
            var fitted = pipeline.Fit(Train, Labels, seed: 1);
            Assert.Contains(fitted.Steps, s => s is FittedSelection);
            AssertScoresExactly(fitted.PredictProbability(Rows), fitted.CreateScorer(), Rows);
        }
    }

    [Fact]
    public void Steps_and_calibrations_it_does_not_compute_itself_go_through_the_pipeline_or_the_classifier_with_the_same_results()
    {
        var knn = new ClassificationPipeline([new KnnImputer(), new Standardizer()], MlNetClassifier.LogisticRegression()).Fit(Train, Labels, seed: 1);
        var isotonic = new ClassificationPipeline([new SimpleImputer(ImputationStatistic.Mean), new Standardizer()],
            new CalibratedClassifier(MlNetClassifier.FastTree(20), CalibrationMethod.Isotonic)).Fit(Train, Labels, seed: 1);

        var knnScorer = knn.CreateScorer(Wdbc.FeatureNames);
        var isotonicScorer = isotonic.CreateScorer();

        Assert.Equal(ScoringMethod.Pipeline, knnScorer.Method);
        Assert.Equal(ScoringMethod.Classifier, isotonicScorer.Method);
        AssertScoresExactly(knn.PredictProbability(Rows), knnScorer, Rows);
        AssertScoresExactly(isotonic.PredictProbability(Rows), isotonicScorer, Rows);
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_refused_naming_the_row_and_the_count()
    {
        var scorer = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(Train, Labels, seed: 1).CreateScorer(Wdbc.FeatureNames);
        double[][] rows = [Wdbc.Row(0), Wdbc.Row(1), Wdbc.Row(2)[1..]];

        var single = Assert.Throws<ArgumentException>(() => scorer.Probability(Wdbc.Row(0).AsSpan(0, 29)));
        var batch = Assert.Throws<ArgumentException>(() => scorer.Probabilities(rows, new double[3]));
        var flat = Assert.Throws<ArgumentException>(() => scorer.Probabilities(new double[89], new double[3]));
        var count = Assert.Throws<ArgumentException>(() => scorer.Probabilities(rows[..2], new double[3]));

        Assert.StartsWith("the row has 29 values; the pipeline reads 30 features (radius_mean,", single.Message, StringComparison.Ordinal);
        Assert.StartsWith("row 3 has 29 values; the pipeline reads 30 features", batch.Message, StringComparison.Ordinal);
        Assert.StartsWith("89 values are not 3 rows of 30 features", flat.Message, StringComparison.Ordinal);
        Assert.StartsWith("2 rows for 3 probabilities", count.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_where_nothing_imputes_it_is_refused_naming_the_row_and_feature_but_one_the_selection_drops_is_not_read()
    {
        var selected = new ClassificationPipeline([new Standardizer(), new ColumnSelection([0, 1, 2], "first three")], MlNetClassifier.LogisticRegression())
            .Fit(Train, Labels, seed: 1);
        var scorer = selected.CreateScorer(Wdbc.FeatureNames);
        var rows = Wdbc.ToArray()[..6];
        rows[4][1] = double.NaN;

        var single = Assert.Throws<ArgumentException>(() => scorer.Probability(rows[4]));
        var batch = Assert.Throws<ArgumentException>(() => scorer.Probabilities(rows, new double[6]));
        var flat = Assert.Throws<ArgumentException>(() => scorer.Probabilities(rows.SelectMany(r => r).ToArray(), new double[6]));

        Assert.StartsWith("texture_mean is missing (NaN), and the pipeline does not impute it", single.Message, StringComparison.Ordinal);
        Assert.StartsWith("row 5: texture_mean is missing (NaN)", batch.Message, StringComparison.Ordinal);
        Assert.StartsWith("row 5: texture_mean is missing (NaN)", flat.Message, StringComparison.Ordinal);
        rows[4][1] = Wdbc.Row(4)[1];
        rows[2][25] = double.NaN;
        Assert.Equal(selected.PredictProbability(rows)[2], scorer.Probability(rows[2]));
    }

    [Fact]
    public void Without_names_the_features_are_numbered_and_counted_from_the_first_step()
    {
        var scorer = new ClassificationPipeline([new Standardizer()], MlNetClassifier.LogisticRegression()).Fit(Train, Labels, seed: 1).CreateScorer();
        var row = Wdbc.Row(0);
        row[6] = double.NaN;

        Assert.Equal(30, scorer.FeatureCount);
        Assert.StartsWith("feature 7 is missing (NaN)", Assert.Throws<ArgumentException>(() => scorer.Probability(row)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_sharing_one_scorer_of_a_tree_ensemble_get_the_probabilities_one_thread_gets()
    {
        var fitted = ModelCatalogue.FastTree.Pipeline().Fit(Train, Labels, seed: 1);
        var expected = fitted.PredictProbability(Rows);
        var scorer = fitted.CreateScorer();
        var results = new double[8][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            results[t] = new double[Rows.Length];
            for (var pass = 0; pass < 3; pass++)
            {
                for (var r = 0; r < Rows.Length; r++)
                {
                    results[t][(r + (t * 71)) % Rows.Length] = scorer.Probability(Rows[(r + (t * 71)) % Rows.Length]);
                }
            }
        });

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Theory]
    [InlineData("logistic regression, L2")]
    [InlineData("RBF SVM")]
    [InlineData("gradient boosting, FastTree")]
    public void Scoring_a_batch_again_allocates_nothing_per_row(string family)
    {
        var scorer = Family(family).Pipeline().Fit(Train, Labels, seed: 1).CreateScorer();
        var flat = Rows.SelectMany(r => r).ToArray();
        var probabilities = new double[Rows.Length];
        long ScoreTenTimes()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var pass = 0; pass < 10; pass++)
            {
                scorer.Probabilities(flat, probabilities);
                scorer.Probability(flat.AsSpan(0, 30));
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // The runtime may allocate once in a round (a tier-up of the JIT, a pool growing on a busy machine); an
        // allocation per row would show in every round, so the quietest of five rounds is the one that counts.
        var allocated = Enumerable.Range(0, 5).Select(_ => ScoreTenTimes()).Min();
        Assert.True(allocated < 1024, $"{allocated} bytes allocated scoring {10 * (Rows.Length + 1)} rows in the quietest of five rounds");
    }

    private static CatalogueModel Family(string family) =>
        new[] { ModelCatalogue.RbfSvmMargin }.Concat(ModelCatalogue.All).First(m => m.Family == family);

    /// <summary>The scorer's probabilities, one row at a time, in one flat batch and in one batch of arrays, each exactly <paramref name="expected"/>.</summary>
    private static void AssertScoresExactly(double[] expected, PipelineScorer scorer, double[][] rows)
    {
        var single = rows.Select(r => scorer.Probability(r)).ToArray();
        var flat = new double[rows.Length];
        scorer.Probabilities(rows.SelectMany(r => r).ToArray(), flat);
        var arrays = new double[rows.Length];
        scorer.Probabilities(rows, arrays);

        Assert.Equal(expected, single);
        Assert.Equal(expected, flat);
        Assert.Equal(expected, arrays);
        Assert.Contains(expected, p => p is > 0.01 and < 0.99);
    }
}
