using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Modeling;

/// <summary>How scores are mapped to probabilities.</summary>
public enum CalibrationMethod
{
    /// <summary>A logistic function of the score, p = 1 / (1 + e^(a·s + b)) (Platt 1999; fitted by ML.NET's Platt calibrator, evaluated in double precision so that confident scores do not collapse into ties at 1).</summary>
    Platt,

    /// <summary>A non-decreasing step function of the score fitted by pool-adjacent-violators (Zadrozny &amp; Elkan 2002; ML.NET's isotonic calibrator).</summary>
    Isotonic,
}

/// <summary>
/// A classifier whose scores are mapped to probabilities by a calibrator fitted on out-of-fold scores of its own
/// training rows, as LIBSVM does for <c>SVC(probability=True)</c> and scikit-learn's <c>CalibratedClassifierCV(ensemble=False)</c>:
/// the inner classifier is cross-validated on the training rows (stratified, <paramref name="folds"/> folds, seeded by the
/// fit's seed), the calibrator learns from those held-out scores, and the inner classifier is then refitted on all
/// training rows. The calibrator never sees a score of a row the model was trained on, and nothing outside the
/// training rows is used. The calibrated out-of-fold probabilities are kept (<see cref="IFittedClassifier.OutOfFoldProbabilities"/>). The score is the inner classifier's <see cref="IFittedClassifier.DecisionScore"/> (for an SVM, its margin).
/// </summary>
/// <param name="inner">The classifier to calibrate.</param>
/// <param name="method">Platt or isotonic.</param>
/// <param name="folds">Internal folds for the out-of-fold scores (≥ 2; LIBSVM uses 5).</param>
public sealed class CalibratedClassifier(IClassifier inner, CalibrationMethod method = CalibrationMethod.Platt, int folds = 5) : IClassifier
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
    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var scores = OutOfFold.Predict(rows, labels, Folds, seed, (train, trainLabels, test) => Inner.Fit(train, trainLabels, seed).DecisionScore(test));
        var context = new MLContext(seed);
        var view = context.Data.LoadFromEnumerable(scores.Select((s, i) => new ScoredRow { Score = (float)s, Label = labels[i] }));
        Func<double[], double[]> calibrate;
        if (Method == CalibrationMethod.Platt)
        {
            var platt = ((IPredictionTransformer<PlattCalibrator>)context.BinaryClassification.Calibrators.Platt().Fit(view)).Model;
            calibrate = s => [.. s.Select(v => 1 / (1 + Math.Exp(platt.Slope * v + platt.Offset)))];
        }
        else
        {
            var isotonic = context.BinaryClassification.Calibrators.Isotonic().Fit(view);
            calibrate = s => [.. isotonic.Transform(context.Data.LoadFromEnumerable(s.Select(v => new ScoredRow { Score = (float)v })))
                .GetColumn<float>("Probability").Select(p => (double)p)];
        }

        return new Fitted(Inner.Fit(rows, labels, seed), calibrate, calibrate(scores));
    }

    private sealed class Fitted(IFittedClassifier inner, Func<double[], double[]> calibrate, double[] outOfFold) : IFittedClassifier
    {
        public IReadOnlyList<double> OutOfFoldProbabilities => outOfFold;

        public double[] PredictProbability(IReadOnlyList<double[]> rows) => calibrate(inner.DecisionScore(rows));
    }

    private sealed class ScoredRow
    {
        public float Score { get; set; }

        public bool Label { get; set; }
    }
}
