using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Exploration;

namespace BreastCancer.Analysis.Tests.Exploration;

public sealed class StatisticalTestsTests
{
    [Fact]
    public void Welch_t_and_p_equal_scipy_on_a_small_sample()
    {
        var welch = Fixture.Values["welch"]!;

        var result = StatisticalTests.WelchT(Fixture.Array(welch["a"]!), Fixture.Array(welch["b"]!));

        Assert.Equal((double)welch["t"]!, result.Statistic, 12);
        Assert.Equal((double)welch["p"]!, result.P, 10);
    }

    [Fact]
    public void Mann_whitney_u_and_p_equal_scipy_on_a_small_sample_with_a_tie()
    {
        var mw = Fixture.Values["mann_whitney"]!;

        var result = StatisticalTests.MannWhitneyU(Fixture.Array(mw["a"]!), Fixture.Array(mw["b"]!));

        Assert.Equal((double)mw["u"]!, result.Statistic, 12);
        Assert.Equal((double)mw["p"]!, result.P, 12);
    }

    [Fact]
    public void Both_tests_equal_scipy_on_wdbc_radius_mean()
    {
        var data = DataLoader.Load(Repository.Data("wdbc.csv"));
        var m = Enumerable.Range(0, data.RowCount).Where(r => data.IsMalignant[r]).Select(r => data[r, 0]).ToArray();
        var b = Enumerable.Range(0, data.RowCount).Where(r => !data.IsMalignant[r]).Select(r => data[r, 0]).ToArray();
        var reference = Fixture.Values["wdbc_radius_mean"]!;

        var welch = StatisticalTests.WelchT(m, b);
        var mwu = StatisticalTests.MannWhitneyU(m, b);

        Assert.Equal((double)reference["welch_t"]!, welch.Statistic, 10);
        Assert.Equal(1, welch.P / (double)reference["welch_p"]!, 4);
        Assert.Equal((double)reference["mw_u"]!, mwu.Statistic, 8);
        Assert.Equal(1, mwu.P / (double)reference["mw_p"]!, 6);
    }

    [Fact]
    public void Benjamini_hochberg_equals_the_step_up_by_hand()
    {
        double[] p = [0.01, 0.04, 0.03, 0.005, 0.5];

        var adjusted = StatisticalTests.BenjaminiHochberg(p);

        // sorted: 0.005 (×5/1 = 0.025), 0.01 (×5/2 = 0.025), 0.03 (×5/3 = 0.05), 0.04 (×5/4 = 0.05), 0.5 (×5/5 = 0.5)
        Assert.Equal([0.025, 0.05, 0.05, 0.025, 0.5], adjusted.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Benjamini_hochberg_is_monotone_and_capped_at_one()
    {
        double[] p = [0.9, 0.8, 0.95, 0.99];

        var adjusted = StatisticalTests.BenjaminiHochberg(p);

        Assert.All(adjusted, v => Assert.Equal(0.99, v, 12));
    }
}
