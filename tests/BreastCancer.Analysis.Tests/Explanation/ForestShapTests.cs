using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;
using static BreastCancer.Analysis.Tests.Explanation.StudyRows;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>
/// SHAP values of the random forest (<see cref="BreimanForest"/>), whose probability is the mean of its trees, in
/// probability: against their definition, every coalition of a small forest's features enumerated with the forest's own
/// trees and covers counted here (not through <see cref="ForestTreeEnsemble"/>), and against local accuracy for the
/// study's forest explained through its pipeline.
/// </summary>
public sealed class ForestShapTests
{
    /// <summary>Five of WDBC's features (mean radius, texture, smoothness, concave points, worst area): 32 coalitions.</summary>
    private static readonly int[] Five = [0, 1, 4, 7, 23];

    private static readonly double[][] Narrow = [.. Training.Select(r => Five.Select(f => r[f]).ToArray())];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TreeSHAP_of_a_small_forest_equals_the_Shapley_values_of_its_probability_by_enumeration_of_every_coalition(int seed)
    {
        var forest = BreimanForest.Fit(Narrow, TrainingLabels, new ForestSettings(Trees: 12, MaxLeaves: 10, MinLeafRows: 3, FeatureFraction: 0.6), seed);
        var background = Narrow[..150];
        var rows = HeldOut[..8].Select(r => Five.Select(f => r[f]).ToArray()).ToArray();

        var model = TreeModel.Of(forest, background)!;
        var explanation = model.InOutputSpace(TreeShap.Explain(model.Ensemble, rows, [.. Five.Select(f => Wdbc.FeatureNames[f])]));

        Assert.Equal(ShapOutputSpace.Probability, explanation.OutputSpace);
        Assert.Equal(Value(forest, background, rows[0], known: 0), explanation.BaseValue, 1e-14);
        Assert.Equal(forest.PredictProbability(background).Average(), explanation.BaseValue, 1e-14);
        var probabilities = forest.PredictProbability(rows);
        for (var r = 0; r < rows.Length; r++)
        {
            Assert.Equal(probabilities[r], explanation.Output(r), 1e-14);
            var expected = Shapley(forest, background, rows[r]);
            for (var i = 0; i < Five.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - explanation.Values[r][i]) <= 1e-13, $"seed {seed}, row {r}, feature {i}: TreeSHAP {explanation.Values[r][i]}, by enumeration {expected[i]}");
            }
        }
    }

    [Fact]
    public void The_study_forest_is_explained_exactly_in_probability_through_its_pipeline_and_its_values_add_up_to_its_probability()
    {
        var fitted = ModelCatalogue.RandomForest.Pipeline().Fit(Training, TrainingLabels, seed: 1);

        var explanation = ShapExplainer.Explain(fitted, Training, HeldOut, Wdbc.FeatureNames);

        Assert.Equal(ShapOutputSpace.Probability, explanation.OutputSpace);
        Assert.Equal(TreeShap.Method, explanation.Method);
        Assert.Equal(fitted.PredictProbability(Training).Average(), explanation.BaseValue, 1e-12);
        Assert.True(ShapExplainer.ProbabilityGap(explanation, fitted) < 1e-12, $"gap {ShapExplainer.ProbabilityGap(explanation, fitted)}");
        var explainer = ExactShapExplainer.For(fitted, Training, Wdbc.FeatureNames)!;
        Assert.Equal(explanation.Values, explainer.Explain(HeldOut).Values);
    }

    [Fact]
    public void A_calibrated_forest_is_no_mean_of_trees_and_gets_no_tree_model()
    {
        var calibrated = new CalibratedClassifier(new RandomForest(new ForestSettings(Trees: 5))).Fit(Training, TrainingLabels, seed: 1);

        Assert.Null(TreeModel.Of(calibrated, Training));
    }

    /// <summary>φᵢ = Σ_{S ∌ i} |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S)) over every coalition S.</summary>
    private static double[] Shapley(BreimanForest forest, double[][] background, double[] row)
    {
        var m = row.Length;
        var v = Enumerable.Range(0, 1 << m).Select(known => Value(forest, background, row, known)).ToArray();
        var phi = new double[m];
        for (var i = 0; i < m; i++)
        {
            for (var known = 0; known < v.Length; known++)
            {
                if ((known & (1 << i)) == 0)
                {
                    var size = System.Numerics.BitOperations.PopCount((uint)known);
                    phi[i] += Factorial(size) * Factorial(m - size - 1) / Factorial(m) * (v[known | (1 << i)] - v[known]);
                }
            }
        }

        return phi;
    }

    /// <summary>
    /// v(S), the forest's path-dependent expectation given the features in <paramref name="known"/>: the mean over the
    /// trees of each tree's expectation, which at a split on a known feature follows the row and elsewhere averages
    /// its children weighted by the background rows that reach each (one half each where none does).
    /// </summary>
    private static double Value(BreimanForest forest, double[][] background, double[] row, int known) =>
        forest.Trees.Average(tree => Expectation(tree, background, row, known, tree.NodeCount == 0 ? ~0 : 0));

    private static double Expectation(ClassificationTree tree, double[][] reaching, double[] row, int known, int node)
    {
        if (node < 0)
        {
            return tree.LeafValues[~node];
        }

        var (feature, threshold) = (tree.SplitFeatures[node], tree.Thresholds[node]);
        if ((known & (1 << feature)) != 0)
        {
            return Expectation(tree, [.. reaching.Where(b => (float)b[feature] <= threshold == ((float)row[feature] <= threshold))], row, known,
                (float)row[feature] <= threshold ? tree.LeftChild[node] : tree.RightChild[node]);
        }

        var left = reaching.Where(b => (float)b[feature] <= threshold).ToArray();
        var right = reaching.Where(b => !((float)b[feature] <= threshold)).ToArray();
        var (wl, wr) = reaching.Length > 0 ? (left.Length / (double)reaching.Length, right.Length / (double)reaching.Length) : (0.5, 0.5);
        return wl * Expectation(tree, left, row, known, tree.LeftChild[node]) + wr * Expectation(tree, right, row, known, tree.RightChild[node]);
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
