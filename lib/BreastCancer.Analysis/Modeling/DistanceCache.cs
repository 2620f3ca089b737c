using System.Runtime.InteropServices;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The <see cref="PairwiseDistances"/> of the row sets the RBF SVM was fitted on most recently, so that fits on the
/// same rows share them: every setting of a search (each C and each γ) on one fold's training rows, which the pipeline
/// standardises alike for each setting. A set is found by the exact bits of its values (a copy is kept), so a fit reads
/// the distances of its own rows and of no others, the values it would have computed itself: nothing passes between
/// folds, and no result changes. At most <paramref name="capacity"/> matrix entries (counted as n² a set, as if every
/// row were computed) are kept, the least recently used set dropped first. A cache lives as long as the search that
/// opened it (<see cref="Open"/>): the distances go with the search, instead of staying in the process for the cells
/// that follow (16 MB at capacity).
/// </summary>
/// <param name="capacity">The most distances kept, summed over the sets, ≥ 1; the newest set is kept whatever its size.</param>
internal sealed class DistanceCache(long capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _recent = new();

    private static readonly AsyncLocal<DistanceCache?> Ambient = new();

    /// <summary>
    /// The cache of the search running in this flow of execution (its parallel workers included), or null outside any:
    /// an SVM fitted alone computes its own distances and keeps none.
    /// </summary>
    public static DistanceCache? Current => Ambient.Value;

    /// <summary>
    /// Makes a new cache current until the returned scope is disposed, when the one current before comes back. Its
    /// capacity, 2 million entries (16 MB), holds the ten training folds (409 or 410 rows) of a 10-fold search on the
    /// study's 455 training rows (1.7 million) and the five inner training folds (327 or 328 rows) and the outer one of
    /// a nested search (0.7 million); a search over more folds takes them in blocks that fit.
    /// </summary>
    public static Scope Open()
    {
        var previous = Ambient.Value;
        var cache = new DistanceCache(2_000_000);
        Ambient.Value = cache;
        return new Scope(cache, previous);
    }

    /// <summary>The most distances kept.</summary>
    public long Capacity { get; } = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "keep at least one distance");

    /// <summary>The distances among <paramref name="rows"/>, shared with earlier calls on the same values.</summary>
    public PairwiseDistances For(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var hash = Hash(rows);
        lock (_gate)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Hash == hash && Same(node.Value.Rows, rows))
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return node.Value.Distances;
                }
            }

            double[][] copy = [.. rows.Select(r => (double[])r.Clone())];
            var entry = new Entry(hash, copy, new PairwiseDistances(copy));
            _recent.AddFirst(entry);
            var size = _recent.Sum(e => Size(e.Rows));
            while (size > Capacity && _recent.Last != _recent.First)
            {
                size -= Size(_recent.Last!.Value.Rows);
                _recent.RemoveLast();
            }

            return entry.Distances;
        }
    }

    private static long Size(double[][] rows) => (long)rows.Length * rows.Length;

    private static int Hash(IReadOnlyList<double[]> rows)
    {
        var hash = new HashCode();
        hash.Add(rows.Count);
        foreach (var row in rows)
        {
            hash.Add(row.Length);
            hash.AddBytes(MemoryMarshal.AsBytes(row.AsSpan()));
        }

        return hash.ToHashCode();
    }

    private static bool Same(double[][] kept, IReadOnlyList<double[]> rows) =>
        kept.Length == rows.Count && kept.Zip(rows).All(p => MemoryMarshal.AsBytes(p.First.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(p.Second.AsSpan())));

    private sealed record Entry(int Hash, double[][] Rows, PairwiseDistances Distances);

    /// <summary>A cache made current by <see cref="Open"/>, until disposed.</summary>
    /// <param name="cache">The cache made current.</param>
    /// <param name="previous">The cache current before, current again once this scope is disposed.</param>
    public sealed class Scope(DistanceCache cache, DistanceCache? previous) : IDisposable
    {
        /// <summary>The cache this scope made current.</summary>
        public DistanceCache Cache { get; } = cache;

        /// <inheritdoc />
        public void Dispose() => Ambient.Value = previous;
    }
}
