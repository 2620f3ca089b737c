using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// The corrected resampled t-test of Nadeau &amp; Bengio (Machine Learning 52 (2003) 239–281) for two models scored
/// on the same J cross-validation folds: with dⱼ the per-fold differences, t = mean(d) / √((1/J + n_test/n_train) · s²(d)),
/// on J − 1 degrees of freedom. The n_test/n_train term corrects the variance for the overlap of training sets between
/// folds, which the naive paired t-test ignores and so declares differences significant far too often.
/// </summary>
/// <param name="MeanDifference">Mean of the per-fold differences (first − second).</param>
/// <param name="T">The corrected t statistic.</param>
/// <param name="DegreesOfFreedom">J − 1.</param>
/// <param name="P">The two-sided p-value.</param>
/// <param name="Low">Lower bound of the 95 % confidence interval of the mean difference.</param>
/// <param name="High">Upper bound of the 95 % confidence interval of the mean difference.</param>
public sealed record CorrectedResampledTTest(double MeanDifference, double T, int DegreesOfFreedom, double P, double Low, double High)
{
    /// <summary>The test of <paramref name="first"/> against <paramref name="second"/>, fold by fold (same folds, same order).</summary>
    /// <param name="first">The first model's score on each fold.</param>
    /// <param name="second">The second model's score on the same folds.</param>
    /// <param name="trainingRows">Rows a fold trains on (n_train).</param>
    /// <param name="testRows">Rows a fold tests on (n_test).</param>
    public static CorrectedResampledTTest Compare(IReadOnlyList<double> first, IReadOnlyList<double> second, int trainingRows, int testRows)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count || first.Count < 2)
        {
            throw new ArgumentException($"the two models need the same folds, at least two: {first.Count} and {second.Count} scores", nameof(second));
        }

        var differences = first.Zip(second, (a, b) => a - b).ToArray();
        var folds = differences.Length;
        var mean = differences.Mean();
        var standardError = Math.Sqrt((1.0 / folds + testRows / (double)trainingRows) * differences.Variance());
        var df = folds - 1;
        var t = standardError > 0 ? mean / standardError : mean == 0 ? 0 : double.PositiveInfinity * Math.Sign(mean);
        var p = standardError > 0 ? 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)) : mean == 0 ? 1 : 0;
        var critical = StudentT.InvCDF(0, 1, df, 0.975);
        return new CorrectedResampledTTest(mean, t, df, p, mean - critical * standardError, mean + critical * standardError);
    }
}
