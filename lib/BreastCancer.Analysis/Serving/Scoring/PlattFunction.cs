using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Serving.Scoring;

/// <summary>
/// A <see cref="FittedCalibratedClassifier"/> with <see cref="PlattScaling"/>: p = 1 / (1 + e^(A·s + B)) of the inner
/// classifier's decision score s, computed by <see cref="PlattScaling.Probability"/>. Immutable.
/// </summary>
/// <param name="inner">The inner classifier's function, which gives s.</param>
/// <param name="platt">The fitted A (slope) and B (offset).</param>
internal sealed class PlattFunction(ScoreFunction inner, PlattScaling platt) : ScoreFunction
{
    /// <inheritdoc />
    public override ScoringMethod Method => inner.Method;

    /// <inheritdoc />
    public override double Probability(ReadOnlySpan<double> inputs) => platt.Probability(inner.DecisionScore(inputs));
}
