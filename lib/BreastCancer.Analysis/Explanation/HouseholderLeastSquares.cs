using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// The least-squares solution of A β ≈ y for a tall matrix A of full column rank, by Householder QR (Golub &amp; Van
/// Loan, Matrix Computations, 4th ed., algorithms 5.1.1 and 5.3.2): each reflection is applied to the remaining columns
/// and to y as it is formed, and R β = (Qᵀy)₁..ₙ is solved by back-substitution. Single-threaded, for the small systems
/// Kernel SHAP solves once per explained row from several threads at once.
/// </summary>
internal static class HouseholderLeastSquares
{
    /// <summary>2⁻⁵², the gap between 1 and the next double.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// β minimising ‖A β − y‖₂, or null when A is rank-deficient to working precision (a diagonal entry of R at most
    /// rows × ε times the largest). <paramref name="a"/> (column-major, <paramref name="rows"/> × <paramref name="columns"/>,
    /// rows ≥ columns) and <paramref name="y"/> are overwritten.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[]? Solve(double[] a, int rows, int columns, double[] y)
    {
        var diagonal = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            var v = a.AsSpan(j * rows + j, rows - j);
            var norm = TensorPrimitives.Norm<double>(v);
            if (norm == 0)
            {
                return null;
            }

            var alpha = v[0] > 0 ? -norm : norm;
            v[0] -= alpha;
            var scale = 2 / TensorPrimitives.Dot<double>(v, v);
            for (var k = j + 1; k < columns; k++)
            {
                Reflect(v, a.AsSpan(k * rows + j, rows - j), scale);
            }

            Reflect(v, y.AsSpan(j, rows - j), scale);
            diagonal[j] = alpha;
        }

        var largest = Math.Abs(TensorPrimitives.MaxMagnitude<double>(diagonal));
        if (diagonal.Any(d => Math.Abs(d) <= rows * MachineEpsilon * largest))
        {
            return null;
        }

        var beta = new double[columns];
        for (var i = columns - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < columns; k++)
            {
                sum -= a[k * rows + i] * beta[k];
            }

            beta[i] = sum / diagonal[i];
        }

        return beta;
    }

    /// <summary>w ← (I − scale · v vᵀ) w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Reflect(ReadOnlySpan<double> v, Span<double> w, double scale)
    {
        var t = scale * TensorPrimitives.Dot(v, w);
        TensorPrimitives.MultiplyAdd(v, -t, w, w);
    }
}
