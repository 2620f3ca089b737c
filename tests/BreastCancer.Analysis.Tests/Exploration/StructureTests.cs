using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Exploration;
using BreastCancer.Analysis.Tests.Data;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Tests.Exploration;

public sealed class StructureTests : IDisposable
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Pca_variance_ratios_equal_scikit_learns_and_sum_to_one()
    {
        var pca = PrincipalComponents.Of(Wdbc);
        var reference = Fixture.Array(Fixture.Values["wdbc_pca_explained_variance_ratio"]!);

        Assert.Equal(1, pca.ExplainedVarianceRatio.Sum(), 12);
        for (var k = 0; k < reference.Length; k++)
        {
            Assert.Equal(reference[k], pca.ExplainedVarianceRatio[k], 10);
        }
    }

    [Fact]
    public void Pca_scores_are_the_standardised_rows_projected_on_unit_loadings()
    {
        var pca = PrincipalComponents.Of(Wdbc);
        var radius = Wdbc.Column(0);
        var texture = Wdbc.Column(1);

        Assert.All(pca.Loadings, l => Assert.Equal(1, l.Sum(v => v * v), 10));
        var z0 = Enumerable.Range(0, 30).Select(f => (Wdbc[0, f] - Wdbc.Column(f).Mean()) / Wdbc.Column(f).StandardDeviation()).ToArray();
        Assert.Equal(z0.Zip(pca.Loadings[0]).Sum(p => p.First * p.Second), pca.Scores[0][0], 9);
        Assert.Equal(pca.ExplainedVariance[0], pca.Scores.Select(s => s[0]).Variance(), 9);
        Assert.True(radius.Length == texture.Length);
        Assert.True(pca.Loadings.All(l => l[l.Select(Math.Abs).ToList().IndexOf(l.Max(Math.Abs))] > 0));
    }

    [Fact]
    public void Spearman_handles_ties_as_scipy_does()
    {
        var ties = Fixture.Values["spearman_ties"]!;
        var x = Fixture.Array(ties["x"]!);
        var y = Fixture.Array(ties["y"]!);
        var data = TestData.Wbco(_files, [.. x.Select((v, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (double?[])[v, y[i], 1, 1, 1, 1, 1, 1, 1], i % 2 == 0))]);

        var spearman = CorrelationMatrix.Of(data, CorrelationMethod.Spearman);

        Assert.Equal((double)ties["rho"]!, spearman.Values[0][1], 12);
    }

    [Fact]
    public void Strong_pairs_are_those_above_the_threshold_strongest_first()
    {
        var pearson = CorrelationMatrix.Of(Wdbc, CorrelationMethod.Pearson);

        var pairs = pearson.PairsAbove(0.9).Pairs;

        Assert.Equal(21, pairs.Count);
        Assert.Equal(("radius_mean", "perimeter_mean"), (pairs[0].First, pairs[0].Second));
        Assert.Equal(Correlation.Pearson(Wdbc.Column("radius_mean"), Wdbc.Column("perimeter_mean")), pairs[0].R, 12);
        Assert.True(pairs.Zip(pairs.Skip(1)).All(p => Math.Abs(p.First.R) >= Math.Abs(p.Second.R)));
    }

    [Theory]
    [InlineData(Linkage.Average, "average_heights")]
    [InlineData(Linkage.Ward, "ward_heights")]
    public void Merge_heights_equal_scipys_linkage(Linkage method, string key)
    {
        var clustering = Fixture.Values["clustering"]!;
        var data = clustering["data"]!.AsArray().Select(r => Fixture.Array(r!)).ToArray();
        var columns = Enumerable.Range(0, 5).Select(f => data.Select(r => r[f]).ToArray()).ToArray();
        var correlations = CorrelationMatrix.FromColumns(["a", "b", "c", "d", "e"], columns, CorrelationMethod.Pearson);

        var result = FeatureClustering.Of(correlations, method);

        Assert.Equal(Fixture.Array(clustering[key]!), result.Merges.Select(m => m.Height), new Tolerance(1e-10));
        if (method == Linkage.Average)
        {
            Assert.Equal(clustering["average_merges"]!.AsArray().Select(m => ((int)m![0]!, (int)m[1]!)), result.Merges.Select(m => (m.Left, m.Right)));
        }
    }

    [Theory]
    [InlineData(Linkage.Average)]
    [InlineData(Linkage.Ward)]
    public void Clustering_a_block_correlated_matrix_recovers_its_blocks(Linkage method)
    {
        string[] names = ["a1", "b1", "a2", "c1", "b2", "a3", "c2"];
        var block = new Dictionary<char, int> { ['a'] = 0, ['b'] = 1, ['c'] = 2 };
        var values = names.Select(i => (IReadOnlyList<double>)[.. names.Select(j => i == j ? 1 : block[i[0]] == block[j[0]] ? (i[0] == 'b' ? -0.9 : 0.92) : 0.1)]).ToList();

        var clusters = FeatureClustering.Of(new CorrelationMatrix(names, values, CorrelationMethod.Pearson), method).ClustersAt(0.5).Clusters;

        Assert.Equal(3, clusters.Count);
        Assert.Contains(clusters, c => c.Order().SequenceEqual(["a1", "a2", "a3"]));
        Assert.Contains(clusters, c => c.Order().SequenceEqual(["b1", "b2"]));
        Assert.Contains(clusters, c => c.Order().SequenceEqual(["c1", "c2"]));
    }

    [Fact]
    public void The_leaf_order_lists_every_feature_once_with_each_cluster_contiguous()
    {
        var clustering = FeatureClustering.Of(CorrelationMatrix.Of(Wdbc, CorrelationMethod.Pearson), Linkage.Average);

        var order = clustering.LeafOrder;
        var clusters = clustering.ClustersAt(0.3).Clusters;

        Assert.Equal(Enumerable.Range(0, 30), order.Order());
        var positions = order.Select((f, i) => (clustering.Features[f], i)).ToDictionary(p => p.Item1, p => p.i);
        Assert.All(clusters, c => Assert.Equal(c.Count - 1, c.Max(f => positions[f]) - c.Min(f => positions[f])));
    }

    [Fact]
    public void Vif_of_two_features_is_one_over_one_minus_r_squared_and_of_an_exact_combination_infinite()
    {
        var random = new Random(5);
        var x1 = Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray();
        var x2 = x1.Select(v => v + random.NextDouble()).ToArray();
        var r = Correlation.Pearson(x1, x2);
        var pair = Matrix<double>.Build.Dense(200, 2, (i, j) => j == 0 ? x1[i] : x2[i]);
        var exact = Matrix<double>.Build.Dense(200, 3, (i, j) => j == 0 ? x1[i] : j == 1 ? x2[i] : x1[i] + 2 * x2[i]);

        Assert.Equal(1 / (1 - r * r), VarianceInflation.Of(pair, 0), 9);
        Assert.Equal(1 / (1 - r * r), VarianceInflation.Of(pair, 1), 9);
        Assert.True(double.IsPositiveInfinity(VarianceInflation.Of(exact, 2)));
    }

    [Fact]
    public void Vif_of_every_column_at_once_equals_each_column_regressed_on_the_others()
    {
        var x = Matrix<double>.Build.Dense(Wdbc.RowCount, 30, (r, f) => Wdbc[r, f]);
        var random = new Random(5);
        var x1 = Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray();
        var x2 = x1.Select(v => v + random.NextDouble()).ToArray();
        var exact = Matrix<double>.Build.Dense(200, 3, (i, j) => j == 0 ? x1[i] : j == 1 ? x2[i] : x1[i] + 2 * x2[i]);

        var all = VarianceInflation.All(x);

        Assert.True(all.Max() > 1000);
        for (var f = 0; f < 30; f++)
        {
            Assert.Equal(1, all[f] / VarianceInflation.Of(x, f), 9);
        }

        Assert.All(VarianceInflation.All(exact), v => Assert.True(double.IsPositiveInfinity(v)));
    }

    [Fact]
    public void Vif_equals_the_diagonal_of_the_inverse_correlation_matrix()
    {
        var vif = VarianceInflation.Of(Wdbc).Features.ToDictionary(v => v.Feature, v => v.Vif);
        var pearson = Correlation.PearsonMatrix(Enumerable.Range(0, 30).Select(Wdbc.Column).ToArray());
        var inverse = pearson.Inverse();

        for (var f = 0; f < 30; f++)
        {
            Assert.Equal(1, vif[Wdbc.FeatureNames[f]] / inverse[f, f], 6);
        }
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
