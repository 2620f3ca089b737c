namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A <see cref="CalibratedClassifier"/> fitted: the inner classifier refitted on all training rows, and the map from
/// its decision score to a probability learned from out-of-fold scores of those rows.
/// </summary>
/// <param name="Inner">The inner classifier, fitted on all training rows.</param>
/// <param name="Calibrator">The map from <paramref name="Inner"/>'s decision score to a probability.</param>
/// <param name="OutOfFold">The calibrated out-of-fold probability of each training row, in training order; null for a model loaded from a file.</param>
public sealed record FittedCalibratedClassifier(IFittedClassifier Inner, ScoreCalibrator Calibrator, IReadOnlyList<double>? OutOfFold) : IFittedClassifier
{
    /// <inheritdoc />
    public IReadOnlyList<double>? OutOfFoldProbabilities => OutOfFold;

    /// <inheritdoc />
    public double[] PredictProbability(IReadOnlyList<double[]> rows) => Calibrator.Probabilities(Inner.DecisionScore(rows));

    /// <inheritdoc />
    public ClassifierForm Form => Calibrator.FormOf(this);
}
