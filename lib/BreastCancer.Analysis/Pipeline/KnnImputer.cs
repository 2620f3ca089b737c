using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Pipeline;

/// <summary>
/// Fills a missing cell with the mean of that feature over the <c>k</c> nearest training rows that have it, as
/// scikit-learn's <c>KNNImputer</c> (Troyanskaya et al., Bioinformatics 17 (2001) 520–525): distance is the Euclidean
/// distance over the features both rows have, scaled up by the share of features compared
/// (<c>sqrt(total / compared · Σ d²)</c>). Donors come from the training rows only, and only rows that have the
/// feature can donate it, so a row is never its own donor.
/// </summary>
/// <param name="neighbours">k, at least 1 (scikit-learn's default is 5).</param>
public sealed class KnnImputer(int neighbours = 5) : IFeatureStep
{
    /// <summary>The number of neighbours averaged.</summary>
    public int Neighbours { get; } = neighbours >= 1 ? neighbours : throw new ArgumentOutOfRangeException(nameof(neighbours), neighbours, "k must be at least 1");

    /// <inheritdoc />
    public string Name => $"{Neighbours}-nearest-neighbour imputation";

    /// <inheritdoc />
    public IFittedFeatureStep Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        return new FittedKnnImputer(Neighbours, [.. trainingRows.Select(r => (double[])r.Clone())]);
    }

    /// <summary>The training rows the neighbours are drawn from.</summary>
    private sealed class FittedKnnImputer(int neighbours, double[][] training) : IFittedFeatureStep
    {
        public double[][] Transform(IReadOnlyList<double[]> rows) => [.. rows.Select(Impute)];

        private double[] Impute(double[] row)
        {
            var result = (double[])row.Clone();
            for (var f = 0; f < row.Length; f++)
            {
                if (!double.IsNaN(row[f]))
                {
                    continue;
                }

                var feature = f;
                var donors = training
                    .Where(t => !double.IsNaN(t[feature]))
                    .Select(t => (Distance: Distance(row, t), Value: t[feature]))
                    .Where(d => !double.IsNaN(d.Distance))
                    .OrderBy(d => d.Distance)
                    .Take(neighbours)
                    .ToList();
                if (donors.Count == 0)
                {
                    throw new InvalidOperationException($"no training row has feature {f} and a feature in common with the row to impute");
                }

                result[f] = donors.Average(d => d.Value);
            }

            return result;
        }

        private static double Distance(double[] a, double[] b)
        {
            var (sum, compared) = (0.0, 0);
            for (var i = 0; i < a.Length; i++)
            {
                if (!double.IsNaN(a[i]) && !double.IsNaN(b[i]))
                {
                    sum += (a[i] - b[i]) * (a[i] - b[i]);
                    compared++;
                }
            }

            return compared == 0 ? double.NaN : Math.Sqrt(a.Length / (double)compared * sum);
        }
    }
}
