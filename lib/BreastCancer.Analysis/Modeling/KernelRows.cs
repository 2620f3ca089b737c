using System.Runtime.CompilerServices;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The RBF kernel matrix Kᵢⱼ = exp(−γ‖xᵢ − xⱼ‖²) of a set of rows, computed a row at a time when the solver first asks
/// for it and kept. SMO reads only the rows of the pairs it optimises (about a quarter of them on the study's folds),
/// so most of the n² kernel values are never computed. The distances come from <see cref="PairwiseDistances"/>, which
/// the fits of a search on the same rows share (<see cref="DistanceCache"/>); each value is exp((−γ · d) · d) of its distance d, read
/// from the other row when that row was computed first, so every entry is the value a whole matrix would hold.
/// </summary>
internal sealed class KernelRows
{
    private readonly PairwiseDistances _distances;
    private readonly double _gamma;
    private readonly double[]?[] _computed;

    /// <summary>The kernel matrix of the rows of <paramref name="distances"/> with width <paramref name="gamma"/>, no row computed yet.</summary>
    public KernelRows(PairwiseDistances distances, double gamma)
    {
        _distances = distances;
        _gamma = gamma;
        _computed = new double[distances.Count][];
    }

    /// <summary>The number of rows n.</summary>
    public int Count => _computed.Length;

    /// <summary>Kᵢᵢ, which is 1 for the RBF kernel.</summary>
    public static double Diagonal => 1;

    /// <summary>Row <paramref name="i"/> of the matrix (n values), computed on the first call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Row(int i)
    {
        if (_computed[i] is { } computed)
        {
            return computed;
        }

        var distances = _distances.Row(i);
        var row = new double[Count];
        for (var t = 0; t < row.Length; t++)
        {
            row[t] = t == i ? Diagonal
                : _computed[t] is { } other ? other[i]
                : Math.Exp(-_gamma * distances[t] * distances[t]);
        }

        return _computed[i] = row;
    }
}
