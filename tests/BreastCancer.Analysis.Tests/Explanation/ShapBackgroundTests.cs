using BreastCancer.Analysis.Explanation;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class ShapBackgroundTests
{
    [Fact]
    public void Weights_are_normalised_to_sum_to_one()
    {
        var rows = Points(new Random(1), 5, 0, 0);

        Assert.Equal(1, ShapBackground.Of(rows).Weights.Sum(), 1e-12);
        Assert.All(ShapBackground.Of(rows).Weights, w => Assert.Equal(0.2, w, 1e-15));
        var weighted = new ShapBackground(rows, [1, 2, 3, 4, 0]);
        Assert.Equal(1, weighted.Weights.Sum(), 1e-12);
        Assert.Equal(4 / 10.0, weighted.Weights[3], 1e-15);
    }

    [Fact]
    public void Sample_draws_distinct_rows_of_the_data_the_same_for_the_same_seed()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new double[] { i, -i }).ToArray();

        var sample = ShapBackground.Sample(rows, 12, seed: 3);

        Assert.Equal(12, sample.Rows.Count);
        Assert.Equal(12, sample.Rows.Select(r => r[0]).Distinct().Count());
        Assert.All(sample.Rows, r => Assert.Contains(rows, d => d.SequenceEqual(r)));
        Assert.Equal(1, sample.Weights.Sum(), 1e-12);
        Assert.Equal(sample.Rows.Select(r => r[0]), ShapBackground.Sample(rows, 12, seed: 3).Rows.Select(r => r[0]));
        Assert.Equal(50, ShapBackground.Sample(rows, 80, seed: 3).Rows.Count);
    }

    [Fact]
    public void KMeans_of_well_separated_clusters_recovers_their_means_and_sizes()
    {
        var random = new Random(4);
        var clusters = new[] { Points(random, 10, 0, 0), Points(random, 20, 10, 0), Points(random, 30, 0, 10) };
        var rows = clusters.SelectMany(c => c).OrderBy(_ => random.Next()).ToArray();

        var summary = ShapBackground.KMeans(rows, 3, seed: 5);

        Assert.Equal(3, summary.Rows.Count);
        Assert.Equal(1, summary.Weights.Sum(), 1e-12);
        foreach (var cluster in clusters)
        {
            double[] mean = [cluster.Average(p => p[0]), cluster.Average(p => p[1])];
            var match = Enumerable.Range(0, 3).Single(c => Math.Abs(summary.Rows[c][0] - mean[0]) < 1 && Math.Abs(summary.Rows[c][1] - mean[1]) < 1);
            Assert.Equal(mean[0], summary.Rows[match][0], 1e-12);
            Assert.Equal(mean[1], summary.Rows[match][1], 1e-12);
            Assert.Equal(cluster.Length / 60.0, summary.Weights[match], 1e-12);
        }

        var again = ShapBackground.KMeans(rows, 3, seed: 5);
        Assert.Equal(summary.Rows.SelectMany(r => r), again.Rows.SelectMany(r => r));
        Assert.Equal(summary.Weights, again.Weights);
    }

    [Fact]
    public void Bad_rows_and_weights_are_refused_with_a_message_naming_the_problem()
    {
        Assert.Contains("no rows", Assert.Throws<ArgumentException>(() => ShapBackground.Of([])).Message, StringComparison.Ordinal);
        Assert.Contains("row 1 has 3 values; row 0 has 2", Assert.Throws<ArgumentException>(() => ShapBackground.Of([[1, 2], [1, 2, 3]])).Message, StringComparison.Ordinal);
        Assert.Contains("1 weights for 2", Assert.Throws<ArgumentException>(() => new ShapBackground([[1.0], [2.0]], [1])).Message, StringComparison.Ordinal);
        Assert.Contains("row 1 is -1", Assert.Throws<ArgumentException>(() => new ShapBackground([[1.0], [2.0]], [1, -1])).Message, StringComparison.Ordinal);
        Assert.Contains("all zero", Assert.Throws<ArgumentException>(() => new ShapBackground([[1.0], [2.0]], [0, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("row 2 has NaN at feature 1", Assert.Throws<ArgumentException>(() =>
            ShapBackground.KMeans([[1, 2], [3, 4], [5, double.NaN], [7, 8]], 2, seed: 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ShapBackground.Sample([[1.0]], 0, seed: 1));
    }

    private static double[][] Points(Random random, int count, double x, double y) =>
        [.. Enumerable.Range(0, count).Select(_ => new[] { x + 0.2 * (random.NextDouble() - 0.5), y + 0.2 * (random.NextDouble() - 0.5) })];
}
