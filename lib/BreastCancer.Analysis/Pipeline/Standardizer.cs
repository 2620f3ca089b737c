using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Pipeline;

/// <summary>
/// Centres each feature on its training mean and divides by its training standard deviation (sample SD, n − 1);
/// a feature that is constant on the training rows is only centred. Missing cells (NaN) must be imputed first.
/// </summary>
public sealed class Standardizer : IFeatureStep
{
    /// <inheritdoc />
    public string Name => "standardisation";

    /// <inheritdoc />
    public IFittedFeatureStep Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        var features = trainingRows[0].Length;
        var means = new double[features];
        var scales = new double[features];
        var column = new double[trainingRows.Count];
        for (var f = 0; f < features; f++)
        {
            for (var r = 0; r < column.Length; r++)
            {
                column[r] = trainingRows[r][f];
                if (double.IsNaN(column[r]))
                {
                    throw new InvalidOperationException($"feature {f} has missing values: impute before standardising");
                }
            }

            means[f] = ArrayStatistics.Mean(column);
            var sd = ArrayStatistics.StandardDeviation(column);
            scales[f] = sd > 0 ? sd : 1;
        }

        return new FittedStandardizer(means, scales);
    }

    /// <summary>The training means and standard deviations.</summary>
    /// <param name="Means">Per-feature mean of the training rows.</param>
    /// <param name="Scales">Per-feature standard deviation of the training rows (1 where it was 0).</param>
    public sealed record FittedStandardizer(IReadOnlyList<double> Means, IReadOnlyList<double> Scales) : IFittedFeatureStep
    {
        /// <inheritdoc />
        public double[][] Transform(IReadOnlyList<double[]> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var transformed = new double[rows.Count][];
            for (var r = 0; r < transformed.Length; r++)
            {
                var (row, scaled) = (rows[r], new double[rows[r].Length]);
                for (var f = 0; f < scaled.Length; f++)
                {
                    scaled[f] = (row[f] - Means[f]) / Scales[f];
                }

                transformed[r] = scaled;
            }

            return transformed;
        }
    }
}
