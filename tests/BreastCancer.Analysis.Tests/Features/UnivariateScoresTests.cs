using System.Text.Json.Nodes;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Features;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Tests.Features;

public sealed class UnivariateScoresTests
{
    private static readonly JsonNode Reference = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "features.json")))!;
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));

    private static double[] Values(string key) => [.. Reference[key]!.AsArray().Select(v => (double)v!)];

    [Fact]
    public void Anova_f_scores_and_p_values_equal_scikit_learns_f_classif_on_wdbc()
    {
        var (f, p) = UnivariateScores.AnovaF(Wdbc.ToArray(), Wdbc.IsMalignant);

        var (expectedF, expectedP) = (Values("anova_f"), Values("anova_p"));
        for (var j = 0; j < 30; j++)
        {
            Assert.Equal(1, f[j] / expectedF[j], 9);
            Assert.Equal(1, p[j] / expectedP[j], 5);
        }
    }

    [Fact]
    public void Anova_f_of_two_small_groups_equals_the_hand_computed_value()
    {
        double[][] rows = [[1], [2], [3], [5], [6], [7]];
        bool[] labels = [false, false, false, true, true, true];

        var (f, p) = UnivariateScores.AnovaF(rows, labels);

        // group means 2 and 6, grand mean 4: between = 3·4 + 3·4 = 24 (df 1); within = 2 + 2 = 4 (df 4) → F = 24 / (4 / 4) = 24;
        // with two groups F = t², so p is the two-sided Student t tail at √24 with 4 degrees of freedom
        Assert.Equal(24, f[0], 12);
        Assert.Equal(2 * MathNet.Numerics.Distributions.StudentT.CDF(0, 1, 4, -Math.Sqrt(24)), p[0], 12);
    }

    [Fact]
    public void Mutual_information_matches_scikit_learns_estimates_and_ranking_on_wdbc()
    {
        var mi = UnivariateScores.MutualInformation(Wdbc.ToArray(), Wdbc.IsMalignant, neighbours: 3, seed: 0);

        // scikit-learn's own estimate moves by about ±0.005 with its random_state (the jitter breaks WDBC's many tied
        // values at random), so the estimates are compared within three times that.
        var expected = Values("mutual_information");
        for (var j = 0; j < 30; j++)
        {
            Assert.InRange(mi[j], expected[j] - 0.015, expected[j] + 0.015);
        }

        Assert.True(Correlation.Spearman(mi, expected) > 0.99, $"Spearman {Correlation.Spearman(mi, expected)}");
        Assert.Equal(expected.Select((v, j) => (v, j)).OrderByDescending(p => p.v).Take(5).Select(p => p.j).Order(),
            mi.Select((v, j) => (v, j)).OrderByDescending(p => p.v).Take(5).Select(p => p.j).Order());
    }

    [Fact]
    public void Mutual_information_is_zero_for_a_feature_independent_of_the_label_and_large_for_one_that_decides_it()
    {
        var random = new Random(1);
        var labels = Enumerable.Range(0, 400).Select(i => i % 2 == 0).ToArray();
        var rows = labels.Select(l => new[] { random.NextDouble(), (l ? 10 : 0) + random.NextDouble() }).ToArray();

        var mi = UnivariateScores.MutualInformation(rows, labels, seed: 2);

        Assert.InRange(mi[0], 0, 0.05);
        Assert.InRange(mi[1], Math.Log(2) - 0.05, Math.Log(2) + 0.05);
    }
}
