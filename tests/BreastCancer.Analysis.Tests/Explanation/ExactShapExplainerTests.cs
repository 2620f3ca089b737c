using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;
using static BreastCancer.Analysis.Tests.Explanation.StudyRows;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class ExactShapExplainerTests
{
    [Theory]
    [InlineData("logistic regression, L2")]
    [InlineData("random forest")]
    public void One_explainer_asked_row_by_row_gives_each_row_the_values_of_all_rows_explained_at_once_and_they_add_up_to_its_probability(string name)
    {
        var model = ModelCatalogue.All.Single(m => m.Family == name);
        var fitted = (name.Contains("forest", StringComparison.Ordinal) ? model.With("trees", 20) : model.With("l2", 3)).Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var explainer = ExactShapExplainer.For(fitted, Training, Wdbc.FeatureNames)!;
        var rows = All[..40];

        var together = ShapExplainer.Explain(fitted, Training, rows, Wdbc.FeatureNames);
        var apart = rows.Select(r => explainer.Explain([r])).ToList();

        Assert.All(apart, e => Assert.Equal(together.BaseValue, e.BaseValue));
        Assert.Equal(together.Values, apart.Select(e => e.Values[0]));
        Assert.Equal(together.Method, apart[0].Method);
        Assert.All(apart, e => Assert.True(ShapExplainer.ProbabilityGap(e, fitted) < 1e-5, $"gap {ShapExplainer.ProbabilityGap(e, fitted)}"));
    }

    [Fact]
    public void A_model_without_an_exact_explanation_has_no_explainer_and_rows_of_the_wrong_width_are_refused()
    {
        var svm = ModelCatalogue.RbfSvm.Pipeline().Fit(Training, TrainingLabels, seed: 1);
        var linear = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(Training, TrainingLabels, seed: 1);

        Assert.Null(ExactShapExplainer.For(svm, Training, Wdbc.FeatureNames));
        Assert.Throws<ArgumentException>(() => ExactShapExplainer.For(linear, [], Wdbc.FeatureNames));
        var explainer = ExactShapExplainer.For(linear, Training, Wdbc.FeatureNames)!;
        var error = Assert.Throws<ArgumentException>(() => explainer.Explain([All[0][..29]]));
        Assert.Contains("29 values for 30 feature names", error.Message, StringComparison.Ordinal);
    }
}
