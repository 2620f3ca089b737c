using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Tuning;

/// <summary>
/// Staged models (<see cref="IStagedFittedClassifier"/>): a fit's first n stages against the model fitted with n stages
/// and the same seed, and a search that fits each group of tree counts once against fitting every setting on its own.
/// </summary>
public sealed class StagedSearchTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));

    [Fact]
    public void A_forests_first_trees_score_bit_for_bit_as_the_smaller_forest_grown_with_the_same_seed()
    {
        var (train, trainLabels, test) = Split();
        var settings = new ForestSettings(Trees: 90, MaxLeaves: 16, MinLeafRows: 2, FeatureFraction: 0.18);

        var large = BreimanForest.Fit(train, trainLabels, settings, seed: 5);
        var small = BreimanForest.Fit(train, trainLabels, settings with { Trees = 30 }, seed: 5);
        var otherSeed = BreimanForest.Fit(train, trainLabels, settings with { Trees = 30 }, seed: 6);

        Assert.Equal(90, large.Stages);
        Assert.Equal(small.PredictProbability(test), large.PredictProbability(test, 30));
        Assert.NotEqual(otherSeed.PredictProbability(test), large.PredictProbability(test, 30));
        Assert.Equal(large.PredictProbability(test), large.PredictProbability(test, 90));
        Assert.NotEqual(large.PredictProbability(test), large.PredictProbability(test, 89));
        Assert.Equal(Enumerable.Range(0, 30).Select(t => large.Trees[t].Predict(test[0])).Average(), large.PredictProbability(test, 30)[0], 14);
        AssertRefusesBeyond(large, 90);
    }

    [Theory]
    [InlineData("LightGBM")]
    [InlineData("FastTree")]
    public void A_boosted_models_first_trees_score_as_the_model_boosted_that_many_times(string library)
    {
        var (train, trainLabels, test) = Split();
        MlNetClassifier Boosting(int trees) => library == "LightGBM" ? MlNetClassifier.LightGbm(trees, 8, 0.1) : MlNetClassifier.FastTree(trees, 8, 0.1);

        var large = Assert.IsType<FittedMlNetBoosting>(Boosting(60).Fit(train, trainLabels, seed: 3));
        var small = Boosting(25).Fit(train, trainLabels, seed: 3);

        Assert.Equal(60, large.Stages);
        Assert.Equal(large.PredictProbability(test), large.PredictProbability(test, 60));
        Assert.Equal(small.PredictProbability(test), large.PredictProbability(test, 25));
        Assert.NotEqual(large.PredictProbability(test), large.PredictProbability(test, 59));
        AssertRefusesBeyond(large, 60);
        Assert.IsNotType<FittedMlNetBoosting>(MlNetClassifier.LogisticRegression().Fit(train, trainLabels, seed: 3));
    }

    [Fact]
    public void A_boosting_that_stopped_early_is_the_model_of_every_larger_number_of_iterations()
    {
        var (train, trainLabels, test) = Split();

        var large = Assert.IsType<FittedMlNetBoosting>(MlNetClassifier.LightGbm(300, 16, 0.3).Fit(train, trainLabels, seed: 3));
        var between = (large.TreesFitted + 300) / 2;
        var stoppedAlike = Assert.IsType<FittedMlNetBoosting>(MlNetClassifier.LightGbm(between, 16, 0.3).Fit(train, trainLabels, seed: 3));
        var shorter = MlNetClassifier.LightGbm(large.TreesFitted - 5, 16, 0.3).Fit(train, trainLabels, seed: 3);

        Assert.InRange(large.TreesFitted, 2, 299);
        Assert.Equal(large.TreesFitted, stoppedAlike.TreesFitted);
        Assert.Equal(300, large.Stages);
        Assert.Equal(stoppedAlike.PredictProbability(test), large.PredictProbability(test, between));
        Assert.Equal(large.PredictProbability(test), large.PredictProbability(test, large.TreesFitted));
        Assert.Equal(shorter.PredictProbability(test), large.PredictProbability(test, large.TreesFitted - 5));
        AssertRefusesBeyond(large, 300);
    }

    [Fact]
    public void The_forest_grid_with_one_fit_per_group_of_tree_counts_equals_fitting_every_setting_bit_for_bit()
    {
        (string, IReadOnlyList<double>)[] grid = [("trees", [20.0, 60.0, 40.0]), ("leaves", [8.0, 32.0]), ("feature_fraction", [0.18, 0.6])];

        AssertSameAsEverySettingAlone(ModelCatalogue.RandomForest, grid);
    }

    [Fact]
    public void The_boosting_grid_with_one_fit_per_group_of_tree_counts_equals_fitting_every_setting_bit_for_bit()
    {
        (string, IReadOnlyList<double>)[] grid = [("trees", [10.0, 40.0, 250.0]), ("leaves", [4.0, 16.0]), ("learning_rate", [0.1, 0.3])];

        AssertSameAsEverySettingAlone(ModelCatalogue.LightGbm, grid);
        AssertSameAsEverySettingAlone(ModelCatalogue.FastTree, [("trees", [10.0, 30.0]), ("leaves", [4.0])]);
    }

    [Fact]
    public void A_staged_hyperparameter_must_be_one_of_the_model_and_its_fit_must_score_from_its_first_stages()
    {
        var unknown = Assert.Throws<ArgumentException>(() => new CatalogueModel("forest", new Dictionary<string, double> { ["trees"] = 10 }, _ => new MajorityClass(), staged: "stages"));
        Assert.Contains("no hyperparameter 'stages'", unknown.Message, StringComparison.Ordinal);
        var notStaged = new CatalogueModel("majority", new Dictionary<string, double> { ["trees"] = 10 }, _ => new MajorityClass(), staged: "trees");
        var folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 3, seed: 1);

        var thrown = Assert.Throws<AggregateException>(() => HyperparameterSearch.Grid(notStaged, [("trees", [5.0, 10.0])], Wdbc.ToArray(), Wdbc.IsMalignant, folds, Metric.RocAuc, seed: 1));

        Assert.NotEmpty(thrown.InnerExceptions);
        Assert.All(thrown.InnerExceptions, e => Assert.Contains("cannot score from its first stages", Assert.IsType<InvalidOperationException>(e).Message, StringComparison.Ordinal));
        Assert.Equal("trees", notStaged.With("trees", 20).Staged);
    }

    /// <summary>
    /// The staged search against the same model without a staged hyperparameter, which fits every setting on every fold
    /// on its own: the same fold scores, means, SDs and best setting, and one progress report per setting.
    /// </summary>
    private static void AssertSameAsEverySettingAlone(CatalogueModel model, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> grid)
    {
        var alone = new CatalogueModel(model.Family, model.Hyperparameters, h => model.With(h).Classifier());
        var folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 4, seed: 2);
        var reports = new List<SearchProgress>();

        var staged = HyperparameterSearch.Grid(model, grid, Wdbc.ToArray(), Wdbc.IsMalignant, folds, Metric.RocAuc, seed: 7, progress: new ProgressLog<SearchProgress>(reports));
        var separate = HyperparameterSearch.Grid(alone, grid, Wdbc.ToArray(), Wdbc.IsMalignant, folds, Metric.LogLoss, seed: 7);
        var separateAuc = HyperparameterSearch.Grid(alone, grid, Wdbc.ToArray(), Wdbc.IsMalignant, folds, Metric.RocAuc, seed: 7);

        Assert.Null(alone.Staged);
        Assert.Equal(separateAuc.Fits.Select(f => f.Parameters), staged.Fits.Select(f => f.Parameters));
        Assert.Equal(separateAuc.Fits.SelectMany(f => f.FoldScores), staged.Fits.SelectMany(f => f.FoldScores));
        Assert.Equal(separateAuc.Fits.Select(f => (f.Mean, f.Sd)), staged.Fits.Select(f => (f.Mean, f.Sd)));
        Assert.Equal(separateAuc.BestIndex, staged.BestIndex);
        Assert.Equal(separateAuc.Refitted.PredictProbability(Wdbc.ToArray()), staged.Refitted.PredictProbability(Wdbc.ToArray()));
        var stagedLogLoss = HyperparameterSearch.Grid(model, grid, Wdbc.ToArray(), Wdbc.IsMalignant, folds, Metric.LogLoss, seed: 7);
        Assert.Equal(separate.Fits.SelectMany(f => f.FoldScores), stagedLogLoss.Fits.SelectMany(f => f.FoldScores));
        Assert.Equal(Enumerable.Range(1, staged.Fits.Count), reports.Select(r => r.Completed).Order());
        Assert.Equal(staged.Fits.Select(f => f.Parameters["trees"]).Order(), reports.Select(r => r.Latest.Parameters["trees"]).Order());
    }

    private static void AssertRefusesBeyond(IStagedFittedClassifier model, int stages)
    {
        var rows = Wdbc.ToArray().Take(3).ToArray();
        var beyond = Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictProbability(rows, stages + 1));
        Assert.Contains($"1 to {stages} of them", beyond.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.PredictProbability(rows, 0));
    }

    private static (double[][] Train, bool[] TrainLabels, double[][] Test) Split()
    {
        var rows = Wdbc.ToArray();
        return (rows[..400], [.. Wdbc.IsMalignant.Take(400)], rows[400..]);
    }
}
