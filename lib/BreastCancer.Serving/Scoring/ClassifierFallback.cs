using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// Any other fitted classifier (an isotonic calibration, a classifier of another library), called through its own
/// <see cref="IFittedClassifier.PredictProbability"/>: correct whatever the classifier, but each call builds a list of
/// rows and pays the classifier's fixed cost (for an ML.NET transform, milliseconds), so a batch goes in one call.
/// As safe across threads as the classifier is; the library's classifiers are.
/// </summary>
/// <param name="classifier">The fitted classifier.</param>
internal sealed class ClassifierFallback(IFittedClassifier classifier) : ScoreFunction
{
    /// <inheritdoc />
    public override ScoringMethod Method => ScoringMethod.Classifier;

    /// <inheritdoc />
    public override double Probability(ReadOnlySpan<double> inputs) => classifier.PredictProbability([inputs.ToArray()])[0];

    /// <inheritdoc />
    public override double DecisionScore(ReadOnlySpan<double> inputs) => classifier.DecisionScore([inputs.ToArray()])[0];

    /// <inheritdoc />
    public override void Probabilities(ReadOnlySpan<double> inputs, int width, Span<double> destination)
    {
        var rows = new double[destination.Length][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = inputs.Slice(r * width, width).ToArray();
        }

        classifier.PredictProbability(rows).CopyTo(destination);
    }
}
