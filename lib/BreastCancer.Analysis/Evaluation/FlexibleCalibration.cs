namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// A flexible calibration curve (Austin &amp; Steyerberg 2014, Stat. Med. 33:517–535; Van Calster et al. 2016, J. Clin.
/// Epidemiol. 74:167–176): the observed share of malignant tumours as a smooth function of the predicted probability,
/// estimated by loess (local linear regression with tricube weights over the nearest <see cref="Span"/> share of the
/// predictions; Cleveland 1979), with a 95 % percentile band from <see cref="Resamples"/> bootstrap resamples of the
/// rows (seeded). A calibrated model's curve follows the diagonal; where the band leaves it, the miscalibration is more
/// than noise. The curve is drawn only over the central 95 % of the predictions, where it has data.
/// </summary>
/// <param name="Grid">Predicted probabilities at which the curve is evaluated, ascending, 0–1.</param>
/// <param name="Observed">The estimated share malignant at each grid point (clipped to 0–1).</param>
/// <param name="Low">Lower bound of the band at each grid point.</param>
/// <param name="High">Upper bound of the band at each grid point.</param>
/// <param name="Span">The share of rows in each local fit, (0, 1].</param>
/// <param name="Resamples">Bootstrap resamples behind the band.</param>
/// <param name="Seed">The seed of the resampling.</param>
public sealed record FlexibleCalibration(IReadOnlyList<double> Grid, IReadOnlyList<double> Observed, IReadOnlyList<double> Low, IReadOnlyList<double> High,
    double Span, int Resamples, int Seed)
{
    /// <summary>The curve of <paramref name="result"/>'s out-of-fold predictions of one repetition (each row once).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cross-validation has no repetition <paramref name="repeat"/>.</exception>
    public static FlexibleCalibration OutOfFold(CrossValidationResult result, int repeat = 0, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (labels, probabilities) = result.OutOfFold(repeat);
        return Compute(labels, probabilities, seed: seed);
    }

    /// <summary>The curve of <paramref name="probabilities"/> against <paramref name="labels"/> (true = malignant) at <paramref name="points"/> grid points.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or have fewer than 10 rows, or the span is outside (0, 1].</exception>
    public static FlexibleCalibration Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, double span = 0.75, int resamples = 200, int seed = 1, int points = 40)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != probabilities.Count || labels.Count < 10)
        {
            throw new ArgumentException($"{labels.Count} labels and {probabilities.Count} probabilities: a calibration curve needs as many of each, at least 10", nameof(probabilities));
        }

        if (span is not (> 0 and <= 1))
        {
            throw new ArgumentException($"the span {span} must be in (0, 1]", nameof(span));
        }

        var x = probabilities.ToArray();
        var y = labels.Select(l => l ? 1.0 : 0.0).ToArray();
        var sorted = x.Order().ToArray();
        var (from, to) = (sorted[(int)(0.025 * (sorted.Length - 1))], sorted[(int)Math.Ceiling(0.975 * (sorted.Length - 1))]);
        var grid = Enumerable.Range(0, points).Select(i => from + (to - from) * i / (points - 1)).ToArray();
        var observed = grid.Select(g => Math.Clamp(Loess.At(x, y, g, span), 0, 1)).ToArray();
        var random = new Random(seed);
        var curves = Enumerable.Range(0, resamples).Select(_ =>
        {
            var rows = Enumerable.Range(0, x.Length).Select(_ => random.Next(x.Length)).ToArray();
            var (bx, by) = (rows.Select(r => x[r]).ToArray(), rows.Select(r => y[r]).ToArray());
            return grid.Select(g => Math.Clamp(Loess.At(bx, by, g, span), 0, 1)).ToArray();
        }).ToArray();
        double Percentile(int point, double q)
        {
            var values = curves.Select(c => c[point]).Order().ToArray();
            return values[(int)Math.Round(q * (values.Length - 1))];
        }

        return new FlexibleCalibration(grid, observed, [.. grid.Select((_, i) => Percentile(i, 0.025))], [.. grid.Select((_, i) => Percentile(i, 0.975))], span, resamples, seed);
    }
}
