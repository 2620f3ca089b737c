using BreastCancer.Analysis.Pipeline;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Pipeline;

/// <summary>The statistic a <see cref="SimpleImputer"/> fills missing cells with.</summary>
public enum ImputationStatistic
{
    /// <summary>The training median of the feature.</summary>
    Median,

    /// <summary>The training mean of the feature.</summary>
    Mean,

    /// <summary>The most frequent training value of the feature (the smallest, on a tie), as for scores.</summary>
    MostFrequent,
}

/// <summary>
/// Fills each missing cell with one statistic of its feature, computed on the training rows only (as scikit-learn's
/// <c>SimpleImputer</c>). A feature with no observed training value cannot be imputed and is an error.
/// </summary>
/// <param name="statistic">Median, mean or most frequent value.</param>
public sealed class SimpleImputer(ImputationStatistic statistic) : IFeatureStep
{
    /// <summary>The statistic used.</summary>
    public ImputationStatistic Statistic { get; } = statistic;

    /// <inheritdoc />
    public string Name => Statistic switch
    {
        ImputationStatistic.Median => "median imputation",
        ImputationStatistic.Mean => "mean imputation",
        _ => "most frequent imputation",
    };

    /// <inheritdoc />
    public IFittedFeatureStep Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        var features = trainingRows[0].Length;
        var fill = new double[features];
        for (var f = 0; f < features; f++)
        {
            var observed = trainingRows.Select(r => r[f]).Where(v => !double.IsNaN(v)).ToArray();
            if (observed.Length == 0)
            {
                throw new InvalidOperationException($"feature {f} has no observed value in the training rows: it cannot be imputed");
            }

            fill[f] = Statistic switch
            {
                ImputationStatistic.Median => observed.Median(),
                ImputationStatistic.Mean => observed.Mean(),
                _ => observed.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
            };
        }

        return new FittedImputer(Name, fill);
    }

    /// <summary>The fill value of each feature, learned from the training rows.</summary>
    /// <param name="Method">How the values were computed.</param>
    /// <param name="Fill">Per-feature value that replaces a missing cell.</param>
    public sealed record FittedImputer(string Method, IReadOnlyList<double> Fill) : IFittedFeatureStep
    {
        /// <inheritdoc />
        public double[][] Transform(IReadOnlyList<double[]> rows) =>
            [.. rows.Select(r => r.Select((v, f) => double.IsNaN(v) ? Fill[f] : v).ToArray())];
    }
}
