using BreastCancer.Analysis.Pipeline;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Features;

/// <summary>
/// What two transforms do to the skew of the right-skewed features: each feature's adjusted sample skewness (MathNet's;
/// 0 for a symmetric distribution) as measured, after log(1 + x), and after the <see cref="YeoJohnson"/> transform at
/// the λ fitted on the same rows. Near 0, log(1 + x) ≈ x − x²/2 is almost the identity, so it barely changes a feature
/// measured in hundredths; the fitted λ adapts to each feature's scale. Descriptive, fitted on all the rows given;
/// inside cross-validation the λs are fitted on each training fold.
/// </summary>
/// <param name="Features">One entry per feature whose skewness exceeds <paramref name="MinimumSkewness"/>, most skewed first.</param>
/// <param name="MinimumSkewness">The skewness a feature must exceed to be listed.</param>
public sealed record TransformSkewness(IReadOnlyList<FeatureSkewness> Features, double MinimumSkewness)
{
    /// <summary>The skewness of every feature of <paramref name="rows"/> above <paramref name="minimumSkewness"/>, before and after each transform.</summary>
    /// <param name="rows">Rows of features, no missing cells.</param>
    /// <param name="names">The features' names, in row order.</param>
    /// <param name="minimumSkewness">The skewness a feature must exceed to be listed, e.g. 1.5.</param>
    /// <exception cref="ArgumentException">
    /// A listed feature has a value at or below −1 (log(1 + x) is undefined), a value that is not finite, or is constant
    /// (<see cref="YeoJohnson.FitLambda"/>).
    /// </exception>
    public static TransformSkewness Measure(IReadOnlyList<double[]> rows, IReadOnlyList<string> names, double minimumSkewness)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(names);
        var features = new List<FeatureSkewness>();
        for (var f = 0; f < names.Count; f++)
        {
            var values = rows.Select(r => r[f]).ToArray();
            var raw = values.Skewness();
            if (raw > minimumSkewness)
            {
                if (values.Min() <= -1)
                {
                    throw new ArgumentException($"feature {names[f]} has the value {values.Min()}, where log(1 + x) is undefined", nameof(rows));
                }

                var lambda = YeoJohnson.FitLambda(values);
                features.Add(new FeatureSkewness(names[f], values.Min(), values.Max(), raw, values.Select(v => Math.Log(1 + v)).Skewness(), lambda,
                    values.Select(v => YeoJohnson.Transform(v, lambda)).Skewness()));
            }
        }

        return new TransformSkewness([.. features.OrderByDescending(s => s.Raw)], minimumSkewness);
    }
}

/// <summary>One feature's skewness before and after each transform.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Minimum">Its smallest value, in its own units.</param>
/// <param name="Maximum">Its largest value.</param>
/// <param name="Raw">Skewness as measured.</param>
/// <param name="AfterLog">Skewness of log(1 + x).</param>
/// <param name="Lambda">The Yeo–Johnson λ fitted on the rows (dimensionless).</param>
/// <param name="AfterYeoJohnson">Skewness after the Yeo–Johnson transform at <paramref name="Lambda"/>.</param>
public sealed record FeatureSkewness(string Feature, double Minimum, double Maximum, double Raw, double AfterLog, double Lambda, double AfterYeoJohnson);
