using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Analysis.Tests.Monitoring;

public sealed class KolmogorovSmirnovTests
{
    public static TheoryData<int> ScipyCases => [.. Enumerable.Range(0, Fixture.Cases("ks_2samp").Count)];

    [Theory]
    [MemberData(nameof(ScipyCases))]
    public void Statistic_and_p_equal_scipy_ks_2samp_auto(int index)
    {
        var reference = Fixture.Cases("ks_2samp")[index]!;

        var result = KolmogorovSmirnov.TwoSample(Fixture.Array(reference["a"]!), Fixture.Array(reference["b"]!));

        Assert.Equal(KolmogorovSmirnovMethod.Exact, result.Method);
        Assert.Equal((double)reference["d"]!, result.Statistic, 14);
        var p = (double)reference["p"]!;
        Assert.True(Math.Abs(result.P - p) <= 1e-12 * Math.Max(p, 1e-300) + 1e-15, $"{reference["name"]}: p = {result.P:R}, SciPy {p:R}");
    }

    [Fact]
    public void Samples_beyond_the_exact_limit_use_the_kolmogorov_limit_close_to_scipys_asymptotic_p()
    {
        foreach (var reference in Fixture.Cases("ks_2samp_large"))
        {
            var (n1, n2, shift) = ((int)reference!["n1"]!, (int)reference["n2"]!, (double)reference["shift"]!);
            var a = Enumerable.Range(0, n1).Select(i => i / (double)n1).ToArray();
            var b = Enumerable.Range(0, n2).Select(j => j / (double)n2 + shift).ToArray();

            var result = KolmogorovSmirnov.TwoSample(a, b);

            Assert.Equal(KolmogorovSmirnovMethod.Asymptotic, result.Method);
            Assert.Equal((double)reference["d"]!, result.Statistic, 14);
            Assert.Equal(1, result.P / (double)reference["kolmogorov_limit_p"]!, 10);
            // SciPy's "asymp" is the finite-n kstwo(round(n1 n2 / (n1 + n2))), O(1/√n) from the limit: within 3 % here.
            Assert.InRange(result.P / (double)reference["scipy_asymp_p"]!, 0.97, 1.03);
        }
    }

    [Fact]
    public void Kolmogorov_survival_equals_scipy_kstwobign_sf()
    {
        foreach (var reference in Fixture.Cases("kolmogorov_sf"))
        {
            var expected = (double)reference!["sf"]!;

            var actual = KolmogorovSmirnov.KolmogorovSurvival((double)reference["x"]!);

            Assert.True(Math.Abs(actual - expected) <= 1e-13 * expected, $"Q({reference["x"]}) = {actual:R}, SciPy {expected:R}");
        }
    }

    [Fact]
    public void The_exact_method_applies_up_to_ten_thousand_rows_in_each_sample()
    {
        Assert.Equal(KolmogorovSmirnovMethod.Exact, KolmogorovSmirnov.MethodFor(10_000, 3));
        Assert.Equal(KolmogorovSmirnovMethod.Asymptotic, KolmogorovSmirnov.MethodFor(3, 10_001));
    }

    [Fact]
    public void The_test_is_symmetric_in_its_samples()
    {
        double[] a = [0.1, 0.4, 0.4, 0.9, 1.3, 2.0, 2.2];
        double[] b = [0.3, 0.4, 1.1, 1.7, 2.5];

        Assert.Equal(KolmogorovSmirnov.TwoSample(a, b), KolmogorovSmirnov.TwoSample(b, a));
    }

    [Fact]
    public void Empty_or_missing_values_are_refused_naming_the_sample()
    {
        var empty = Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([], [1.0]));
        Assert.Equal("a", empty.ParamName);
        var nan = Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([1.0], [2.0, double.NaN]));
        Assert.Equal("b", nan.ParamName);
        Assert.Contains("value 1", nan.Message, StringComparison.Ordinal);
    }
}
