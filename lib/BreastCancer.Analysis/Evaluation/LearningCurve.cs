using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Cross-validated score against the number of training rows (as scikit-learn's <c>learning_curve</c>): for each share,
/// every training fold is cut to a random subsample of that share of its rows, stratified by class and seeded, the
/// pipeline is fitted on the subsample and scored on the fold's whole test rows. A curve still rising at the full size
/// says that more rows would help; a flat one, that the model has what the data can give it.
/// </summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Points">One point per share, smallest first.</param>
public sealed record LearningCurve(string Pipeline, IReadOnlyList<LearningCurvePoint> Points)
{
    /// <summary>The curve of <paramref name="pipeline"/> on <paramref name="folds"/> at each of <paramref name="shares"/> (0–1] of the training folds.</summary>
    /// <exception cref="ArgumentException">No shares, or a share outside (0, 1].</exception>
    public static LearningCurve Run(ClassificationPipeline pipeline, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<Fold> folds,
        IReadOnlyList<double> shares, int seed, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0 || shares.Any(s => s is not (> 0 and <= 1)))
        {
            throw new ArgumentException($"the shares ({string.Join(", ", shares)}) must be in (0, 1], at least one", nameof(shares));
        }

        var points = shares.Order().Select((share, s) =>
        {
            Fold[] cut = [.. folds.Select((fold, f) => fold with { Train = Subsample(fold.Train, labels, share, unchecked((seed * 1_000_003) + (s * 1_009) + f)) })];
            return new LearningCurvePoint(share, cut.Average(f => f.Train.Count), CrossValidation.Run(pipeline, rows, labels, cut, seed, workers));
        }).ToArray();
        return new LearningCurve(pipeline.Name, points);
    }

    /// <summary>A seeded random <paramref name="share"/> of <paramref name="train"/>, class by class (at least one row of each class present).</summary>
    private static int[] Subsample(IReadOnlyList<int> train, IReadOnlyList<bool> labels, double share, int seed)
    {
        var random = new Random(seed);
        return [.. train.GroupBy(r => labels[r]).SelectMany(g =>
        {
            var members = g.ToArray();
            random.Shuffle(members);
            return members.Take(Math.Max(1, (int)Math.Round(share * members.Length)));
        }).Order()];
    }
}

/// <summary>One point of a <see cref="LearningCurve"/>.</summary>
/// <param name="Share">The share of each training fold used, (0, 1].</param>
/// <param name="TrainingRows">The mean number of rows fitted on.</param>
/// <param name="Result">The cross-validation at that size.</param>
public sealed record LearningCurvePoint(double Share, double TrainingRows, CrossValidationResult Result);
