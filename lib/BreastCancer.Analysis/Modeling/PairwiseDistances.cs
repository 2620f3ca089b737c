using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The Euclidean distances ‖xᵢ − xⱼ‖ among a set of rows, computed a row at a time when first asked for and kept. Each
/// distance is computed once, as the vectorised <c>TensorPrimitives.Distance(x_max(i,j), x_min(i,j))</c>, and read from
/// the other row when that row was computed first, so every entry is the value a whole matrix would hold, whichever
/// rows were asked for first. Safe for several threads: two that ask for the same row at once may both compute it, with
/// the same values, and a row is published only once filled.
/// </summary>
internal sealed class PairwiseDistances
{
    private readonly double[][] _rows;
    private readonly double[]?[] _computed;

    /// <summary>The distances among <paramref name="rows"/> (kept, not copied), none computed yet.</summary>
    public PairwiseDistances(double[][] rows)
    {
        _rows = rows;
        _computed = new double[rows.Length][];
    }

    /// <summary>The number of rows n.</summary>
    public int Count => _computed.Length;

    /// <summary>Row <paramref name="i"/> of the distance matrix (n values, 0 at i), computed on the first call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Row(int i)
    {
        if (Volatile.Read(ref _computed[i]) is { } computed)
        {
            return computed;
        }

        var row = new double[Count];
        for (var t = 0; t < row.Length; t++)
        {
            row[t] = t == i ? 0
                : Volatile.Read(ref _computed[t]) is { } other ? other[i]
                : TensorPrimitives.Distance<double>(_rows[Math.Max(i, t)], _rows[Math.Min(i, t)]);
        }

        return Interlocked.CompareExchange(ref _computed[i], row, null) ?? row;
    }
}
