using System.Numerics.Tensors;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// An ML.NET linear model (logistic regression, the linear SVM) computed directly, as ML.NET computes it: the inputs
/// rounded to single precision, the score s = b + w·x in single precision with <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// (the dense dot product ML.NET 5's <c>LinearModelParameters</c> uses, so s is ML.NET's bit for bit), then the
/// probability in double precision by <see cref="PlattScaling.Probability"/> of the classifier's map of its score to
/// log-odds (<see cref="MlNetScoreMap"/>: logit p = a·s + c is Platt's p = 1 / (1 + e^(A·s + B)) with A = −a, B = −c),
/// rounded to single precision when the probability is ML.NET's own <c>Probability</c> column (its Platt calibrator
/// returns a <c>float</c>). Immutable.
/// </summary>
/// <param name="weights">w, one per input.</param>
/// <param name="bias">b.</param>
/// <param name="calibration">The map of the score to the probability.</param>
/// <param name="singlePrecision">Whether the probability is rounded to single precision, as ML.NET's <c>Probability</c> column is.</param>
internal sealed class LinearMlNetFunction(float[] weights, float bias, PlattScaling calibration, bool singlePrecision) : ScoreFunction
{
    /// <summary>Above this many inputs the single-precision copy of a row is rented, not taken from the stack.</summary>
    private const int StackLimit = 512;

    /// <summary>The number of inputs the model reads.</summary>
    public int Width => weights.Length;

    /// <inheritdoc />
    public override double Probability(ReadOnlySpan<double> inputs)
    {
        var p = calibration.Probability(Score(inputs));
        return singlePrecision ? (float)p : p;
    }

    /// <inheritdoc />
    public override double DecisionScore(ReadOnlySpan<double> inputs) => Score(inputs);

    /// <summary>ML.NET's <c>Score</c>: b + w·x in single precision.</summary>
    private float Score(ReadOnlySpan<double> inputs)
    {
        float[]? rented = null;
        var x = weights.Length <= StackLimit ? stackalloc float[weights.Length] : (rented = System.Buffers.ArrayPool<float>.Shared.Rent(weights.Length)).AsSpan(0, weights.Length);
        try
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = (float)inputs[i];
            }

            return bias + TensorPrimitives.Dot<float>(weights, x);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<float>.Shared.Return(rented);
            }
        }
    }
}
