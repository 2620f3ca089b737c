using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Modeling;

/// <summary>A fitted map from a classifier's decision score to a probability of malignancy, non-decreasing in the score.</summary>
public abstract record ScoreCalibrator
{
    /// <summary>The probability, 0–1, of each score.</summary>
    public abstract double[] Probabilities(IReadOnlyList<double> scores);

    /// <summary>The form of <paramref name="classifier"/>, which this calibrator calibrates (<see cref="IFittedClassifier.Form"/>).</summary>
    public abstract ClassifierForm FormOf(FittedCalibratedClassifier classifier);

    /// <summary>The scores and labels as the view ML.NET's calibrator trainers read (<c>Score</c>, <c>Label</c>).</summary>
    private protected static IDataView View(MLContext context, IReadOnlyList<double> scores, IReadOnlyList<bool>? labels) =>
        context.Data.LoadFromEnumerable(scores.Select((s, i) => new ScoredRow { Score = (float)s, Label = labels?[i] ?? false }));

    private sealed class ScoredRow
    {
        public float Score { get; set; }

        public bool Label { get; set; }
    }
}

/// <summary>
/// Platt scaling (Platt 1999): p = 1 / (1 + e^(<see cref="Slope"/>·s + <see cref="Offset"/>)), fitted by ML.NET's Platt
/// calibrator and evaluated here in double precision, so that confident scores do not collapse into ties at 1.
/// </summary>
/// <param name="Slope">a, negative when higher scores mean malignant.</param>
/// <param name="Offset">b.</param>
public sealed record PlattScaling(double Slope, double Offset) : ScoreCalibrator
{
    /// <summary>Fits a and b to the scores and labels (true = malignant) by maximum likelihood.</summary>
    public static PlattScaling Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int seed)
    {
        var context = new MLContext(seed);
        var platt = ((IPredictionTransformer<PlattCalibrator>)context.BinaryClassification.Calibrators.Platt().Fit(View(context, scores, labels))).Model;
        return new PlattScaling(platt.Slope, platt.Offset);
    }

    /// <inheritdoc />
    public override double[] Probabilities(IReadOnlyList<double> scores) => [.. scores.Select(Probability)];

    /// <summary>A <see cref="PlattForm"/> of the inner classifier's form.</summary>
    public override ClassifierForm FormOf(FittedCalibratedClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return new PlattForm(classifier.Inner.Form, this);
    }

    /// <summary>The probability, 0–1, of one score: 1 / (1 + e^(<see cref="Slope"/>·s + <see cref="Offset"/>)), in double precision.</summary>
    public double Probability(double score) => 1 / (1 + Math.Exp((Slope * score) + Offset));
}

/// <summary>
/// Isotonic calibration: a non-decreasing step function of the score fitted by pool-adjacent-violators (Zadrozny &amp;
/// Elkan 2002), by ML.NET's isotonic calibrator.
/// </summary>
public sealed record IsotonicScaling : ScoreCalibrator
{
    private readonly MLContext _context;
    private readonly ITransformer _calibrator;

    private IsotonicScaling(MLContext context, ITransformer calibrator) => (_context, _calibrator) = (context, calibrator);

    /// <summary>Fits the step function to the scores and labels (true = malignant).</summary>
    public static IsotonicScaling Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int seed)
    {
        var context = new MLContext(seed);
        return new IsotonicScaling(context, context.BinaryClassification.Calibrators.Isotonic().Fit(View(context, scores, labels)));
    }

    /// <inheritdoc />
    public override double[] Probabilities(IReadOnlyList<double> scores) =>
        [.. _calibrator.Transform(View(_context, scores, null)).GetColumn<float>("Probability").Select(p => (double)p)];

    /// <summary>An <see cref="OpaqueForm"/>: the step function is ML.NET's, scored by calling the classifier.</summary>
    public override ClassifierForm FormOf(FittedCalibratedClassifier classifier) => new OpaqueForm(classifier, "a classifier calibrated by isotonic scaling");
}
