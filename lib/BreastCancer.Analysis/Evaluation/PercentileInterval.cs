using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>The percentile interval of a bootstrap (Efron &amp; Tibshirani 1993, §13.3), shared by every bootstrap in the library.</summary>
internal static class PercentileInterval
{
    /// <summary>The 2.5th and 97.5th percentiles of <paramref name="values"/>, by linear interpolation between order statistics (R's type 7, numpy's default).</summary>
    public static (double Low, double High) Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return (SortedArrayStatistics.QuantileCustom(sorted, 0.025, QuantileDefinition.R7), SortedArrayStatistics.QuantileCustom(sorted, 0.975, QuantileDefinition.R7));
    }
}
