namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// The calibration slope and calibration-in-the-large (<see cref="CalibrationRegression"/>) of each model of a
/// comparison, on the out-of-fold predictions of one repetition of its cross-validation, so that every training row is
/// predicted once by a model that did not see it (pooling the repetitions would count each row several times and make
/// the intervals too narrow).
/// </summary>
/// <param name="Repeat">The repetition whose folds are used.</param>
/// <param name="Models">Each model's name and fits.</param>
public sealed record CalibrationComparison(int Repeat, IReadOnlyList<(string Model, CalibrationRegression Fit)> Models)
{
    /// <summary>The fits of every model of <paramref name="comparison"/> except one that gives every row of a fold the same probability (a baseline: its slope means nothing).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The comparison has no repetition <paramref name="repeat"/>.</exception>
    public static CalibrationComparison Of(ModelComparison comparison, int repeat = 0)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (!comparison.Models.SelectMany(m => m.Folds).Any(f => f.Repeat == repeat))
        {
            throw new ArgumentOutOfRangeException(nameof(repeat), repeat, "the comparison's cross-validation has no such repetition");
        }

        return new CalibrationComparison(repeat, [.. comparison.Models
            .Where(m => m.RanksRowsWithinFolds(repeat))
            .Select(m => (m.Pipeline, m.OutOfFold(repeat)))
            .Select(m => (m.Pipeline, CalibrationRegression.Of(m.Item2.Labels, m.Item2.Probabilities)))]);
    }
}
