using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving.Scoring;

/// <summary>A classifier that gives every row the same probability (<see cref="MajorityClass"/>'s training share). Immutable.</summary>
/// <param name="probability">The probability, 0–1.</param>
internal sealed class ConstantFunction(double probability) : ScoreFunction
{
    /// <inheritdoc />
    public override double Probability(ReadOnlySpan<double> inputs) => probability;
}
