using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Modeling;

public sealed class DistanceCacheTests
{
    [Fact]
    public void A_kernel_row_is_exp_of_minus_gamma_times_the_squared_distance_worked_by_hand()
    {
        double[][] rows = [[0, 0], [3, 4], [1, -1]];

        var kernel = new KernelRows(new PairwiseDistances(rows), gamma: 0.1);

        double[][] expected = [[1, Math.Exp(-0.1 * 25), Math.Exp(-0.1 * 2)], [Math.Exp(-0.1 * 25), 1, Math.Exp(-0.1 * 29)], [Math.Exp(-0.1 * 2), Math.Exp(-0.1 * 29), 1]];
        foreach (var i in new[] { 1, 0, 2 })
        {
            Assert.All(expected[i].Zip(kernel.Row(i)), p => Assert.Equal(p.First, p.Second, 15));
        }
    }

    [Fact]
    public void Equal_values_in_other_arrays_share_one_set_of_distances_and_one_ulp_apart_do_not()
    {
        var cache = new DistanceCache(capacity: 1000);
        var rows = Random(20, 3, seed: 1);
        var nudged = Copy(rows);
        nudged[7][2] = Math.BitIncrement(nudged[7][2]);

        var first = cache.For(rows);

        Assert.Same(first, cache.For(Copy(rows)));
        var other = cache.For(nudged);
        Assert.NotSame(first, other);
        Assert.Equal(Math.Sqrt(nudged[7].Zip(nudged[3], (a, b) => (a - b) * (a - b)).Sum()), other.Row(7)[3], 14);
    }

    [Fact]
    public void The_cache_keeps_its_own_copy_so_changing_the_callers_rows_later_changes_nothing()
    {
        var cache = new DistanceCache(capacity: 1000);
        var rows = Random(10, 2, seed: 2);
        var expected = Math.Sqrt(Math.Pow(rows[0][0] - rows[1][0], 2) + Math.Pow(rows[0][1] - rows[1][1], 2));
        var distances = cache.For(rows);

        rows[1][0] += 5;

        Assert.Equal(expected, distances.Row(0)[1], 14);
        Assert.NotSame(distances, cache.For(rows));
    }

    [Fact]
    public void Beyond_its_capacity_the_least_recently_used_set_is_dropped()
    {
        var cache = new DistanceCache(capacity: 250);
        var (a, b, c) = (Random(10, 2, seed: 3), Random(10, 2, seed: 4), Random(10, 2, seed: 5));
        var first = cache.For(a);
        var second = cache.For(b);

        Assert.Same(first, cache.For(a));
        cache.For(c);

        Assert.Same(first, cache.For(a));
        Assert.NotSame(second, cache.For(b));
    }

    [Fact]
    public void Fits_sharing_distances_equal_fits_with_their_own_bit_for_bit_whatever_was_fitted_before()
    {
        using var scope = DistanceCache.Open();
        var rows = Random(80, 4, seed: 6);
        var labels = rows.Select(r => r[0] + 0.5 * r[1] * r[1] + 0.3 * r[3] > 0.4).ToArray();
        var other = Random(80, 4, seed: 7);
        var y = labels.Select(l => (sbyte)(l ? 1 : -1)).ToArray();
        foreach (var (c, gamma) in new[] { (0.3, 0.05), (10.0, 0.05), (1.0, 0.5), (100.0, 0.5) })
        {
            new KernelSvm(c, gamma).FitSvm(other, labels);
            var (alpha, rho, _) = SmoSolver.Solve(new KernelRows(new PairwiseDistances(Copy(rows)), gamma), y, c, 1e-3, 100_000);

            var shared = new KernelSvm(c, gamma).FitSvm(Copy(rows), labels);

            Assert.Equal(rho, shared.Rho);
            Assert.Equal(alpha.Select((a, i) => a * y[i]).Where(a => a != 0), shared.DualCoefficients);
        }
    }

    [Fact]
    public void A_search_shares_distances_among_its_fits_and_workers_and_leaves_none_behind()
    {
        var rows = Random(40, 3, seed: 8);
        Assert.Null(DistanceCache.Current);
        PairwiseDistances?[] seen = new PairwiseDistances?[8];
        using (DistanceCache.Open())
        {
            var cache = DistanceCache.Current!;
            Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => seen[i] = DistanceCache.Current?.For(Copy(rows)));
            Assert.All(seen, s => Assert.Same(cache.For(rows), s));
            using (DistanceCache.Open())
            {
                Assert.NotSame(cache, DistanceCache.Current);
            }

            Assert.Same(cache, DistanceCache.Current);
        }

        Assert.Null(DistanceCache.Current);
    }

    private static double[][] Random(int count, int width, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, width).Select(_ => random.NextDouble() * 2 - 1).ToArray())];
    }

    private static double[][] Copy(double[][] rows) => [.. rows.Select(r => (double[])r.Clone())];
}
