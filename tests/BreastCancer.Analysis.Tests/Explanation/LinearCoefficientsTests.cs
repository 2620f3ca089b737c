using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using static BreastCancer.Analysis.Tests.Explanation.StudyRows;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class LinearCoefficientsTests
{
    private static readonly BreastCancerData TrainingData = Wdbc.Subset(Split.Train);

    [Fact]
    public void Written_out_in_the_datas_units_the_final_models_formula_gives_MLNETs_probability_for_every_WDBC_row()
    {
        var fitted = ModelCatalogue.LogisticRegressionL2.With("l2", 3).Pipeline().Fit(Training, TrainingLabels, seed: 1);

        var coefficients = LinearCoefficients.Of(fitted, TrainingData)!;

        var probabilities = fitted.PredictProbability(All);
        for (var row = 0; row < All.Length; row++)
        {
            Assert.Equal(probabilities[row], 1 / (1 + Math.Exp(-coefficients.LogOdds(All[row]))), 1e-6);
        }

        Assert.Equal(30, coefficients.Features.Count);
        Assert.Equal(455, coefficients.TrainingRows);
    }

    [Fact]
    public void The_standardised_coefficient_is_the_models_weight_on_the_standardised_input_and_the_per_unit_one_that_over_the_training_SD()
    {
        var fitted = ModelCatalogue.LogisticRegressionL2.With("l2", 3).Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var weights = LogOddsLinearModel.Of(fitted.Classifier)!.Weights;
        var scaler = Assert.Single(fitted.Steps.OfType<Standardizer.FittedStandardizer>());

        var coefficients = LinearCoefficients.Of(fitted, TrainingData)!;

        for (var j = 0; j < 30; j++)
        {
            var column = Training.Select(r => r[j]).ToArray();
            var mean = column.Sum() / column.Length;
            var sd = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / (column.Length - 1));
            var feature = coefficients.Features[j];
            Assert.Equal(Wdbc.FeatureNames[j], feature.Feature);
            Assert.Equal(mean, feature.TrainingMean, 1e-9);
            Assert.Equal(sd, feature.TrainingSd, 1e-9);
            Assert.Equal(weights[j], feature.PerSd, 1e-9);
            Assert.Equal(weights[j] / scaler.Scales[j], feature.PerUnit, 1e-9);
            Assert.Equal(Math.Exp(weights[j]), feature.OddsRatioPerSd, 1e-9);
        }

        var atMeans = coefficients.LogOdds([.. coefficients.Features.Select(f => f.TrainingMean)]);
        Assert.Equal(atMeans, coefficients.InterceptAtMeans, 1e-9);
        Assert.Equal(LogOddsLinearModel.Of(fitted.Classifier)!.Intercept, coefficients.InterceptAtMeans, 1e-9);
    }

    [Fact]
    public void A_feature_a_selection_dropped_gets_zero_and_the_formula_still_gives_the_probability()
    {
        string[] kept = ["radius_worst", "texture_worst", "concave_points_worst"];
        var pipeline = new ClassificationPipeline([ColumnSelection.ByName(Wdbc.FeatureNames, kept, "three"), new Standardizer()], MlNetClassifier.LogisticRegression(l1: 0, l2: 1));
        var fitted = pipeline.Fit(Training, TrainingLabels, seed: 1);

        var coefficients = LinearCoefficients.Of(fitted, TrainingData)!;

        Assert.Equal(kept.Order(StringComparer.Ordinal), coefficients.Features.Where(f => f.PerUnit != 0).Select(f => f.Feature).Order(StringComparer.Ordinal));
        var probabilities = fitted.PredictProbability(HeldOut);
        for (var row = 0; row < HeldOut.Length; row++)
        {
            Assert.Equal(probabilities[row], 1 / (1 + Math.Exp(-coefficients.LogOdds(HeldOut[row]))), 1e-6);
        }
    }

    [Fact]
    public void A_forest_has_no_linear_coefficients()
    {
        var fitted = ModelCatalogue.RandomForest.Pipeline().Fit(Training, TrainingLabels, seed: 1);

        Assert.Null(LinearCoefficients.Of(fitted, TrainingData));
    }
}
