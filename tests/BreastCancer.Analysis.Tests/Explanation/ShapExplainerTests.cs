using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using BreastCancer.Analysis.Tests.Data;
using static BreastCancer.Analysis.Tests.Explanation.StudyRows;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class ShapExplainerTests
{
    [Fact]
    public void Logistic_regression_is_explained_exactly_in_log_odds_and_adds_up_to_every_predicted_probability()
    {
        var fitted = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(Training, TrainingLabels, seed: 1);

        var explanation = ShapExplainer.Explain(fitted, Training, All, Wdbc.FeatureNames);

        Assert.Equal(ShapOutputSpace.LogOdds, explanation.OutputSpace);
        Assert.Contains("linear SHAP", explanation.Method, StringComparison.Ordinal);
        Assert.True(ShapExplainer.ProbabilityGap(explanation, fitted) < 1e-6, $"gap {ShapExplainer.ProbabilityGap(explanation, fitted)}");
        Assert.Equal(All.Length, explanation.Values.Count);
        Assert.Same(All, explanation.FeatureValues);
    }

    [Fact]
    public void A_saved_and_reloaded_model_is_explained_exactly_as_before_saving()
    {
        var fitted = ModelCatalogue.LogisticRegressionL2.With("l2", 3).Pipeline().Fit(Training, TrainingLabels, seed: 1);
        using var files = new TempFiles();
        var path = files.PathOf("model.zip");
        ModelFile.Save(fitted, "LR", Wdbc.FeatureNames, path);
        var loaded = ModelFile.Load(path).Fitted;

        var before = ShapExplainer.Exact(fitted, Training, All, Wdbc.FeatureNames)!;
        var after = ShapExplainer.Exact(loaded, Training, All, Wdbc.FeatureNames);

        Assert.NotNull(after);
        Assert.Equal(before.BaseValue, after.BaseValue, 12);
        Assert.Equal(before.Values, after.Values);
    }

    [Theory]
    [InlineData("random forest", ShapOutputSpace.Probability)]
    [InlineData("gradient boosting, LightGBM", ShapOutputSpace.LogOdds)]
    [InlineData("gradient boosting, FastTree", ShapOutputSpace.LogOdds)]
    public void Tree_ensembles_are_explained_exactly_by_TreeSHAP_in_the_space_their_trees_add_up_in(string family, ShapOutputSpace space)
    {
        var model = ModelCatalogue.All.Single(m => m.Family == family).With("trees", 20);
        var fitted = model.Pipeline().Fit(Training, TrainingLabels, seed: 1);

        var explanation = ShapExplainer.Explain(fitted, Training, All, Wdbc.FeatureNames);

        Assert.Equal(space, explanation.OutputSpace);
        Assert.Equal(TreeShap.Method, explanation.Method);
        Assert.True(ShapExplainer.ProbabilityGap(explanation, fitted) < 1e-5, $"gap {ShapExplainer.ProbabilityGap(explanation, fitted)}");
    }

    [Fact]
    public void The_RBF_SVM_has_no_exact_explanation_and_gets_Kernel_SHAP_of_its_probability()
    {
        var fitted = ModelCatalogue.RbfSvm.Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var rows = All[..3];

        Assert.Null(ShapExplainer.Exact(fitted, Training, rows, Wdbc.FeatureNames));
        var explanation = ShapExplainer.Explain(fitted, Training, rows, Wdbc.FeatureNames, new KernelShapOptions { Seed = 2, MaxCoalitions = 300 }, backgroundSize: 10);

        Assert.Equal(ShapOutputSpace.Probability, explanation.OutputSpace);
        Assert.Contains("Kernel SHAP", explanation.Method, StringComparison.Ordinal);
        Assert.True(ShapExplainer.ProbabilityGap(explanation, fitted) < 1e-9, $"gap {ShapExplainer.ProbabilityGap(explanation, fitted)}");
    }

    [Fact]
    public void A_pipeline_whose_steps_combine_features_has_no_exact_explanation()
    {
        var pipeline = new ClassificationPipeline([new KnnImputer(), new Standardizer()], ModelCatalogue.LogisticRegressionL2.Classifier());
        var fitted = pipeline.Fit(Training, TrainingLabels, seed: 1);

        Assert.Null(ShapExplainer.Exact(fitted, Training, All[..2], Wdbc.FeatureNames));
    }

    [Fact]
    public void Kernel_SHAP_of_the_logistic_regressions_log_odds_reproduces_linear_SHAP_over_the_same_background()
    {
        var fitted = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var linear = LogOddsLinearModel.Of(fitted.Classifier)!;
        var background = ShapBackground.Sample(Training, 30, seed: 4);
        var rows = All[..3];
        double[] LogOdds(IReadOnlyList<double[]> batch) => [.. fitted.Transform(batch).Select(x => linear.Intercept + x.Select((v, i) => linear.Weights[i] * v).Sum())];

        var kernel = KernelShap.Explain(LogOdds, background, rows, Wdbc.FeatureNames, new KernelShapOptions { OutputSpace = ShapOutputSpace.Margin, Seed = 1, MaxCoalitions = 400 });
        var exact = ShapExplainer.Exact(fitted, background.Rows, rows, Wdbc.FeatureNames)!;

        Assert.Equal(exact.BaseValue, kernel.BaseValue, 9);
        for (var row = 0; row < rows.Length; row++)
        {
            Assert.All(exact.Values[row].Zip(kernel.Values[row]), p => Assert.Equal(p.First, p.Second, 1e-6));
        }
    }

    [Fact]
    public void Rows_or_names_of_the_wrong_width_and_no_training_rows_are_refused_with_the_reason()
    {
        var fitted = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(Training, TrainingLabels, seed: 1);

        var width = Assert.Throws<ArgumentException>(() => ShapExplainer.Explain(fitted, Training, [All[0], All[1][..29]], Wdbc.FeatureNames));
        Assert.Contains("rows row 1 has 29 values for 30 feature names", width.Message, StringComparison.Ordinal);
        var none = Assert.Throws<ArgumentException>(() => ShapExplainer.Explain(fitted, [], All, Wdbc.FeatureNames));
        Assert.Contains("no training rows", none.Message, StringComparison.Ordinal);
    }
}
