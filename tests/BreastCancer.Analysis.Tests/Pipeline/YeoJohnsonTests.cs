using System.Text.Json.Nodes;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Pipeline;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Tests.Pipeline;

public sealed class YeoJohnsonTests
{
    /// <summary>scikit-learn 1.2.1's PowerTransformer(method="yeo-johnson"), by Fixtures/make_power_transform_fixtures.py.</summary>
    private static readonly JsonNode Reference = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "power_transform.json")))!;
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));

    private static double[] Values(JsonNode node) => [.. node.AsArray().Select(v => (double)v!)];

    private static double[][] Rows(params double[][] columns) => [.. Enumerable.Range(0, columns[0].Length).Select(i => columns.Select(c => c[i]).ToArray())];

    [Theory]
    [InlineData("area_mean")]
    [InlineData("texture_worst")]
    [InlineData("concavity_se")]
    [InlineData("fractal_dimension_se")]
    public void Lambda_and_transformed_values_equal_scikit_learns_power_transformer_on_a_wdbc_feature(string feature)
    {
        var expected = Reference["wdbc"]![feature]!;
        var column = Wdbc.Column(feature);

        var fitted = (YeoJohnson.FittedYeoJohnson)new YeoJohnson().Fit(Rows(column), new bool[column.Length]);
        var transformed = fitted.Transform(Rows(column)).Select(r => r[0]).ToArray();

        var (lambda, values) = ((double)expected["lambda"]!, Values(expected["transformed"]!));
        Assert.Equal(1, fitted.Lambdas[0] / lambda, 6);
        var range = values.Max() - values.Min();
        Assert.All(values.Zip(transformed), p => Assert.Equal(p.First, p.Second, range * 1e-6));
    }

    [Fact]
    public void Negative_values_take_the_other_branch_as_in_scikit_learn()
    {
        var expected = Reference["mixed"]!;
        var values = Values(expected["values"]!);

        var lambda = YeoJohnson.FitLambda(values);

        Assert.Equal((double)expected["lambda"]!, lambda, 6);
        Assert.All(Values(expected["transformed"]!).Zip(values), p => Assert.Equal(p.First, YeoJohnson.Transform(p.Second, lambda), 1e-6));
    }

    [Fact]
    public void Followed_by_the_standardizer_it_is_scikit_learns_default_up_to_the_ratio_of_sample_and_population_sd()
    {
        var column = Wdbc.Column("concavity_se");
        var rows = Rows(column);
        var pipeline = new[] { new YeoJohnson().Fit(rows, new bool[rows.Length]) };

        var standardised = new Standardizer().Fit(pipeline[0].Transform(rows), new bool[rows.Length]).Transform(pipeline[0].Transform(rows));

        var n = column.Length;
        var expected = Values(Reference["wdbc"]!["concavity_se"]!["standardized"]!);
        Assert.All(expected.Zip(standardised), p => Assert.Equal(p.First, p.Second[0] * Math.Sqrt(n / (n - 1.0)), 1e-5));
    }

    [Fact]
    public void At_lambda_0_and_2_the_transform_and_its_inverse_are_the_closed_forms()
    {
        // λ = 0: log(1 + x) for x ≥ 0; −((1 − x)² − 1) / 2 for x < 0, so −(16 − 1) / 2 = −7.5 at x = −3.
        // λ = 2: ((1 + x)² − 1) / 2 for x ≥ 0, so 7.5 at x = 3; −log(1 − x) for x < 0.
        Assert.Equal(Math.Log(4), YeoJohnson.Transform(3, 0), 14);
        Assert.Equal(-7.5, YeoJohnson.Transform(-3, 0), 13);
        Assert.Equal(7.5, YeoJohnson.Transform(3, 2), 13);
        Assert.Equal(-Math.Log(4), YeoJohnson.Transform(-3, 2), 14);
        Assert.Equal(0, YeoJohnson.Transform(0, -21.9));

        // the inverses: e^y − 1 at λ = 0 for y ≥ 0, 1 − e^(−y) at λ = 2 for y < 0, and the square roots of the quadratics
        Assert.Equal(3, YeoJohnson.Inverse(Math.Log(4), 0), 13);
        Assert.Equal(-3, YeoJohnson.Inverse(-7.5, 0), 13);
        Assert.Equal(3, YeoJohnson.Inverse(7.5, 2), 13);
        Assert.Equal(-3, YeoJohnson.Inverse(-Math.Log(4), 2), 13);
    }

    [Theory]
    [InlineData(-21.9)]
    [InlineData(-0.5)]
    [InlineData(1e-20)]
    [InlineData(1)]
    [InlineData(3.5)]
    public void The_inverse_undoes_the_transform_on_both_sides_of_zero(double lambda)
    {
        foreach (var x in new[] { -0.9, -0.01, 0, 0.004, 0.05, 0.4 })
        {
            Assert.Equal(x, YeoJohnson.Inverse(YeoJohnson.Transform(x, lambda), lambda), 12);
        }

        Assert.Equal(0.05, YeoJohnson.Transform(0.05, 1), 15);
    }

    [Fact]
    public void The_likelihood_is_the_formula_computed_by_hand()
    {
        // λ = 0 on 0, 1, 3: ψ = 0, log 2, log 4 = 2 log 2 with mean log 2 and population variance (2/3)(log 2)²;
        // ℓ = −3/2 · log σ² + (0 − 1)(log 2 + log 4)
        var expected = -1.5 * Math.Log(2.0 / 3 * Math.Log(2) * Math.Log(2)) - 3 * Math.Log(2);

        Assert.Equal(expected, YeoJohnson.LogLikelihood([0, 1, 3], 0), 12);
    }

    [Fact]
    public void The_fitted_lambda_maximises_the_likelihood()
    {
        foreach (var values in new[] { Wdbc.Column("concavity_se"), Wdbc.Column("area_mean"), Values(Reference["mixed"]!["values"]!) })
        {
            var lambda = YeoJohnson.FitLambda(values);

            var best = YeoJohnson.LogLikelihood(values, lambda);
            Assert.True(best >= YeoJohnson.LogLikelihood(values, lambda - 0.01), $"λ = {lambda}");
            Assert.True(best >= YeoJohnson.LogLikelihood(values, lambda + 0.01), $"λ = {lambda}");
        }
    }

    [Fact]
    public void It_removes_the_skew_of_concavity_se_that_log_1_plus_x_leaves()
    {
        var column = Wdbc.Column("concavity_se");
        var lambda = YeoJohnson.FitLambda(column);

        var (raw, logged, transformed) = (column.Skewness(), column.Select(v => Math.Log(1 + v)).Skewness(), column.Select(v => YeoJohnson.Transform(v, lambda)).Skewness());

        Assert.InRange(raw, 5, 5.2);
        Assert.InRange(logged, 4.1, 4.3);
        Assert.InRange(transformed, -0.2, 0.2);
    }

    [Fact]
    public void Fitted_on_rows_A_it_transforms_rows_B_with_the_lambdas_of_A_only()
    {
        var (area, concavity) = (Wdbc.Column("area_mean"), Wdbc.Column("concavity_se"));
        var a = Enumerable.Range(0, 100).ToArray();
        var b = Enumerable.Range(100, 469).ToArray();
        var (lambdaArea, lambdaConcavity) = (YeoJohnson.FitLambda([.. a.Select(i => area[i])]), YeoJohnson.FitLambda([.. a.Select(i => concavity[i])]));

        var fitted = (YeoJohnson.FittedYeoJohnson)new YeoJohnson().Fit(Rows([.. a.Select(i => area[i])], [.. a.Select(i => concavity[i])]), new bool[a.Length]);
        var rowsB = Rows([.. b.Select(i => area[i])], [.. b.Select(i => concavity[i])]);
        var transformed = fitted.Transform(rowsB);

        Assert.Equal([lambdaArea, lambdaConcavity], fitted.Lambdas);
        Assert.NotEqual(YeoJohnson.FitLambda([.. b.Select(i => concavity[i])]), lambdaConcavity, 2);
        Assert.All(rowsB.Zip(transformed), p =>
        {
            Assert.Equal(YeoJohnson.Transform(p.First[0], lambdaArea), p.Second[0], 14);
            Assert.Equal(YeoJohnson.Transform(p.First[1], lambdaConcavity), p.Second[1], 14);
        });
    }

    [Fact]
    public void Bad_input_is_refused_naming_what_and_where()
    {
        var step = new YeoJohnson();
        double[][] missing = [[1, 2, 3], [2, 4, double.NaN], [3, 1, 5]];
        double[][] constant = [[1, 0.5], [2, 0.5], [4, 0.5]];
        double[][] infinite = [[1], [double.PositiveInfinity]];
        var fitted = step.Fit([[1.0], [2.0], [5.0]], [false, true, true]);

        Assert.Contains("feature 2, training row 1 is NaN", Assert.Throws<ArgumentException>(() => step.Fit(missing, [false, true, false])).Message, StringComparison.Ordinal);
        Assert.Contains("feature 1 is constant (all 3 values are 0.5)", Assert.Throws<ArgumentException>(() => step.Fit(constant, [false, true, false])).Message, StringComparison.Ordinal);
        Assert.Contains("feature 0, training row 1 is Infinity", Assert.Throws<ArgumentException>(() => step.Fit(infinite, [false, true])).Message, StringComparison.Ordinal);
        Assert.Contains("training row 1 has 1 features, row 0 has 2", Assert.Throws<ArgumentException>(() => step.Fit([[1, 2], [3]], [false, true])).Message, StringComparison.Ordinal);
        Assert.Contains("row 0, feature 0 is NaN", Assert.Throws<ArgumentException>(() => fitted.Transform([[double.NaN]])).Message, StringComparison.Ordinal);
        Assert.Contains("row 0 has 2 features; the transform was fitted on 1", Assert.Throws<ArgumentException>(() => fitted.Transform([[1, 2]])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => YeoJohnson.Inverse(0.5, -2));
    }
}
