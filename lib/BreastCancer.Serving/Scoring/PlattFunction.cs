using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// A <see cref="PlattForm"/>: the probability is <see cref="PlattScaling.Probability"/> (the library's one Platt
/// formula) of the inner classifier's decision score s. Immutable.
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
