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

    [Fact]
    public void The_exact_p_computed_on_the_band_alone_equals_the_whole_lattice_for_every_threshold()
    {
        foreach (var (m, n) in new[] { (1, 1), (3, 5), (7, 7), (4, 10), (12, 9), (13, 1), (37, 45), (50, 20) })
        {
            var lcm = (long)m / Gcd(m, n) * n;
            for (var h = 0L; h <= lcm + 1; h++)
            {
                Assert.Equal(WholeLattice(h, m, n), KolmogorovSmirnov.ExactP(h, m, n));
            }
        }
    }

    /// <summary>Hodges' recursion over every cell of the (m + 1) × (n + 1) lattice: what the band-limited <c>ExactP</c> must equal.</summary>
    private static double WholeLattice(long h, int m, int n)
    {
        if (h <= 0)
        {
            return 1;
        }

        var g = Gcd(m, n);
        var (mg, ng) = ((long)m / g, (long)n / g);
        var v = new double[n + 1];
        for (var x = 0; x <= m; x++)
        {
            for (var y = 0; y <= n; y++)
            {
                if (Math.Abs(ng * x - mg * y) >= h)
                {
                    v[y] = 1;
                }
                else if (x + y > 0)
                {
                    v[y] = (x * v[y] + (y > 0 ? y * v[y - 1] : 0)) / (x + y);
                }
            }
        }

        return Math.Clamp(v[n], 0, 1);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
