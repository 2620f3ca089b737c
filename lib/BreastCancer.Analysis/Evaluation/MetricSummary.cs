using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// A metric over the folds of a (repeated) cross-validation: its mean, standard deviation and 95 % confidence interval.
/// Fold scores share most of their training rows, so the naive interval mean ± t·s/√J is far too narrow; the interval
/// here uses the variance correction of Nadeau &amp; Bengio (2003), mean ± t₀.₉₇₅,J−1 · √((1/J + n_test/n_train) · s²),
/// the same as <see cref="CorrectedResampledTTest"/>. The bounds are clipped to the range the metric can take.
/// </summary>
/// <param name="Mean">The mean over folds.</param>
/// <param name="Sd">The sample standard deviation over folds.</param>
/// <param name="Low">Lower bound of the 95 % interval.</param>
/// <param name="High">Upper bound of the 95 % interval.</param>
public sealed record MetricSummary(double Mean, double Sd, double Low, double High)
{
    /// <summary>The summary of <paramref name="metric"/>'s <paramref name="values"/> (one per fold), the interval clipped to the metric's range.</summary>
    public static MetricSummary Of(Metric metric, IReadOnlyList<double> values, double testRows, double trainingRows) =>
        Of(values, testRows, trainingRows, metric.Range().Low, metric.Range().High);

    /// <summary>The summary of <paramref name="values"/> (one per fold) for folds of the given average sizes, the interval clipped to [<paramref name="lowest"/>, <paramref name="highest"/>].</summary>
    public static MetricSummary Of(IReadOnlyList<double> values, double testRows, double trainingRows, double lowest = double.NegativeInfinity, double highest = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("no fold values", nameof(values));
        }

        var mean = values.Mean();
        if (values.Count == 1)
        {
            return new MetricSummary(mean, double.NaN, double.NaN, double.NaN);
        }

        var sd = values.StandardDeviation();
        var halfWidth = StudentT.InvCDF(0, 1, values.Count - 1, 0.975) * Math.Sqrt((1.0 / values.Count + testRows / trainingRows) * sd * sd);
        return new MetricSummary(mean, sd, Math.Max(lowest, mean - halfWidth), Math.Min(highest, mean + halfWidth));
    }
}
