namespace BreastCancer.Analysis.Modeling;

/// <summary>How scores are mapped to probabilities.</summary>
public enum CalibrationMethod
{
    /// <summary>A logistic function of the score (<see cref="PlattScaling"/>).</summary>
    Platt,

    /// <summary>A non-decreasing step function of the score (<see cref="IsotonicScaling"/>).</summary>
    Isotonic,
}

/// <summary>
/// A classifier whose scores are mapped to probabilities by a calibrator fitted on out-of-fold scores of its own
/// training rows, as LIBSVM does for <c>SVC(probability=True)</c> and scikit-learn's <c>CalibratedClassifierCV(ensemble=False)</c>:
/// the inner classifier is cross-validated on the training rows (stratified, <paramref name="folds"/> folds, seeded by the
/// fit's seed), the calibrator learns from those held-out scores, and the inner classifier is then refitted on all
/// training rows. The calibrator never sees a score of a row the model was trained on, and nothing outside the
/// training rows is used; rows given as one group stay in one internal fold (<see cref="IGroupAwareClassifier"/>). The calibrated out-of-fold probabilities are kept (<see cref="IFittedClassifier.OutOfFoldProbabilities"/>). The score is the inner classifier's <see cref="IFittedClassifier.DecisionScore"/> (for an SVM, its margin).
/// </summary>
/// <param name="inner">The classifier to calibrate.</param>
/// <param name="method">Platt or isotonic.</param>
/// <param name="folds">Internal folds for the out-of-fold scores (≥ 2; LIBSVM uses 5).</param>
public sealed class CalibratedClassifier(IClassifier inner, CalibrationMethod method = CalibrationMethod.Platt, int folds = 5) : IGroupAwareClassifier
{
    /// <summary>The classifier calibrated.</summary>
    public IClassifier Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The calibration method.</summary>
    public CalibrationMethod Method { get; } = method;

    /// <summary>Internal folds.</summary>
    public int Folds { get; } = folds >= 2 ? folds : throw new ArgumentOutOfRangeException(nameof(folds), folds, "at least 2 internal folds");

    /// <inheritdoc />
    public string Name => $"{Inner.Name}, {(Method == CalibrationMethod.Platt ? "Platt" : "isotonic")}-calibrated";

    /// <inheritdoc />
    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed) => Fit(rows, labels, seed, null);

    /// <inheritdoc />
    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed, IReadOnlyList<string?>? groups)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var scores = OutOfFold.Predict(rows, labels, groups, Folds, seed, (train, trainLabels, test) => Inner.Fit(train, trainLabels, seed).DecisionScore(test));
        ScoreCalibrator calibrator = Method == CalibrationMethod.Platt ? PlattScaling.Fit(scores, labels, seed) : IsotonicScaling.Fit(scores, labels, seed);
        return new FittedCalibratedClassifier(Inner.Fit(rows, labels, seed), calibrator, calibrator.Probabilities(scores));
    }
}
