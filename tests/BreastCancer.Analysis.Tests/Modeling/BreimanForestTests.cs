using System.Text.Json.Nodes;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Modeling;

/// <summary>
/// The forest against scikit-learn 1.2.1 (Fixtures/make_forest_fixtures.py) on WDBC's first 400 rows, scored on the other
/// 169, and against properties a tree must have whatever its data.
/// </summary>
public sealed class BreimanForestTests
{
    private static readonly JsonNode Fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "forest.json")))!;

    private static readonly double[][] Train = Rows("x_train");
    private static readonly bool[] TrainLabels = Labels("y_train");
    private static readonly double[][] Scored = Rows("x_score");
    private static readonly bool[] ScoredLabels = Labels("y_score");

    /// <summary>scikit-learn's tree with every feature at every split: only ties between splits of equal impurity are left to chance.</summary>
    private static readonly ForestSettings OneFullTree = new(Trees: 1, MaxLeaves: 32, MinLeafRows: 2, FeatureFraction: 1, Bootstrap: false);

    [Fact]
    public void One_tree_on_every_row_and_feature_equals_scikit_learns_decision_tree_but_for_ties()
    {
        var tree = BreimanForest.Fit(Train, TrainLabels, OneFullTree, seed: 1);

        Assert.Equal((int)Fixture["tree_leaves"]!, tree.Trees[0].LeafCount);
        var trained = Values("tree_train").Zip(tree.PredictProbability(Train)).Count(p => Math.Abs(p.First - p.Second) > 1e-12);
        var scored = Values("tree_score").Zip(tree.PredictProbability(Scored)).Count(p => Math.Abs(p.First - p.Second) > 1e-12);
        Assert.True(trained <= 8 && scored <= 4, $"{trained} of {Train.Length} training rows and {scored} of {Scored.Length} scored rows differ from scikit-learn's tree");
    }

    [Fact]
    public void Every_split_of_a_full_tree_is_the_best_of_every_feature_and_threshold_for_its_rows_by_brute_force()
    {
        var tree = BreimanForest.Fit(Train, TrainLabels, OneFullTree, seed: 1).Trees[0];

        var rows = new Dictionary<int, int[]> { [0] = [.. Enumerable.Range(0, Train.Length)] };
        for (var node = 0; node < tree.NodeCount; node++)
        {
            var here = rows[node];
            var best = Enumerable.Range(0, Train[0].Length)
                .SelectMany(f => here.Select(r => (float)Train[r][f]).Distinct().Select(t => SplitImpurity(here, f, t)))
                .Where(i => !double.IsNaN(i))
                .Min();
            Assert.Equal(best, SplitImpurity(here, tree.SplitFeatures[node], tree.Thresholds[node]), 12);
            var left = here.Where(r => (float)Train[r][tree.SplitFeatures[node]] <= tree.Thresholds[node]).ToArray();
            (rows[tree.LeftChild[node] >= 0 ? tree.LeftChild[node] : -1], rows[tree.RightChild[node] >= 0 ? tree.RightChild[node] : -1]) = (left, [.. here.Except(left)]);
        }
    }

    [Fact]
    public void A_thousand_trees_score_like_scikit_learns_forest_of_a_thousand()
    {
        var settings = new ForestSettings(Trees: 1000, MaxLeaves: 32, MinLeafRows: 2, FeatureFraction: 0.3);

        var ours = BreimanForest.Fit(Train, TrainLabels, settings, seed: 1).PredictProbability(Scored);

        var theirs = Values("forest_score");
        var meanAbsolute = ours.Zip(theirs).Average(p => Math.Abs(p.First - p.Second));
        Assert.True(meanAbsolute < 0.01, $"mean |ours − scikit-learn's| = {meanAbsolute:F4}");
        Assert.Equal(RankingMetrics.RocAuc(ScoredLabels, theirs), RankingMetrics.RocAuc(ScoredLabels, ours), 0.003);
    }

    [Fact]
    public void A_trees_impurity_decrease_is_what_each_split_removes_by_hand()
    {
        // Root on feature 0 (10 rows, 4 malignant) → node on feature 1 (6 rows: leaves of 4 benign and 2 malignant) and a
        // leaf of 4 rows, 2 malignant. W·Gini = 2PN/W: root 48/10, node 16/6, the mixed leaf 8/4, pure leaves 0.
        var tree = ClassificationTree.FromNodes([0, 1], [0.5f, 0.5f], [1, ~0], [~2, ~1], [10, 6], [0, 1, 0.5], [4, 2, 4]);

        var decrease = tree.ImpurityDecrease(3);

        Assert.Equal(4.8 - 16.0 / 6 - 2, decrease[0], 12);
        Assert.Equal(16.0 / 6, decrease[1], 12);
        Assert.Equal(0, decrease[2]);
    }

    [Fact]
    public void A_full_trees_impurity_decrease_is_what_its_splits_remove_from_the_rows_they_split()
    {
        var tree = BreimanForest.Fit(Train, TrainLabels, OneFullTree, seed: 1).Trees[0];
        var expected = new double[Train[0].Length];
        var rows = new Dictionary<int, int[]> { [0] = [.. Enumerable.Range(0, Train.Length)] };
        for (var node = 0; node < tree.NodeCount; node++)
        {
            var (here, feature) = (rows[node], tree.SplitFeatures[node]);
            var share = here.Count(r => TrainLabels[r]) / (double)here.Length;
            expected[feature] += here.Length * (1 - share * share - (1 - share) * (1 - share)) - SplitImpurity(here, feature, tree.Thresholds[node]);
            var left = here.Where(r => (float)Train[r][feature] <= tree.Thresholds[node]).ToArray();
            (rows[tree.LeftChild[node] >= 0 ? tree.LeftChild[node] : -1], rows[tree.RightChild[node] >= 0 ? tree.RightChild[node] : -1]) = (left, [.. here.Except(left)]);
        }

        var decrease = tree.ImpurityDecrease(Train[0].Length);
        Assert.True(decrease.Count(d => d > 0) >= 10);
        Assert.All(expected.Zip(decrease), p => Assert.Equal(p.First, p.Second, 9));
    }

    [Fact]
    public void A_forests_impurity_importances_come_close_to_scikit_learns_and_name_the_same_top_five()
    {
        var settings = new ForestSettings(Trees: 1000, MaxLeaves: 32, MinLeafRows: 2, FeatureFraction: 0.3);

        var ours = BreimanForest.Fit(Train, TrainLabels, settings, seed: 1).ImpurityImportance();

        var theirs = Values("forest_importances");
        var gap = theirs.Zip(ours).Max(p => Math.Abs(p.First - p.Second));
        Assert.Equal(1, ours.Sum(), 12);
        // The sizes (radius, perimeter, area) order the rows almost alike, and which of them a split takes depends on the
        // draws: the two forests share their importance out differently (up to 0.044 here), the total and the ranking alike.
        Assert.True(gap < 0.05, $"largest |ours − scikit-learn's| = {gap:F4}");
        Assert.Equal(Top(theirs, 5), Top(ours, 5));
    }

    [Fact]
    public void The_same_seed_gives_the_same_forest_and_another_seed_another()
    {
        var settings = new ForestSettings(Trees: 20);

        var first = BreimanForest.Fit(Train, TrainLabels, settings, seed: 7).PredictProbability(Scored);
        var again = BreimanForest.Fit(Train, TrainLabels, settings, seed: 7).PredictProbability(Scored);
        var other = BreimanForest.Fit(Train, TrainLabels, settings, seed: 8).PredictProbability(Scored);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Every_tree_keeps_its_limits_and_its_weights_add_up()
    {
        var settings = new ForestSettings(Trees: 25, MaxLeaves: 12, MinLeafRows: 3, FeatureFraction: 0.2);

        var forest = BreimanForest.Fit(Train, TrainLabels, settings, seed: 3);

        foreach (var tree in forest.Trees)
        {
            Assert.Equal(tree.NodeCount + 1, tree.LeafCount);
            Assert.InRange(tree.LeafCount, 2, 12);
            Assert.Equal(Train.Length, tree.NodeWeights[0]);
            Assert.Equal(Train.Length, tree.LeafWeights.Sum());
            for (var node = 0; node < tree.NodeCount; node++)
            {
                Assert.Equal(tree.NodeWeights[node], Weight(tree, tree.LeftChild[node]) + Weight(tree, tree.RightChild[node]));
            }

            Assert.All(tree.LeafValues, v => Assert.InRange(v, 0, 1));
            Assert.All(Leaves(tree, Train), rows => Assert.True(rows >= 3, $"a leaf holds {rows} distinct training rows"));
        }
    }

    [Fact]
    public void Unlimited_trees_on_every_row_fit_separable_training_rows_exactly()
    {
        var settings = new ForestSettings(Trees: 1, MaxLeaves: 100_000, MinLeafRows: 1, FeatureFraction: 1, Bootstrap: false);

        var forest = BreimanForest.Fit(Train, TrainLabels, settings, seed: 1);

        Assert.Equal(TrainLabels.Select(m => m ? 1.0 : 0.0), forest.PredictProbability(Train));
    }

    [Theory]
    [InlineData(0, 32, 2, 0.3, "trees must be 1 to 10000, not 0")]
    [InlineData(10, 1, 2, 0.3, "the most leaves must be 2 to 100000, not 1")]
    [InlineData(10, 32, 0, 0.3, "the fewest rows of a leaf must be at least 1, not 0")]
    [InlineData(10, 32, 2, 0.0, "the feature fraction must be in (0, 1], not 0")]
    [InlineData(10, 32, 2, double.NaN, "the feature fraction must be in (0, 1], not NaN")]
    public void Unusable_settings_are_refused_naming_the_setting(int trees, int leaves, int minLeafRows, double fraction, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => BreimanForest.Fit(Train, TrainLabels, new ForestSettings(trees, leaves, minLeafRows, fraction), seed: 1));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_are_refused_naming_the_row_and_feature()
    {
        double[][] rows = [[1, 2], [3, double.NaN]];

        Assert.StartsWith("row 1, feature 1 is NaN", Assert.Throws<ArgumentException>(() => BreimanForest.Fit(rows, [true, false], new ForestSettings(), 1)).Message, StringComparison.Ordinal);
        Assert.StartsWith("row 1 has 1 values, but row 0 has 2", Assert.Throws<ArgumentException>(() => BreimanForest.Fit([[1, 2], [3]], [true, false], new ForestSettings(), 1)).Message, StringComparison.Ordinal);
        Assert.StartsWith("1 labels for 2 rows", Assert.Throws<ArgumentException>(() => BreimanForest.Fit([[1, 2], [3, 4]], [true], new ForestSettings(), 1)).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The weighted Gini impurity of <paramref name="rows"/> (of the training rows) split at <paramref name="threshold"/>
    /// of <paramref name="feature"/> (single precision, ≤ goes left), or NaN when a side has fewer than 2 rows.
    /// </summary>
    [Fact]
    public void The_classifier_grows_the_forest_from_the_fits_seed_and_names_its_form()
    {
        var classifier = new RandomForest(new ForestSettings(Trees: 20));

        var first = classifier.Fit(Train, TrainLabels, seed: 1);
        var again = classifier.Fit(Train, TrainLabels, seed: 1);
        var other = classifier.Fit(Train, TrainLabels, seed: 2);

        var forest = Assert.IsType<ForestForm>(first.Form).Forest;
        Assert.Same(first, forest);
        Assert.Equal(20, forest.Trees.Count);
        Assert.Equal(first.PredictProbability(Scored), again.PredictProbability(Scored));
        Assert.NotEqual(first.PredictProbability(Scored), other.PredictProbability(Scored));
        Assert.Throws<ArgumentException>(() => new RandomForest(new ForestSettings(FeatureFraction: 0)));
    }

    [Fact]
    public void A_forest_read_back_from_its_nodes_scores_as_the_forest_and_nodes_that_are_no_tree_are_refused()
    {
        var forest = BreimanForest.Fit(Train, TrainLabels, new ForestSettings(Trees: 5), seed: 1);

        var copy = BreimanForest.FromTrees([.. forest.Trees.Select(t => ClassificationTree.FromNodes(t.SplitFeatures, t.Thresholds, t.LeftChild, t.RightChild, t.NodeWeights, t.LeafValues, t.LeafWeights))],
            forest.FeatureCount, forest.Settings);

        Assert.Equal(forest.PredictProbability(Scored), copy.PredictProbability(Scored));
        var tree = forest.Trees[0];
        Assert.Throws<ArgumentException>(() => ClassificationTree.FromNodes(tree.SplitFeatures, tree.Thresholds, [.. tree.RightChild], tree.RightChild, tree.NodeWeights, tree.LeafValues, tree.LeafWeights));
        Assert.Throws<ArgumentException>(() => ClassificationTree.FromNodes(tree.SplitFeatures, tree.Thresholds, tree.LeftChild, tree.RightChild, tree.NodeWeights, [.. tree.LeafValues.Select(v => v + 2)], tree.LeafWeights));
        Assert.Throws<ArgumentException>(() => BreimanForest.FromTrees(forest.Trees, forest.FeatureCount - 25, forest.Settings));
        Assert.Throws<ArgumentException>(() => BreimanForest.FromTrees([], forest.FeatureCount, forest.Settings));
    }

    private static double SplitImpurity(int[] rows, int feature, float threshold)
    {
        var left = rows.Where(r => (float)Train[r][feature] <= threshold).ToArray();
        var right = rows.Except(left).ToArray();
        if (left.Length < 2 || right.Length < 2)
        {
            return double.NaN;
        }

        double Gini(int[] side)
        {
            var share = side.Count(r => TrainLabels[r]) / (double)side.Length;
            return side.Length * (1 - share * share - (1 - share) * (1 - share));
        }

        return Gini(left) + Gini(right);
    }

    private static int[] Top(double[] importance, int k) =>
        [.. Enumerable.Range(0, importance.Length).OrderByDescending(f => importance[f]).Take(k).Order()];

    private static double Weight(ClassificationTree tree, int child) => child >= 0 ? tree.NodeWeights[child] : tree.LeafWeights[~child];

    /// <summary>The number of distinct training rows reaching each leaf that any row reaches.</summary>
    private static IEnumerable<int> Leaves(ClassificationTree tree, double[][] rows) =>
        rows.GroupBy(row => Leaf(tree, row)).Select(g => g.Count());

    private static int Leaf(ClassificationTree tree, double[] row)
    {
        var node = tree.NodeCount == 0 ? ~0 : 0;
        while (node >= 0)
        {
            node = (float)row[tree.SplitFeatures[node]] <= tree.Thresholds[node] ? tree.LeftChild[node] : tree.RightChild[node];
        }

        return ~node;
    }

    private static double[][] Rows(string name) => [.. Fixture[name]!.AsArray().Select(r => r!.AsArray().Select(v => (double)v!).ToArray())];

    private static bool[] Labels(string name) => [.. Fixture[name]!.AsArray().Select(v => (int)v! == 1)];

    private static double[] Values(string name) => [.. Fixture[name]!.AsArray().Select(v => (double)v!)];
}
