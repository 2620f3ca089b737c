using System.Buffers;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// A <see cref="FittedKernelSvm"/> one row at a time: f(x) = Σ αᵢyᵢ exp(−γ‖xᵢ − x‖²) − ρ computed by the
/// <see cref="RbfKernelSum"/> that <see cref="FittedKernelSvm.DecisionFunction"/> computes by, so the value is the same
/// bit for bit; the probability is its logistic. The exponents go into a buffer on the stack (rented from the shared
/// pool for more than 1024 support vectors). Immutable.
/// </summary>
/// <param name="svm">The fitted machine.</param>
internal sealed class KernelSvmFunction(FittedKernelSvm svm) : ScoreFunction
{
    private const int StackLimit = 1024;

    private readonly RbfKernelSum _sum = new(svm.SupportVectors, svm.DualCoefficients, svm.Gamma, svm.Rho);

    /// <summary>The number of inputs the machine reads; 0 when it has no support vector.</summary>
    public int Width => _sum.Width;

    /// <inheritdoc />
    public override double Probability(ReadOnlySpan<double> inputs) => 1 / (1 + Math.Exp(-DecisionScore(inputs)));

    /// <inheritdoc />
    public override double DecisionScore(ReadOnlySpan<double> inputs)
    {
        var count = _sum.ScratchLength;
        double[]? rented = null;
        var scratch = count <= StackLimit ? stackalloc double[count] : (rented = ArrayPool<double>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            return _sum.Decision(inputs, scratch);
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
