using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class ImportanceAgreementTests
{
    private static readonly string[] Features = ["a", "b", "c", "d"];

    [Fact]
    public void Rankings_compare_by_Spearmans_correlation_and_their_shared_top_features()
    {
        var agreement = ImportanceAgreement.Of(Features, top: 2, [("same order", [4.0, 3, 2, 1]), ("scaled", [0.4, 0.3, 0.2, 0.1]), ("reversed", [1.0, 2, 3, 4]), ("swap", [3.0, 4, 1, 2])]);

        Assert.Equal(1, agreement.Spearman(0, 1), 12);
        Assert.Equal(-1, agreement.Spearman(0, 2), 12);
        Assert.Equal(1 - (6.0 * (1 + 1 + 1 + 1) / (4 * 15)), agreement.Spearman(0, 3), 12);
        Assert.Equal(["a", "b"], agreement.TopFeatures(0));
        Assert.Equal(["d", "c"], agreement.TopFeatures(2));
        Assert.Equal(2, agreement.SharedTop(0, 3));
        Assert.Equal(0, agreement.SharedTop(0, 2));
    }

    [Fact]
    public void A_permutation_result_gives_each_features_mean_loss_in_the_features_order_and_refuses_clusters()
    {
        var groups = new[] { new GroupImportance(new FeatureGroup("b", [1]), [0.2, 0.4], 0.3, 0.1, 0.5, 0.0, 0.6), new GroupImportance(new FeatureGroup("a", [0]), [0.1, 0.1], 0.1, 0.1, 0.1, 0.1, 0.1) };
        var result = new PermutationImportanceResult("m", Metric.RocAuc, 0.99, 10, 2, 100, 1, groups);
        var clusters = result with { Groups = [new GroupImportance(new FeatureGroup("a + b", [0, 1]), [0.5, 0.5], 0.5, 0.5, 0.5, 0.5, 0.5)] };

        Assert.Equal([0.1, 0.3], result.MeanLossByFeature(["a", "b"]));
        var error = Assert.Throws<ArgumentException>(() => clusters.MeanLossByFeature(["a"]));
        Assert.Contains("no single-feature group for 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_shows_every_pairs_correlation_and_each_rankings_top_features()
    {
        var agreement = ImportanceAgreement.Of(Features, top: 2, [("<shap>", [4.0, 3, 2, 1]), ("permutation", [1.0, 2, 3, 4])]);

        var html = ExplanationHtml.Render(agreement);

        Assert.Contains("<td>&lt;shap&gt;</td><td>—</td><td>ρ = -1.00, 0 of 2 shared</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>permutation</td><td>d, c</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var one = Assert.Throws<ArgumentException>(() => ImportanceAgreement.Of(Features, 2, [("x", [1.0, 2, 3, 4])]));
        Assert.Contains("at least two", one.Message, StringComparison.Ordinal);
        var width = Assert.Throws<ArgumentException>(() => ImportanceAgreement.Of(Features, 2, [("x", [1.0, 2, 3, 4]), ("y", [1.0, 2])]));
        Assert.Contains("'y' has 2 importances for 4 features", width.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportanceAgreement.Of(Features, 5, [("x", [1.0, 2, 3, 4]), ("y", [1.0, 2, 3, 4])]));
    }
}
