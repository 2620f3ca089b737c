using System.Text.Json.Nodes;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Features;

namespace BreastCancer.Analysis.Tests.Features;

public sealed class TransformSkewnessTests
{
    /// <summary>SciPy 1.10.1's skew(bias=False) as measured, after log1p and after scikit-learn's Yeo–Johnson, by Fixtures/make_power_transform_fixtures.py.</summary>
    private static readonly JsonObject Reference = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "power_transform.json")))!["skewness"]!.AsObject();
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));

    [Fact]
    public void The_features_above_the_threshold_are_listed_most_skewed_first_with_scipys_skewness_before_and_after_each_transform()
    {
        var skewness = TransformSkewness.Measure(Wdbc.ToArray(), Wdbc.FeatureNames, 1.5);

        var expected = Reference.Select(p => (Name: p.Key, Values: p.Value!.AsArray().Select(v => (double)v!).ToArray()))
            .Where(p => p.Values[0] > 1.5).OrderByDescending(p => p.Values[0]).ToList();
        Assert.Equal(expected.Select(p => p.Name), skewness.Features.Select(s => s.Feature));
        Assert.All(expected.Zip(skewness.Features), p =>
        {
            Assert.Equal(p.First.Values[0], p.Second.Raw, 10);
            Assert.Equal(p.First.Values[1], p.Second.AfterLog, 10);
            Assert.Equal(p.First.Values[2], p.Second.AfterYeoJohnson, 4);
        });
    }

    [Fact]
    public void The_table_shows_each_features_range_and_its_skewness_before_and_after()
    {
        var html = FeaturesHtml.Render(TransformSkewness.Measure(Wdbc.ToArray(), Wdbc.FeatureNames, 5));

        Assert.Contains("<td>area_se</td><td>6.802 – 542.2</td><td>5.45</td><td>0.85</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>concavity_se</td><td>0 – 0.396</td><td>5.11</td><td>4.23</td><td>-21.89</td><td>0.15</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("radius_se", html, StringComparison.Ordinal);
    }
}
