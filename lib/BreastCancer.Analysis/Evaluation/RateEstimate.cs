using MathNet.Numerics.Distributions;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// A proportion with its Wilson score interval (Wilson 1927, "Probable inference, the law of succession, and
/// statistical inference", JASA 22:209–212; Newcombe 1998, Stat. Med. 17:857–872, method 3):
/// (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z the standard normal 1 − (1 − confidence)/2 quantile.
/// Unlike the Wald interval it stays in [0, 1] and is sensible at 0 or n successes. SciPy's
/// <c>binomtest(k, n).proportion_ci(method="wilson")</c>.
/// </summary>
/// <param name="Successes">Successes counted.</param>
/// <param name="Trials">Trials counted.</param>
/// <param name="Value">Successes / trials, 0–1; NaN when there were no trials.</param>
/// <param name="Low">Lower bound of the interval, 0–1; NaN when there were no trials.</param>
/// <param name="High">Upper bound of the interval, 0–1; NaN when there were no trials.</param>
/// <param name="Undefined">Why the proportion is NaN, or null when it is defined.</param>
public sealed record RateEstimate(int Successes, int Trials, double Value, double Low, double High, string? Undefined)
{
    /// <summary>
    /// <paramref name="successes"/> of <paramref name="trials"/> with the Wilson interval at <paramref name="confidence"/>
    /// (default 0.95); with no trials every value is NaN and <see cref="Undefined"/> says <paramref name="noTrials"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the successes exceed the trials, or the confidence is not strictly between 0 and 1.</exception>
    public static RateEstimate Wilson(int successes, int trials, double confidence = 0.95, string noTrials = "no trials")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (confidence is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "the confidence level must be between 0 and 1");
        }

        if (trials == 0)
        {
            return new RateEstimate(0, 0, double.NaN, double.NaN, double.NaN, noTrials);
        }

        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        var n = (double)trials;
        var p = successes / n;
        var centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        var half = z / (1 + z * z / n) * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return new RateEstimate(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half), null);
    }
}
