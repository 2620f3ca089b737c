using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class TreeShapTests(TreeModels models) : IClassFixture<TreeModels>
{
    [Fact]
    public void Tree_shap_equals_the_brute_force_shapley_values_of_the_cover_weighted_expectation_on_random_trees()
    {
        var (repeated, uncovered) = (0, 0);
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new Random(seed);
            var features = 5 + seed % 4;
            var background = RandomTrees.Rows(random, 40, features);
            var tree = RandomTrees.Tree(random, features, maxDepth: 1 + seed % 6, background);
            repeated += RandomTrees.RepeatsAFeature(tree) ? 1 : 0;
            uncovered += tree.NodeCovers.Concat(tree.LeafCovers).Any(c => c == 0) ? 1 : 0;
            var ensemble = new TreeEnsemble(features, [tree], [1], 0);
            AssertBruteForce(ensemble, RandomTrees.Rows(random, 6, features));
        }

        Assert.True(repeated >= 10, $"only {repeated} trees repeat a feature on a path");
        Assert.True(uncovered >= 5, $"only {uncovered} trees have a node no background row reaches");
    }

    [Fact]
    public void Tree_shap_equals_the_brute_force_shapley_values_on_random_weighted_ensembles()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var random = new Random(100 + seed);
            var features = 5 + seed % 4;
            var background = RandomTrees.Rows(random, 30, features);
            var ensemble = RandomTrees.Ensemble(random, features, trees: 2 + seed % 4, maxDepth: 6, background);
            AssertBruteForce(ensemble, [.. RandomTrees.Rows(random, 4, features), background[0]]);
        }
    }

    [Fact]
    public void Interaction_values_equal_the_brute_force_shapley_interaction_index_and_each_rows_matrix_sums_to_its_shap_values()
    {
        var largest = 0.0;
        for (var seed = 1; seed <= 12; seed++)
        {
            var random = new Random(300 + seed);
            var features = 4 + seed % 3;
            var background = RandomTrees.Rows(random, 30, features);
            var ensemble = RandomTrees.Ensemble(random, features, trees: 1 + seed % 3, maxDepth: 5, background);
            var rows = RandomTrees.Rows(random, 3, features);

            var interactions = TreeShap.Interactions(ensemble, rows, Names(features));
            var shap = TreeShap.Explain(ensemble, rows, Names(features));

            Assert.Equal(shap.BaseValue, interactions.BaseValue);
            for (var r = 0; r < rows.Length; r++)
            {
                var matrix = interactions.Values[r];
                var sums = interactions.ShapValues(r);
                for (var i = 0; i < features; i++)
                {
                    Assert.Equal(shap.Values[r][i], sums[i], 1e-10);
                    for (var j = 0; j < features; j++)
                    {
                        Assert.Equal(matrix[j, i], matrix[i, j], 1e-10);
                        if (i != j)
                        {
                            largest = Math.Max(largest, Math.Abs(matrix[i, j]));
                            Assert.True(Math.Abs(BruteForceShapley.Interaction(ensemble, rows[r], i, j) - matrix[i, j]) <= 1e-10, $"seed {seed}, row {r}, Φ[{i},{j}] = {matrix[i, j]}");
                        }
                    }
                }
            }
        }

        Assert.True(largest > 0.01, $"the largest interaction is only {largest}: the trees test nothing");
    }

    [Theory]
    [MemberData(nameof(TreeModels.MlNetKinds), MemberType = typeof(TreeModels))]
    public void Base_value_plus_the_values_equals_the_ensemble_output_on_every_wdbc_row(string kind)
    {
        var model = Model(kind);
        var explanation = TreeShap.Explain(model.Ensemble, models.Rows, models.Wdbc.FeatureNames);

        Assert.Equal(ShapOutputSpace.Margin, explanation.OutputSpace);
        Assert.Equal(model.Ensemble.ExpectedOutput(), explanation.BaseValue, 12);
        for (var r = 0; r < models.Rows.Length; r++)
        {
            var output = model.Ensemble.Output(models.Rows[r]);
            Assert.True(Math.Abs(explanation.Output(r) - output) <= 1e-9 * Math.Max(1, Math.Abs(output)), $"row {r}: {explanation.Output(r)} against {output}");
        }
    }

    [Theory]
    [MemberData(nameof(TreeModels.MlNetKinds), MemberType = typeof(TreeModels))]
    public void The_ensemble_output_equals_ml_nets_own_score_on_every_row_so_the_trees_and_routing_are_read_as_ml_net_uses_them(string kind)
    {
        var model = Model(kind);
        var scores = models.Fitted[kind].DecisionScore(models.Rows);

        for (var r = 0; r < models.Rows.Length; r++)
        {
            var output = model.Ensemble.Output(models.Rows[r]);
            Assert.True(Math.Abs(output - scores[r]) <= 1e-5 * Math.Max(1, Math.Abs(scores[r])), $"row {r}: {output} against ML.NET's {scores[r]}");
        }
    }

    [Theory]
    [MemberData(nameof(TreeModels.MlNetKinds), MemberType = typeof(TreeModels))]
    public void A_row_at_a_split_threshold_or_with_a_missing_value_is_routed_as_ml_net_routes_it(string kind)
    {
        var model = Model(kind);
        var tree = model.Ensemble.Trees.First(t => t.NodeCount > 0);
        var atThreshold = (double[])models.Rows[0].Clone();
        atThreshold[tree.SplitFeatures[0]] = tree.Thresholds[0];
        var missing = (double[])models.Rows[1].Clone();
        missing[tree.SplitFeatures[0]] = double.NaN;
        double[][] rows = [atThreshold, missing];
        var scores = models.Fitted[kind].DecisionScore(rows);

        Assert.Equal(tree.LeftChild[0], tree.Child(0, atThreshold[tree.SplitFeatures[0]]));
        Assert.Equal(scores[0], model.Ensemble.Output(atThreshold), 1e-5 * Math.Max(1, Math.Abs(scores[0])));
        Assert.Equal(scores[1], model.Ensemble.Output(missing), 1e-5 * Math.Max(1, Math.Abs(scores[1])));
    }

    [Theory]
    [MemberData(nameof(TreeModels.Kinds), MemberType = typeof(TreeModels))]
    public void The_affine_map_of_the_output_is_the_log_odds_of_the_classifiers_probability(string kind)
    {
        var model = Model(kind);
        var probabilities = models.Fitted[kind].PredictProbability(models.Rows);

        for (var r = 0; r < models.Rows.Length; r++)
        {
            var logOdds = model.Output(models.Rows[r]);
            Assert.True(Math.Abs(1 / (1 + Math.Exp(-logOdds)) - probabilities[r]) <= 1e-6, $"row {r}: logistic({logOdds}) against p = {probabilities[r]}");
            if (probabilities[r] is > 0.01 and < 0.99)
            {
                Assert.Equal(Math.Log(probabilities[r] / (1 - probabilities[r])), logOdds, 1e-4);
            }
        }
    }

    [Fact]
    public void A_calibrated_fasttree_maps_its_raw_score_through_its_own_platt_scaling_not_through_mlnets()
    {
        var calibrated = (FittedCalibratedClassifier)models.Fitted["calibrated fasttree"];
        var platt = (PlattScaling)calibrated.Calibrator;
        var model = Model("calibrated fasttree");

        Assert.Equal(-platt.Slope, model.Slope);
        Assert.Equal(-platt.Offset, model.Intercept);
        Assert.NotEqual((Model("fasttree").Slope, Model("fasttree").Intercept), (model.Slope, model.Intercept));
        Assert.Equal(ShapOutputSpace.LogOdds, model.OutputSpace);
    }

    [Fact]
    public void A_model_that_is_not_a_tree_ensemble_gives_no_tree_model()
    {
        var logistic = ModelCatalogue.LogisticRegressionL2.Classifier().Fit(models.Rows, models.Wdbc.IsMalignant, seed: 1);

        Assert.Null(TreeModel.Of(logistic, models.Rows));
        Assert.Null(TreeModel.Of(new MajorityClass().Fit(models.Rows, models.Wdbc.IsMalignant, seed: 1), models.Rows));
    }

    [Fact]
    public void A_feature_no_tree_splits_on_gets_exactly_zero()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var random = new Random(200 + seed);
            var background = RandomTrees.Rows(random, 30, 6);
            var inner = RandomTrees.Ensemble(random, 5, trees: 3, maxDepth: 5, background);
            var ensemble = new TreeEnsemble(6, inner.Trees, inner.Weights, inner.Bias);
            var explanation = TreeShap.Explain(ensemble, RandomTrees.Rows(random, 5, 6), Names(6));

            Assert.All(explanation.Values, v => Assert.Equal(0.0, v[5]));
        }
    }

    [Fact]
    public void Two_features_playing_identical_roles_get_identical_values_whichever_is_split_first()
    {
        // f = 1 when both features exceed 0.5 (an AND), over a background with every combination equally often.
        double[][] background = [[0, 0], [0, 1], [1, 0], [1, 1], [1, 1], [0, 0], [1, 0], [0, 1]];
        double[][] rows = [[1, 1], [0, 0], [1, 0], [0, 1]];

        var first = TreeShap.Explain(new TreeEnsemble(2, [And(0, 1, background)], [1], 0), rows, Names(2));
        var second = TreeShap.Explain(new TreeEnsemble(2, [And(1, 0, background)], [1], 0), rows, Names(2));

        Assert.Equal(first.Values[0][0], first.Values[0][1], 14);
        Assert.Equal(first.Values[1][0], first.Values[1][1], 14);
        Assert.Equal(first.Values[2][0], first.Values[3][1], 14);
        Assert.Equal(first.Values[2][1], first.Values[3][0], 14);
        Assert.NotEqual(0, first.Values[0][0]);
        for (var r = 0; r < rows.Length; r++)
        {
            Assert.Equal(first.Values[r][0], second.Values[r][0], 14);
            Assert.Equal(first.Values[r][1], second.Values[r][1], 14);
        }

        static DecisionTree And(int root, int below, double[][] background) =>
            DecisionTree.Covered([root, below], [0.5f, 0.5f], [~0, ~1], [1, ~2], [0, 0, 1], background);
    }

    [Theory]
    [MemberData(nameof(TreeModels.MlNetKinds), MemberType = typeof(TreeModels))]
    public void Covers_count_the_background_rows_the_root_all_of_them_and_each_node_the_sum_of_its_childrens(string kind)
    {
        var model = Model(kind);

        Assert.All(model.Ensemble.Trees, tree =>
        {
            Assert.Equal(models.Rows.Length, tree.RootCover);
            Assert.Equal(models.Rows.Length, tree.LeafCovers.Sum());
            for (var node = 0; node < tree.NodeCount; node++)
            {
                Assert.Equal(tree.NodeCovers[node], Cover(tree, tree.LeftChild[node]) + Cover(tree, tree.RightChild[node]));
            }

            var counted = new double[tree.LeafCount];
            foreach (var row in models.Rows)
            {
                counted[tree.Leaf(row)]++;
            }

            Assert.Equal(counted, tree.LeafCovers);
        });
    }

    [Fact]
    public void The_values_are_the_same_on_every_run_and_with_any_number_of_workers()
    {
        var ensemble = Model("fasttree").Ensemble;
        var names = models.Wdbc.FeatureNames;

        var once = TreeShap.Explain(ensemble, models.Rows, names);
        var again = TreeShap.Explain(ensemble, models.Rows, names);
        var parallel = TreeShap.Explain(ensemble, models.Rows, names, workers: 2);

        Assert.Equal(once.BaseValue, again.BaseValue);
        Assert.Equal(once.Values, again.Values);
        Assert.Equal(once.Values, parallel.Values);
        Assert.Equal(TreeShap.Method, once.Method);
        Assert.Same(models.Rows, once.FeatureValues);
    }

    [Fact]
    public void Bad_input_is_rejected_naming_what_is_wrong()
    {
        var ensemble = Model("fasttree").Ensemble;
        var names = models.Wdbc.FeatureNames;

        var width = Assert.Throws<ArgumentException>(() => TreeShap.Explain(ensemble, [models.Rows[0], models.Rows[1][..29]], names));
        Assert.Contains("rows[1]", width.Message, StringComparison.Ordinal);
        Assert.Contains("29 values", width.Message, StringComparison.Ordinal);
        var count = Assert.Throws<ArgumentException>(() => TreeShap.Explain(ensemble, models.Rows, names.Take(29).ToArray()));
        Assert.Contains("29 feature names", count.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => TreeShap.Explain(ensemble, models.Rows, names, workers: 0));
        Assert.Throws<ArgumentException>(() => ensemble.Output([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => TreeModel.Of(models.Fitted["fasttree"], []));
        var covers = Assert.Throws<ArgumentException>(() => new DecisionTree([0], [0.5f], [~0], [~1], [0, 1], [3], [1, 1]));
        Assert.Contains("children's covers sum to 2", covers.Message, StringComparison.Ordinal);
        var cycle = Assert.Throws<ArgumentException>(() => new DecisionTree([0, 0], [0.5f, 0.5f], [1, ~0], [0, ~1], [0, 1, 2], [0, 0], [0, 0, 0]));
        Assert.Contains("node 0 has child 0", cycle.Message, StringComparison.Ordinal);
    }

    private TreeModel Model(string kind) =>
        TreeModel.Of(models.Fitted[kind], models.Rows) ?? throw new InvalidOperationException($"{kind} is not read as a tree model");

    private static double Cover(DecisionTree tree, int child) => child >= 0 ? tree.NodeCovers[child] : tree.LeafCovers[~child];

    private static string[] Names(int count) => [.. Enumerable.Range(0, count).Select(i => $"x{i}")];

    private static void AssertBruteForce(TreeEnsemble ensemble, double[][] rows)
    {
        var explanation = TreeShap.Explain(ensemble, rows, Names(ensemble.FeatureCount));

        Assert.Equal(BruteForceShapley.Empty(ensemble), explanation.BaseValue, 1e-12);
        for (var r = 0; r < rows.Length; r++)
        {
            var expected = BruteForceShapley.Values(ensemble, rows[r]);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - explanation.Values[r][i]) <= 1e-10, $"row {r}, feature {i}: TreeSHAP {explanation.Values[r][i]}, brute force {expected[i]}");
            }
        }
    }
}
