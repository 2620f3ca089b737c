using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using Microsoft.DotNet.Interactive.Formatting;

namespace BreastCancer.Analysis.Tests.Display;

[Collection(ChartState.Name)]
public sealed class ExplanationHtmlTests
{
    // Mean |SHAP|: "size <mm>" 1.0, "a & b" 0.5; size's SHAP rises with its value, "a & b"'s falls.
    private static readonly ShapExplanation Shap = new(
        ["a & b", "size <mm>"], -0.5,
        [[-0.5, 1.0], [0.5, -2.0], [0.0, 1.0], [-1.0, 0.0]],
        [[2.0, 10], [1.0, 0], [1.5, 20], [3.0, 5]],
        ShapOutputSpace.LogOdds, "linear SHAP <exact>");

    private static readonly PermutationImportanceResult Permutation = new("LR <L2>", Metric.RocAuc, 0.9875, 114, 10, 1000, 42,
    [
        new GroupImportance(new FeatureGroup("a & b", [0, 1]), [0.03, 0.05], 0.04, 0.01, 0.07, -0.01, 0.09),
        new GroupImportance(new FeatureGroup("c", [2]), [-0.01, 0.0], -0.005, -0.02, 0.01, -0.03, 0.02),
    ]);

    private static readonly LinearCoefficients Coefficients = new(
    [
        new FeatureCoefficient("size <mm>", 0.5, 1.0, 10, 2),
        new FeatureCoefficient("a & b", -4, -2.0, 1, 0.5),
    ], -3.25, 0, 455);

    [Fact]
    public void The_shap_view_gives_the_method_space_base_value_and_the_top_features_with_their_direction()
    {
        var html = ExplanationHtml.Render(Shap);

        Assert.Contains("<td>linear SHAP &lt;exact&gt;</td><td>log-odds of malignancy</td><td>-0.5000 (probability 0.378)</td><td>4</td><td>2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>size &lt;mm&gt;</td><td>1.0000</td><td>0.0000</td><td>malignancy</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2</td><td>a &amp; b</td><td>0.5000</td><td>−0.2500</td><td>benign</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("top 2 of 2 features", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<mm>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_permutation_view_gives_the_settings_and_each_groups_mean_loss_with_its_intervals_over_repeats_and_over_rows()
    {
        var html = ExplanationHtml.Render(Permutation);

        Assert.Contains("<td>LR &lt;L2&gt;</td><td>ROC AUC</td><td>0.9875</td><td>114</td><td>10</td><td>1000</td><td>42</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>a &amp; b</td><td>2</td><td>+0.0400</td><td>+0.0100 to +0.0700</td><td>−0.0100 to +0.0900</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2</td><td>c</td><td>1</td><td>−0.0050</td><td>−0.0200 to +0.0100</td><td>−0.0300 to +0.0200</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("mean loss of ROC AUC", html, StringComparison.Ordinal);
        Assert.Contains("<th>95 % CI over repeats</th><th>95 % CI over rows</th>", html, StringComparison.Ordinal);
        Assert.Contains("bootstrap of the 114 rows (1000 resamples", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_coefficients_view_gives_both_intercepts_and_the_features_by_their_standardised_size()
    {
        var html = ExplanationHtml.Render(Coefficients);

        Assert.Contains("<td>−3.2500</td><td>0.0000</td><td>0.500</td><td>455</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>a &amp; b</td><td>−2.0000</td><td>0.14</td><td>-4</td><td>1</td><td>0.5</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2</td><td>size &lt;mm&gt;</td><td>+1.0000</td><td>2.72</td><td>0.5</td><td>10</td><td>2</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notebook_formatters_show_explanations_as_their_html()
    {
        Formatter.ResetToDefault();

        NotebookFormatters.Register();

        Assert.Equal(ExplanationHtml.Render(Shap), Shap.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(ExplanationHtml.Render(Permutation), Permutation.ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(ExplanationHtml.Render(Coefficients), Coefficients.ToDisplayString(HtmlFormatter.MimeType));
        Formatter.ResetToDefault();
    }
}
