using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class PairedProportionIntervalTests
{
    private const double Z = 1.959963984540054;

    [Theory]
    [InlineData(43)]
    [InlineData(10)]
    [InlineData(200)]
    public void With_no_discordant_pair_the_interval_is_plus_or_minus_z_squared_over_n_plus_z_squared(int pairs)
    {
        // b = c = 0: q̂ = 0 for Δ > 0, so T(Δ) = −√(nΔ / (1 − Δ)), which is −z at Δ = z² / (n + z²); by symmetry the same below.
        var expected = Z * Z / (pairs + (Z * Z));

        var (low, high) = PairedProportionInterval.Tango(0, 0, pairs);

        Assert.Equal(-expected, low, 9);
        Assert.Equal(expected, high, 9);
    }

    [Fact]
    public void Swapping_the_two_rules_mirrors_the_interval_and_a_large_sample_agrees_with_the_wald_interval()
    {
        var (low, high) = PairedProportionInterval.Tango(5, 1, 50);
        var (mirroredLow, mirroredHigh) = PairedProportionInterval.Tango(1, 5, 50);
        Assert.Equal(-high, mirroredLow, 9);
        Assert.Equal(-low, mirroredHigh, 9);
        Assert.InRange(0.08, low, high);

        var (b, c, n) = (3000.0, 2000.0, 50000.0);
        var estimate = (b - c) / n;
        var se = Math.Sqrt(((b + c) / (n * n)) - ((b - c) * (b - c) / (n * n * n)));
        var (wideLow, wideHigh) = PairedProportionInterval.Tango(b, c, n);
        Assert.Equal(estimate - (Z * se), wideLow, 4);
        Assert.Equal(estimate + (Z * se), wideHigh, 4);
    }

    [Fact]
    public void Its_coverage_of_a_known_difference_is_close_to_95_percent_in_small_samples()
    {
        var random = new Random(7);
        var (onlyFirst, onlySecond, pairs, simulations) = (0.05, 0.12, 60, 4000);
        var truth = onlyFirst - onlySecond;
        var covered = 0;
        for (var s = 0; s < simulations; s++)
        {
            var (b, c) = (0, 0);
            for (var i = 0; i < pairs; i++)
            {
                var u = random.NextDouble();
                (b, c) = u < onlyFirst ? (b + 1, c) : u < onlyFirst + onlySecond ? (b, c + 1) : (b, c);
            }

            var (low, high) = PairedProportionInterval.Tango(b, c, pairs);
            covered += low <= truth && truth <= high ? 1 : 0;
        }

        Assert.InRange(covered / (double)simulations, 0.93, 0.97);
    }

    [Fact]
    public void Impossible_counts_and_levels_are_refused_naming_them()
    {
        Assert.Contains("b = 30 and c = 20 discordant pairs among n = 40", Assert.Throws<ArgumentOutOfRangeException>(() => PairedProportionInterval.Tango(30, 20, 40)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedProportionInterval.Tango(-1, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedProportionInterval.Tango(0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedProportionInterval.Tango(1, 1, 10, level: 1));
    }
}
