using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using static BreastCancer.Analysis.Tests.Explanation.StudyRows;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class LinearShapTests
{
    [Fact]
    public void Values_are_the_closed_form_w_times_x_minus_the_background_mean()
    {
        double[] weights = [2, -0.5, 0];
        double[][] background = [[1, 4, 9], [3, 0, -1], [5, 2, 7]];
        double[][] rows = [[0, 1, 2], [10, -2, 3]];

        var explanation = LinearShap.Explain(weights, 0.25, background, rows, ["a", "b", "c"], ShapOutputSpace.LogOdds);

        Assert.Equal(2 * (0 - 3.0), explanation.Values[0][0], 12);
        Assert.Equal(-0.5 * (1 - 2.0), explanation.Values[0][1], 12);
        Assert.Equal(2 * (10 - 3.0), explanation.Values[1][0], 12);
        Assert.Equal(-0.5 * (-2 - 2.0), explanation.Values[1][1], 12);
        Assert.All(explanation.Values, v => Assert.Equal(0, v[2]));
        Assert.Equal(0.25 + (2 * 3.0) - (0.5 * 2.0), explanation.BaseValue, 12);
        Assert.Equal(ShapOutputSpace.LogOdds, explanation.OutputSpace);
    }

    [Fact]
    public void On_every_WDBC_row_the_logistic_regressions_base_value_plus_its_values_is_its_log_odds_and_gives_MLNETs_single_precision_probability()
    {
        var fitted = ModelCatalogue.LogisticRegressionL2.With("l2", 3).Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var linear = LogOddsLinearModel.Of(fitted.Classifier)!;
        var inputs = fitted.Transform(Wdbc.ToArray());

        var explanation = LinearShap.Explain(linear.Weights, linear.Intercept, fitted.Transform(Training), inputs, Wdbc.FeatureNames, ShapOutputSpace.LogOdds);

        var probabilities = fitted.PredictProbability(Wdbc.ToArray());
        for (var row = 0; row < inputs.Count; row++)
        {
            var logOdds = linear.Intercept + inputs[row].Select((x, i) => linear.Weights[i] * x).Sum();
            Assert.Equal(logOdds, explanation.Output(row), 1e-9);
            Assert.Equal(probabilities[row], 1 / (1 + Math.Exp(-logOdds)), 1e-6);
        }
    }

    [Fact]
    public void A_Platt_calibrated_linear_SVM_has_linear_log_odds_too()
    {
        var fitted = ModelCatalogue.LinearSvm.Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var linear = LogOddsLinearModel.Of(fitted.Classifier)!;
        var inputs = fitted.Transform(Wdbc.ToArray());

        var probabilities = fitted.PredictProbability(Wdbc.ToArray());

        for (var row = 0; row < inputs.Count; row++)
        {
            var logOdds = linear.Intercept + inputs[row].Select((x, i) => linear.Weights[i] * x).Sum();
            Assert.Equal(probabilities[row], 1 / (1 + Math.Exp(-logOdds)), 1e-5);
        }
    }

    [Fact]
    public void Models_whose_log_odds_are_not_linear_in_their_inputs_are_not_taken_for_linear_ones()
    {
        Assert.Null(LogOddsLinearModel.Of(ModelCatalogue.RbfSvm.Classifier().Fit(Training[..120], TrainingLabels[..120], seed: 1)));
        Assert.Null(LogOddsLinearModel.Of(ModelCatalogue.RandomForest.With("trees", 5).Classifier().Fit(Training[..120], TrainingLabels[..120], seed: 1)));
    }

    [Fact]
    public void Values_are_traced_through_a_selection_to_the_datas_features_and_a_dropped_feature_gets_zero()
    {
        var keep = ColumnSelection.ByName(Wdbc.FeatureNames, ["radius_worst", "texture_mean", "smoothness_worst"], "three");
        var fitted = ModelCatalogue.LogisticRegressionL2.Pipeline(keep).Fit(Training, TrainingLabels, seed: 1);
        var linear = LogOddsLinearModel.Of(fitted.Classifier)!;
        var sources = ClassifierInputs.Sources(fitted, Wdbc.FeatureCount)!;
        var rows = Wdbc.ToArray()[..20];
        var inputs = LinearShap.Explain(linear.Weights, linear.Intercept, fitted.Transform(Training), fitted.Transform(rows), ["r", "t", "s"], ShapOutputSpace.LogOdds);

        var features = ClassifierInputs.ToFeatures(inputs, sources, Wdbc.FeatureNames, rows);

        Assert.Equal([Wdbc.IndexOf("texture_mean"), Wdbc.IndexOf("radius_worst"), Wdbc.IndexOf("smoothness_worst")], sources);
        for (var row = 0; row < rows.Length; row++)
        {
            Assert.Equal(inputs.Values[row][1], features.Values[row][Wdbc.IndexOf("radius_worst")]);
            Assert.Equal(inputs.Output(row), features.Output(row), 1e-12);
            Assert.Equal(3, features.Values[row].Count(v => v != 0));
        }

        Assert.Same(rows, features.FeatureValues);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        double[][] background = [[1, 2]];
        var noRows = Assert.Throws<ArgumentException>(() => LinearShap.Explain([1, 2], 0, [], background, ["a", "b"], ShapOutputSpace.LogOdds));
        Assert.Contains("background has no rows", noRows.Message, StringComparison.Ordinal);
        var width = Assert.Throws<ArgumentException>(() => LinearShap.Explain([1, 2], 0, background, [[1, 2], [1, 2, 3]], ["a", "b"], ShapOutputSpace.LogOdds));
        Assert.Contains("row 1 has 3 values for 2 weights", width.Message, StringComparison.Ordinal);
        var names = Assert.Throws<ArgumentException>(() => LinearShap.Explain([1, 2], 0, background, background, ["a"], ShapOutputSpace.LogOdds));
        Assert.Contains("1 feature names for 2 weights", names.Message, StringComparison.Ordinal);
    }
}
