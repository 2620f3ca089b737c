using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;
using static BreastCancer.Analysis.Tests.Explanation.StudyRows;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class InterventionalTreeShapTests(TreeModels models) : IClassFixture<TreeModels>
{
    [Fact]
    public void The_values_equal_the_brute_force_shapley_values_of_the_interventional_game_on_random_trees()
    {
        var repeated = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new Random(seed);
            var features = 5 + seed % 4;
            var tree = RandomTrees.Tree(random, features, maxDepth: 1 + seed % 6, RandomTrees.Rows(random, 20, features));
            repeated += RandomTrees.RepeatsAFeature(tree) ? 1 : 0;
            var background = Weighted(random, RandomTrees.Rows(random, 6, features));

            AssertBruteForce(new TreeEnsemble(features, [tree], [1], 0), background, [.. RandomTrees.Rows(random, 5, features), background.Rows[0]]);
        }

        Assert.True(repeated >= 10, $"only {repeated} trees repeat a feature on a path");
    }

    [Fact]
    public void The_values_equal_the_brute_force_shapley_values_on_weighted_ensembles_with_a_constant_tree_and_missing_values()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var random = new Random(100 + seed);
            var features = 5 + seed % 4;
            var coverRows = RandomTrees.Rows(random, 20, features);
            var inner = RandomTrees.Ensemble(random, features, trees: 2 + seed % 4, maxDepth: 6, coverRows);
            var constant = DecisionTree.Covered([], [], [], [], [0.7], coverRows);
            var ensemble = new TreeEnsemble(features, [.. inner.Trees, constant], [.. inner.Weights, 0.5], inner.Bias);
            var backgroundRows = RandomTrees.Rows(random, 7, features);
            backgroundRows[1][random.Next(features)] = double.NaN;
            var rows = RandomTrees.Rows(random, 5, features);
            rows[0][random.Next(features)] = double.NaN;
            rows[1][random.Next(features)] = double.NaN;

            AssertBruteForce(ensemble, Weighted(random, backgroundRows), rows);
        }
    }

    [Theory]
    [MemberData(nameof(TreeModels.MlNetKinds), MemberType = typeof(TreeModels))]
    public void Base_value_plus_the_values_equals_the_ensemble_output_and_the_base_value_is_the_mean_output_over_the_background(string kind)
    {
        var ensemble = Model(kind).Ensemble;
        var background = ShapBackground.Sample(models.Rows, 40, seed: 3);
        var rows = models.Rows.Where((_, r) => r % 15 == 0).ToArray();

        var explanation = InterventionalTreeShap.Explain(ensemble, background, rows, models.Wdbc.FeatureNames);

        Assert.Equal(ShapOutputSpace.Margin, explanation.OutputSpace);
        Assert.Equal(InterventionalTreeShap.Method, explanation.Method);
        Assert.Equal(background.Rows.Average(ensemble.Output), explanation.BaseValue, 1e-12 * Math.Max(1, Math.Abs(explanation.BaseValue)));
        for (var r = 0; r < rows.Length; r++)
        {
            var output = ensemble.Output(rows[r]);
            Assert.True(Math.Abs(explanation.Output(r) - output) <= 1e-9 * Math.Max(1, Math.Abs(output)), $"row {r}: {explanation.Output(r)} against {output}");
        }

        Assert.Contains(explanation.Values, v => v.Any(phi => Math.Abs(phi) > 1e-3));
    }

    [Theory]
    [MemberData(nameof(TreeModels.MlNetKinds), MemberType = typeof(TreeModels))]
    public void Against_the_rows_that_gave_the_covers_the_base_value_is_path_dependent_tree_shaps(string kind)
    {
        var ensemble = Model(kind).Ensemble;

        var interventional = InterventionalTreeShap.Explain(ensemble, ShapBackground.Of(models.Rows), models.Rows[..2], models.Wdbc.FeatureNames);

        Assert.Equal(TreeShap.Explain(ensemble, models.Rows[..2], models.Wdbc.FeatureNames).BaseValue, interventional.BaseValue, 1e-9);
    }

    [Fact]
    public void Trees_that_each_split_on_one_feature_get_the_path_dependent_values_against_their_cover_rows_but_other_trees_do_not()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var random = new Random(400 + seed);
            var features = 4 + seed % 3;
            var coverRows = RandomTrees.Rows(random, 25, features);
            var trees = Enumerable.Range(0, 4).Select(_ => OnOneFeature(random, random.Next(features), coverRows)).ToArray();
            var ensemble = new TreeEnsemble(features, trees, [.. trees.Select(_ => random.NextDouble() + 0.5)], 0.25);
            var rows = RandomTrees.Rows(random, 5, features);

            var interventional = InterventionalTreeShap.Explain(ensemble, ShapBackground.Of(coverRows), rows, Names(features));
            var pathDependent = TreeShap.Explain(ensemble, rows, Names(features));

            Assert.Equal(pathDependent.BaseValue, interventional.BaseValue, 1e-12);
            AssertClose(pathDependent.Values, interventional.Values, $"seed {seed}");
        }

        var mixedRandom = new Random(7);
        var mixedCovers = RandomTrees.Rows(mixedRandom, 25, 5);
        var mixed = RandomTrees.Ensemble(mixedRandom, 5, trees: 3, maxDepth: 4, mixedCovers);
        var mixedRows = RandomTrees.Rows(mixedRandom, 5, 5);
        var gap = InterventionalTreeShap.Explain(mixed, ShapBackground.Of(mixedCovers), mixedRows, Names(5)).Values
            .Zip(TreeShap.Explain(mixed, mixedRows, Names(5)).Values, (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
        Assert.True(gap > 1e-3, $"trees splitting on several features give the same values both ways (largest gap {gap})");
    }

    [Fact]
    public void A_feature_no_tree_splits_on_gets_exactly_zero()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var random = new Random(200 + seed);
            var coverRows = RandomTrees.Rows(random, 20, 6);
            var inner = RandomTrees.Ensemble(random, 5, trees: 3, maxDepth: 5, coverRows);
            var ensemble = new TreeEnsemble(6, inner.Trees, inner.Weights, inner.Bias);

            var explanation = InterventionalTreeShap.Explain(ensemble, ShapBackground.Of(RandomTrees.Rows(random, 8, 6)), RandomTrees.Rows(random, 5, 6), Names(6));

            Assert.All(explanation.Values, v => Assert.Equal(0.0, v[5]));
            Assert.Contains(explanation.Values, v => v.Take(5).Any(phi => phi != 0));
        }
    }

    [Fact]
    public void Against_a_background_of_the_row_itself_every_value_is_zero_and_the_base_value_is_the_rows_output()
    {
        var ensemble = Model("lightgbm").Ensemble;
        var row = (double[])models.Rows[7].Clone();
        row[3] = double.NaN;

        var explanation = InterventionalTreeShap.Explain(ensemble, ShapBackground.Of([row]), [row], models.Wdbc.FeatureNames);

        Assert.All(explanation.Values[0], phi => Assert.Equal(0.0, phi));
        Assert.Equal(ensemble.Output(row), explanation.BaseValue, 12);
    }

    [Fact]
    public void The_values_are_the_same_on_every_run_and_with_any_number_of_workers()
    {
        var ensemble = Model("fasttree").Ensemble;
        var background = ShapBackground.Sample(models.Rows, 30, seed: 1);
        var rows = models.Rows[..60];

        var once = InterventionalTreeShap.Explain(ensemble, background, rows, models.Wdbc.FeatureNames);
        var again = InterventionalTreeShap.Explain(ensemble, background, rows, models.Wdbc.FeatureNames);
        var parallel = InterventionalTreeShap.Explain(ensemble, background, rows, models.Wdbc.FeatureNames, workers: 2);

        Assert.Equal(once.BaseValue, again.BaseValue);
        Assert.Equal(once.Values, again.Values);
        Assert.Equal(once.Values, parallel.Values);
        Assert.Same(rows, once.FeatureValues);
    }

    [Theory]
    [InlineData("random forest", ShapOutputSpace.Probability)]
    [InlineData("gradient boosting, LightGBM", ShapOutputSpace.LogOdds)]
    public void A_tree_pipeline_is_explained_in_its_trees_output_space_over_the_data_features_adding_up_to_each_probability(string family, ShapOutputSpace space)
    {
        var fitted = ModelCatalogue.All.Single(m => m.Family == family).With("trees", 20).Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var background = ShapBackground.Sample(Training, 30, seed: 2);

        var explanation = ShapExplainer.TreeInterventional(fitted, background, HeldOut, Wdbc.FeatureNames)!;

        Assert.Equal(space, explanation.OutputSpace);
        Assert.Equal(InterventionalTreeShap.Method, explanation.Method);
        Assert.Equal(Wdbc.FeatureNames, explanation.FeatureNames);
        Assert.Same(HeldOut, explanation.FeatureValues);
        Assert.True(ShapExplainer.ProbabilityGap(explanation, fitted) < 1e-5, $"gap {ShapExplainer.ProbabilityGap(explanation, fitted)}");
        var trees = TreeModel.Of(fitted.Classifier, fitted.Transform(Training))!;
        Assert.Equal(fitted.Transform(background.Rows).Average(trees.Output), explanation.BaseValue, 1e-9);
    }

    [Fact]
    public void A_pipeline_that_is_not_a_tree_ensemble_gets_no_interventional_tree_explanation()
    {
        var logistic = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(Training, TrainingLabels, seed: 1);

        Assert.Null(ShapExplainer.TreeInterventional(logistic, ShapBackground.Sample(Training, 10, seed: 1), HeldOut[..2], Wdbc.FeatureNames));
    }

    [Fact]
    public void Bad_input_is_rejected_naming_what_is_wrong()
    {
        var ensemble = Model("fasttree").Ensemble;
        var names = models.Wdbc.FeatureNames;
        var background = ShapBackground.Sample(models.Rows, 5, seed: 1);

        var width = Assert.Throws<ArgumentException>(() => InterventionalTreeShap.Explain(ensemble, background, [models.Rows[0], models.Rows[1][..29]], names));
        Assert.Contains("rows[1]", width.Message, StringComparison.Ordinal);
        Assert.Contains("29 values", width.Message, StringComparison.Ordinal);
        var count = Assert.Throws<ArgumentException>(() => InterventionalTreeShap.Explain(ensemble, background, models.Rows[..2], names.Take(29).ToArray()));
        Assert.Contains("29 feature names", count.Message, StringComparison.Ordinal);
        var narrow = Assert.Throws<ArgumentException>(() => InterventionalTreeShap.Explain(ensemble, ShapBackground.Of([models.Rows[0][..29]]), models.Rows[..2], names));
        Assert.Contains("the background rows have 29 values", narrow.Message, StringComparison.Ordinal);
        Assert.Equal("background", narrow.ParamName);
        var empty = Assert.Throws<ArgumentException>(() => InterventionalTreeShap.Explain(ensemble, ShapBackground.Of([]), models.Rows[..2], names));
        Assert.Contains("the background has no rows", empty.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => InterventionalTreeShap.Explain(ensemble, background, models.Rows[..2], names, workers: 0));
        var pipeline = ModelCatalogue.RandomForest.With("trees", 5).Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var pipelineWidth = Assert.Throws<ArgumentException>(() => ShapExplainer.TreeInterventional(pipeline, ShapBackground.Of([Training[0][..29]]), HeldOut[..2], Wdbc.FeatureNames));
        Assert.Contains("the background rows have 29 values for 30 feature names", pipelineWidth.Message, StringComparison.Ordinal);
    }

    private TreeModel Model(string kind) =>
        TreeModel.Of(models.Fitted[kind], models.Rows) ?? throw new InvalidOperationException($"{kind} is not read as a tree model");

    private static string[] Names(int count) => [.. Enumerable.Range(0, count).Select(i => $"x{i}")];

    /// <summary>The rows with random weights between 0.2 and 1.2 (normalised by the background).</summary>
    private static ShapBackground Weighted(Random random, double[][] rows) => new(rows, [.. rows.Select(_ => random.NextDouble() + 0.2)]);

    /// <summary>A random tree of depth up to 3 that splits only on <paramref name="feature"/>, possibly several times on a path.</summary>
    private static DecisionTree OnOneFeature(Random random, int feature, double[][] coverRows)
    {
        var shape = RandomTrees.Tree(random, 1, maxDepth: 3, coverRows);
        return DecisionTree.Covered([.. shape.SplitFeatures.Select(_ => feature)], shape.Thresholds, shape.LeftChild, shape.RightChild, shape.LeafValues, coverRows);
    }

    private static void AssertBruteForce(TreeEnsemble ensemble, ShapBackground background, double[][] rows)
    {
        var explanation = InterventionalTreeShap.Explain(ensemble, background, rows, Names(ensemble.FeatureCount));

        Assert.Equal(background.Rows.Select((z, b) => background.Weights[b] * ensemble.Output(z)).Sum(), explanation.BaseValue, 1e-12);
        var expected = rows.Select(x => ShapleyBruteForce.Values(batch => [.. batch.Select(ensemble.Output)], background, x, logOdds: false)).ToArray();
        AssertClose(expected, explanation.Values, "brute force against interventional TreeSHAP");
    }

    private static void AssertClose(IReadOnlyList<double[]> expected, IReadOnlyList<double[]> actual, string what)
    {
        for (var r = 0; r < expected.Count; r++)
        {
            for (var i = 0; i < expected[r].Length; i++)
            {
                Assert.True(Math.Abs(expected[r][i] - actual[r][i]) <= 1e-10, $"{what}: row {r}, feature {i}: expected {expected[r][i]}, got {actual[r][i]}");
            }
        }
    }
}
