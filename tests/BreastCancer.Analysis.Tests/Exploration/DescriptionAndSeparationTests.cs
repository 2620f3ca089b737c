using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Exploration;
using BreastCancer.Analysis.Tests.Data;

namespace BreastCancer.Analysis.Tests.Exploration;

public sealed class DescriptionAndSeparationTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Summaries_equal_the_formulas_on_a_hand_made_sample()
    {
        var summary = FeatureSummary.Of("x", "all", [1, 2, 3, 4, 10]);

        Assert.Equal((5, 4.0, 1.0, 2.0, 3.0, 4.0, 10.0), (summary.Count, summary.Mean, summary.Minimum, summary.LowerQuartile, summary.Median, summary.UpperQuartile, summary.Maximum));
        Assert.Equal(Math.Sqrt(12.5), summary.StandardDeviation, 12);
        // adjusted sample skewness G1 = √(n(n−1))/(n−2) · m3/m2^1.5 with m2 = 50/5 = 10, m3 = 180/5 = 36
        Assert.Equal(Math.Sqrt(20) / 3 * 36 / Math.Pow(10, 1.5), summary.Skewness, 10);
    }

    [Fact]
    public void Quartiles_interpolate_linearly_as_pandas_does()
    {
        var summary = FeatureSummary.Of("x", "all", [7, 1, 3, 5]);

        Assert.Equal((2.5, 4.0, 5.5), (summary.LowerQuartile, summary.Median, summary.UpperQuartile));
    }

    [Fact]
    public void Each_feature_is_described_for_benign_malignant_and_all_rows()
    {
        var data = TestData.Wbco(_files, ("1", TestData.Scores(2), true), ("2", TestData.Scores(4), true), ("3", TestData.Scores(9, 5, null), false));

        var description = ClassDescription.Of(data);

        Assert.Equal(27, description.Rows.Count);
        var bare = description.Rows.Where(r => r.Feature == "bare_nuclei").ToList();
        Assert.Equal([("B", 0), ("M", 2), ("all", 2)], bare.Select(r => (r.Group, r.Count)));
        Assert.Equal(3.0, bare[1].Mean);
        Assert.Equal(27, description.ToDataFrame().Rows.Count);
    }

    [Fact]
    public void Cohens_d_and_its_interval_follow_the_pooled_sd_formula()
    {
        var data = TestData.Wbco(_files,
            ("1", TestData.Scores(4), true), ("2", TestData.Scores(6), true), ("3", TestData.Scores(8), true),
            ("4", TestData.Scores(1), false), ("5", TestData.Scores(2), false), ("6", TestData.Scores(3), false));

        var separation = ClassSeparation.Of(data).Features[0];

        // means 6 and 2, variances 4 and 1, pooled SD √((2·4 + 2·1)/4) = √2.5
        var d = 4 / Math.Sqrt(2.5);
        var se = Math.Sqrt(6.0 / 9 + d * d / 12);
        Assert.Equal(d, separation.CohensD, 12);
        Assert.Equal(d - 1.959963984540054 * se, separation.CohensDLow, 9);
        Assert.Equal(d + 1.959963984540054 * se, separation.CohensDHigh, 9);
        Assert.Equal(9, separation.MannWhitneyU);
    }

    [Fact]
    public void On_wdbc_the_features_are_ranked_by_effect_size_with_adjusted_p_values_no_smaller_than_raw()
    {
        var separation = ClassSeparation.Of(DataLoader.Load(Repository.Data("wdbc.csv")));

        Assert.Equal(30, separation.Features.Count);
        Assert.True(separation.Features.Zip(separation.Features.Skip(1)).All(p => Math.Abs(p.First.CohensD) >= Math.Abs(p.Second.CohensD)));
        Assert.All(separation.Features, f => Assert.True(f.WelchPAdjusted >= f.WelchP && f.MannWhitneyPAdjusted >= f.MannWhitneyP));
        Assert.All(separation.Features, f => Assert.InRange(f.CohensD, f.CohensDLow, f.CohensDHigh));
    }
}
