using System.Buffers;
using System.Numerics.Tensors;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// A <see cref="FittedKernelSvm"/> one row at a time: f(x) = Σ αᵢyᵢ exp(−γ‖xᵢ − x‖²) − ρ with the very operations of
/// <see cref="FittedKernelSvm.DecisionFunction"/> (the same vectorised distance, exponential and dot product, on the
/// same support vector arrays), so the value is the same bit for bit; the probability is its logistic. The exponents
/// go into a buffer on the stack (rented from the shared pool for more than 1024 support vectors). Immutable.
/// </summary>
/// <param name="svm">The fitted machine.</param>
internal sealed class KernelSvmFunction(FittedKernelSvm svm) : ScoreFunction
{
    private const int StackLimit = 1024;

    private readonly double[][] _supportVectors = [.. svm.SupportVectors];
    private readonly double[] _coefficients = [.. svm.DualCoefficients];

    /// <summary>The number of inputs the machine reads; 0 when it has no support vector.</summary>
    public int Width => _supportVectors.Length > 0 ? _supportVectors[0].Length : 0;

    /// <inheritdoc />
    public override double Probability(ReadOnlySpan<double> inputs) => 1 / (1 + Math.Exp(-DecisionScore(inputs)));

    /// <inheritdoc />
    public override double DecisionScore(ReadOnlySpan<double> inputs)
    {
        var count = _coefficients.Length;
        double[]? rented = null;
        var kernel = count <= StackLimit ? stackalloc double[count] : (rented = ArrayPool<double>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            for (var s = 0; s < count; s++)
            {
                var distance = TensorPrimitives.Distance<double>(_supportVectors[s], inputs);
                kernel[s] = -svm.Gamma * distance * distance;
            }

            TensorPrimitives.Exp<double>(kernel, kernel);
            return TensorPrimitives.Dot<double>(kernel, _coefficients) - svm.Rho;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
