using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Monitoring;
using Microsoft.DotNet.Interactive.Formatting;

namespace BreastCancer.Analysis.Tests.Display;

[Collection(ChartState.Name)]
public sealed class MonitoringHtmlTests
{
    private static readonly DriftThresholds Thresholds = new();

    private static FeatureDrift Feature(string name, double psi, double adjusted) =>
        new(name, psi, StabilityBands.Of(psi), 0.2, adjusted / 2, adjusted, psi > Thresholds.PsiAlert || adjusted < Thresholds.KsAlpha);

    private static readonly PredictionRateDrift Rate = new(47, 0.47, 183, 0.402, 1.25, 0.21, false);

    [Fact]
    public void A_drift_view_lists_the_drifted_features_by_psi_and_the_rate_test()
    {
        var report = new DriftReport(100, 455, [Feature("texture <mean>", 0.05, 0.9), Feature("area_worst", 0.556, 0.00025), Feature("radius_mean", 0.3, 0.5)], Rate, Thresholds);

        var html = MonitoringHtml.Render(report);

        Assert.Contains("2 of 3 features drifted", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<td>area_worst</td>", StringComparison.Ordinal) < html.IndexOf("<td>radius_mean</td>", StringComparison.Ordinal));
        Assert.DoesNotContain("texture &lt;mean&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<td>area_worst</td><td>0.556</td><td>Significant</td><td>0.200</td><td>0.00013</td><td>0.00025</td><td>yes</td>", html, StringComparison.Ordinal);
        Assert.Contains("47.0 % of the window (47) against 40.2 % of the training rows (z = 1.25, p = 0.21; the rate is stable)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_window_shows_its_five_largest_psi_and_says_none_drifted()
    {
        var features = Enumerable.Range(0, 8).Select(i => Feature($"f{i}", 0.01 * i, 0.9)).ToArray();

        var html = MonitoringHtml.Render(new DriftReport(100, 455, features, Rate, Thresholds));

        Assert.Contains("no drift", html, StringComparison.Ordinal);
        Assert.Contains("no feature drifted; the five largest PSI of 8", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("<td>f", StringSplitOptions.None).Length - 1);
        Assert.Contains("<td>f7</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>f2</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Performance_predictions_and_formatters_render_their_records()
    {
        var performance = LivePerformance.Compute([0.9, 0.8, 0.1, 0.6], [true, true, false, true], [true, false, false, true]);
        ServedPrediction[] served = [new(Guid.Empty, 0.25, true, "v1 <test>"), new(Guid.Empty, 0.01, false, "v1 <test>")];

        var html = MonitoringHtml.Render(performance);
        var predictions = MonitoringHtml.Render(served);

        Assert.Contains("TP 2, FP 1, TN 1, FN 0", html, StringComparison.Ordinal);
        Assert.Contains("<td>sensitivity</td><td>1.000</td><td>2 of 2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>specificity</td><td>0.500</td><td>1 of 2</td>", html, StringComparison.Ordinal);
        // ROC AUC by pairs: malignant 0.9 and 0.6 against benign 0.8 and 0.1, three of four pairs ordered.
        Assert.Contains("<td>ROC AUC</td><td>0.7500</td>", html, StringComparison.Ordinal);
        Assert.Contains("2 predictions, 1 recommending biopsy", predictions, StringComparison.Ordinal);
        Assert.Contains("<td>25.0 %</td><td>biopsy recommended</td><td>v1 &lt;test&gt;</td>", predictions, StringComparison.Ordinal);
        Formatter.ResetToDefault();
        NotebookFormatters.Register();
        Assert.Equal(predictions, served.ToList().ToDisplayString(HtmlFormatter.MimeType));
        Assert.Equal(html, performance.ToDisplayString(HtmlFormatter.MimeType));
        Formatter.ResetToDefault();
    }
}
