using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The decision value f(x) = Σ cᵢ exp(−γ‖sᵢ − x‖²) − ρ of an RBF support vector machine, with the support vectors
/// sᵢ stored feature by feature so that the squared distances to a row are summed for 16 support vectors at once (two
/// 512-bit vectors, two 256-bit halves each where the processor has no AVX-512): lane i adds (sᵢf − xf)² for
/// f = 1, 2, … in order, the scalar sum ((sᵢ₁ − x₁)² + (sᵢ₂ − x₂)²) + …, so the value does not depend on the vector
/// width. <see cref="FittedKernelSvm.DecisionFunction"/> and the web app's fast scorer both compute through this, so
/// they agree bit for bit. Immutable; safe for several threads.
/// </summary>
public sealed class RbfKernelSum
{
    private const int Block = 2;

    private readonly double[] _byFeature;
    private readonly double[] _coefficients;
    private readonly int _stride;
    private readonly double _gamma;
    private readonly double _rho;

    /// <summary>The sum over <paramref name="supportVectors"/> (all of one width) with their coefficients cᵢ, γ and ρ.</summary>
    /// <exception cref="ArgumentException">Support vectors and coefficients differ in number, or the vectors in width.</exception>
    public RbfKernelSum(IReadOnlyList<double[]> supportVectors, IReadOnlyList<double> coefficients, double gamma, double rho)
    {
        ArgumentNullException.ThrowIfNull(supportVectors);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (supportVectors.Count != coefficients.Count)
        {
            throw new ArgumentException($"{supportVectors.Count} support vectors for {coefficients.Count} coefficients", nameof(coefficients));
        }

        Width = supportVectors.Count > 0 ? supportVectors[0].Length : 0;
        if (supportVectors.Any(s => s.Length != Width))
        {
            throw new ArgumentException("the support vectors differ in width", nameof(supportVectors));
        }

        var lanes = Block * Vector512<double>.Count;
        _stride = (supportVectors.Count + lanes - 1) / lanes * lanes;
        _byFeature = new double[Width * _stride];
        for (var s = 0; s < supportVectors.Count; s++)
        {
            for (var f = 0; f < Width; f++)
            {
                _byFeature[f * _stride + s] = supportVectors[s][f];
            }
        }

        _coefficients = [.. coefficients];
        _gamma = gamma;
        _rho = rho;
    }

    /// <summary>The number of features a row must have.</summary>
    public int Width { get; }

    /// <summary>The length of the scratch buffer <see cref="Decision"/> needs: the support vectors, rounded up to whole vector blocks.</summary>
    public int ScratchLength => _stride;

    /// <summary>f(x) for <paramref name="row"/> (<see cref="Width"/> values), using <paramref name="scratch"/> (at least <see cref="ScratchLength"/> values) for the exponents.</summary>
    /// <exception cref="ArgumentException">The row is not <see cref="Width"/> values long.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Decision(ReadOnlySpan<double> row, Span<double> scratch)
    {
        if (row.Length != Width && _coefficients.Length > 0)
        {
            throw new ArgumentException($"the row has {row.Length} values for support vectors of {Width}", nameof(row));
        }

        var width = Vector512<double>.Count;
        var exponents = scratch[.._stride];
        var scale = Vector512.Create(-_gamma);
        for (var s = 0; s < _stride; s += Block * width)
        {
            var (a, b) = (Vector512<double>.Zero, Vector512<double>.Zero);
            for (var f = 0; f < Width; f++)
            {
                var x = Vector512.Create(row[f]);
                var column = _byFeature.AsSpan(f * _stride + s, Block * width);
                var da = Vector512.Create<double>(column) - x;
                var db = Vector512.Create<double>(column[width..]) - x;
                (a, b) = (a + da * da, b + db * db);
            }

            (scale * a).CopyTo(exponents[s..]);
            (scale * b).CopyTo(exponents[(s + width)..]);
        }

        var used = exponents[.._coefficients.Length];
        TensorPrimitives.Exp<double>(used, used);
        return TensorPrimitives.Dot<double>(used, _coefficients) - _rho;
    }
}
