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
        var column = new double[trainingRows.Count];
        for (var f = 0; f < features; f++)
        {
            var observed = 0;
            foreach (var row in trainingRows)
            {
                if (!double.IsNaN(row[f]))
                {
                    column[observed++] = row[f];
                }
            }

            if (observed == 0)
            {
                throw new InvalidOperationException($"feature {f} has no observed value in the training rows: it cannot be imputed");
            }

            var values = column.AsSpan(0, observed);
            fill[f] = Statistic switch
            {
                ImputationStatistic.Median => ArrayStatistics.MedianInplace(values.ToArray()),
                ImputationStatistic.Mean => ArrayStatistics.Mean(values.ToArray()),
                _ => MostFrequent(values),
            };
        }

        return new FittedImputer(Name, fill);
    }

    /// <summary>The most frequent of <paramref name="values"/>, the smallest on a tie.</summary>
    private static double MostFrequent(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var (best, bestCount) = (sorted[0], 0);
        for (var start = 0; start < sorted.Length;)
        {
            var end = start;
            while (end < sorted.Length && sorted[end] == sorted[start])
            {
                end++;
            }

            if (end - start > bestCount)
            {
                (best, bestCount) = (sorted[start], end - start);
            }

            start = end;
        }

        return best;
    }

    /// <summary>The fill value of each feature, learned from the training rows.</summary>
    /// <param name="Method">How the values were computed.</param>
    /// <param name="Fill">Per-feature value that replaces a missing cell.</param>
    public sealed record FittedImputer(string Method, IReadOnlyList<double> Fill) : IFittedFeatureStep
    {
        /// <inheritdoc />
        public double[][] Transform(IReadOnlyList<double[]> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var transformed = new double[rows.Count][];
            for (var r = 0; r < transformed.Length; r++)
            {
                var row = (double[])rows[r].Clone();
                for (var f = 0; f < row.Length; f++)
                {
                    if (double.IsNaN(row[f]))
                    {
                        row[f] = Fill[f];
                    }
                }

                transformed[r] = row;
            }

            return transformed;
        }
    }
}
