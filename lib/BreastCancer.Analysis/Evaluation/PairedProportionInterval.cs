using MathNet.Numerics.Distributions;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// The score confidence interval for the difference of two paired proportions (Tango 1998, Statistics in Medicine 17,
/// 891–908; Newcombe 1998's method 10 is its closest rival): with <c>b</c> pairs positive under the first rule only and
/// <c>c</c> under the second only, out of <c>n</c>, the difference Δ = (b − c)/n, and the interval is every Δ the score
/// test T(Δ) = (b − c − nΔ) / √(n(2q̂ + Δ(1 − Δ))) does not reject, q̂ being the maximum-likelihood estimate of the
/// second discordant cell's probability under Δ. Unlike a bootstrap or the Wald interval, it does not collapse to a point
/// when no pair is discordant: with none discordant in 43 pairs it is about ±0.082. Counts need not be whole, so that
/// clustered pairs can be entered divided by their design effect.
/// </summary>
public static class PairedProportionInterval
{
    /// <summary>
    /// The two-sided interval at <paramref name="level"/> (0–1) for Δ = (b − c)/n, from <paramref name="onlyFirst"/> (b)
    /// and <paramref name="onlySecond"/> (c) discordant pairs among <paramref name="pairs"/> (n).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or not finite, the discordant pairs exceed <paramref name="pairs"/>, or the level is not in (0, 1).</exception>
    public static (double Low, double High) Tango(double onlyFirst, double onlySecond, double pairs, double level = 0.95)
    {
        if (!(onlyFirst >= 0) || !(onlySecond >= 0) || !(pairs > 0) || !double.IsFinite(pairs) || onlyFirst + onlySecond > pairs)
        {
            throw new ArgumentOutOfRangeException(nameof(pairs), $"b = {onlyFirst} and c = {onlySecond} discordant pairs among n = {pairs}: counts must be at least 0 and b + c at most n > 0");
        }

        if (level is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the confidence level must lie strictly between 0 and 1");
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));
        var estimate = (onlyFirst - onlySecond) / pairs;
        return (Bound(onlyFirst, onlySecond, pairs, z, estimate, -1), Bound(onlyFirst, onlySecond, pairs, z, estimate, 1));
    }

    /// <summary>Tango's score statistic at <paramref name="delta"/>.</summary>
    internal static double Score(double b, double c, double n, double delta)
    {
        var w = -b - c + ((2 * n) - b + c) * delta;
        var q = (Math.Sqrt((w * w) + (8 * n * c * delta * (1 - delta))) - w) / (4 * n);
        var (numerator, variance) = (b - c - (n * delta), n * ((2 * q) + (delta * (1 - delta))));
        return variance > 0 ? numerator / Math.Sqrt(variance) : numerator == 0 ? 0 : Math.Sign(numerator) * double.PositiveInfinity;
    }

    /// <summary>The bound on <paramref name="side"/> (−1 lower, +1 upper): where the score statistic, monotone in Δ, reaches ∓z, found by bisection between the estimate and ±1.</summary>
    private static double Bound(double b, double c, double n, double z, double estimate, int side)
    {
        var (inside, outside) = (estimate, (double)side);
        if (side * Score(b, c, n, outside) > -z)
        {
            return outside;
        }

        for (var i = 0; i < 200 && Math.Abs(outside - inside) > 1e-12; i++)
        {
            var middle = (inside + outside) / 2;
            (inside, outside) = side * Score(b, c, n, middle) > -z ? (middle, outside) : (inside, middle);
        }

        return (inside + outside) / 2;
    }
}
