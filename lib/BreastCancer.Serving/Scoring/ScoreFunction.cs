using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// A fitted classifier as a function of one row of its inputs (the features as the pipeline's steps leave them), for
/// <see cref="PipelineScorer"/>: the same probability and decision score as the classifier's
/// <see cref="IFittedClassifier.PredictProbability"/> and <see cref="IFittedClassifier.DecisionScore"/>, one row at a
/// time, without building a list of rows. Every implementation is safe to call from several threads at once.
/// </summary>
internal abstract class ScoreFunction
{
    /// <summary>How the function computes: <see cref="ScoringMethod.Direct"/> unless it calls ML.NET or the classifier.</summary>
    public virtual ScoringMethod Method => ScoringMethod.Direct;

    /// <summary>The probability of malignancy, 0–1, of one row of inputs.</summary>
    public abstract double Probability(ReadOnlySpan<double> inputs);

    /// <summary>
    /// The classifier's decision score of one row of inputs; by default, as <see cref="IFittedClassifier.DecisionScore"/>
    /// by default, the logit of <see cref="Probability"/> clipped at 10⁻¹⁵.
    /// </summary>
    public virtual double DecisionScore(ReadOnlySpan<double> inputs)
    {
        var p = Math.Clamp(Probability(inputs), 1e-15, 1 - 1e-15);
        return Math.Log(p / (1 - p));
    }

    /// <summary>
    /// The probability of each of <c>destination.Length</c> rows of <paramref name="width"/> inputs laid one after the
    /// other in <paramref name="inputs"/>; by default one <see cref="Probability"/> per row.
    /// </summary>
    public virtual void Probabilities(ReadOnlySpan<double> inputs, int width, Span<double> destination)
    {
        for (var r = 0; r < destination.Length; r++)
        {
            destination[r] = Probability(inputs.Slice(r * width, width));
        }
    }
}
