using BreastCancer.Analysis.Explanation;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class KernelShapTests(StudyRbfSvm study) : IClassFixture<StudyRbfSvm>
{
    [Theory]
    [InlineData(4, ShapOutputSpace.Probability)]
    [InlineData(5, ShapOutputSpace.LogOdds)]
    [InlineData(6, ShapOutputSpace.Probability)]
    [InlineData(6, ShapOutputSpace.LogOdds)]
    [InlineData(7, ShapOutputSpace.Probability)]
    [InlineData(8, ShapOutputSpace.LogOdds)]
    [InlineData(8, ShapOutputSpace.Probability)]
    public void With_every_coalition_the_values_are_the_brute_force_Shapley_values_of_the_interventional_game(int features, ShapOutputSpace space)
    {
        var model = new RandomNonlinearModel(features, seed: features);
        var random = new Random(features + 100);
        var background = new ShapBackground(Rows(random, 7, features), [.. Enumerable.Range(0, 7).Select(_ => random.NextDouble() + 0.1)]);
        var rows = Rows(random, 3, features);

        var explanation = KernelShap.Explain(model.Predict, background, rows, Names(features), new KernelShapOptions { OutputSpace = space });

        for (var r = 0; r < rows.Length; r++)
        {
            var expected = ShapleyBruteForce.Values(model.Predict, background, rows[r], space == ShapOutputSpace.LogOdds);
            Close(expected, explanation.Values[r], 1e-9);
        }

        var mean = background.Rows.Select((b, i) => background.Weights[i] * model.Predict([b])[0]).Sum();
        Assert.Equal(space == ShapOutputSpace.LogOdds ? Math.Log(mean / (1 - mean)) : mean, explanation.BaseValue, 1e-12);
    }

    [Theory]
    [InlineData(ShapOutputSpace.Probability)]
    [InlineData(ShapOutputSpace.LogOdds)]
    public void Sampled_values_of_the_RBF_SVM_on_WDBC_add_up_to_its_output(ShapOutputSpace space)
    {
        var background = ShapBackground.Sample(StudyRows.Training, 20, seed: 1);
        var rows = StudyRows.HeldOut[..4];

        var explanation = KernelShap.Explain(study.Model.PredictProbability, background, rows, StudyRows.Wdbc.FeatureNames,
            new KernelShapOptions { OutputSpace = space, MaxCoalitions = 200, Seed = 3 });

        var probabilities = study.Model.PredictProbability(rows);
        for (var r = 0; r < rows.Length; r++)
        {
            var p = probabilities[r];
            Assert.Equal(space == ShapOutputSpace.LogOdds ? Math.Log(p / (1 - p)) : p, explanation.Output(r), 1e-9);
        }

        var expected = background.Rows.Select((b, i) => background.Weights[i] * study.Model.PredictProbability([b])[0]).Sum();
        Assert.Equal(space == ShapOutputSpace.LogOdds ? Math.Log(expected / (1 - expected)) : expected, explanation.BaseValue, 1e-12);
    }

    [Theory]
    [InlineData(ShapOutputSpace.Probability)]
    [InlineData(ShapOutputSpace.LogOdds)]
    public void With_every_coalition_features_entering_alike_get_equal_values_and_an_ignored_feature_gets_zero(ShapOutputSpace space)
    {
        double[] x = [0.7, 0.7, -0.4, 1.1, 0.3, -0.9];
        var explanation = KernelShap.Explain(Interacting, SwapClosed(new Random(5), 6, 6), [x], Names(6), new KernelShapOptions { OutputSpace = space });

        var phi = explanation.Values[0];
        Assert.Equal(phi[0], phi[1], 1e-9);
        Assert.Equal(0, phi[5], 1e-9);
        Assert.True(Math.Abs(phi[0]) > 1e-3, $"the symmetric features' value {phi[0]} should not be trivially 0");
    }

    [Fact]
    public void Sampled_values_of_an_additive_model_keep_symmetry_and_dummy_exactly()
    {
        double[] x = [0.7, 0.7, -0.4, 1.1, 0.3, -0.9, 0.2, 0.5, -0.6, 0.8, -0.1, 0.4];
        var background = SwapClosed(new Random(6), 8, 12);

        var explanation = KernelShap.Explain(Additive, background, [x], Names(12), new KernelShapOptions { MaxCoalitions = 100, Seed = 2 });

        var phi = explanation.Values[0];
        Assert.Equal(phi[0], phi[1], 1e-9);
        Assert.Equal(0, phi[5], 1e-9);
        Close(ShapleyBruteForce.Values(Additive, background, x, logOdds: false), phi, 1e-9);
    }

    [Fact]
    public void With_every_coalition_a_linear_model_gets_the_closed_form_values()
    {
        var random = new Random(7);
        const int features = 10;
        var (model, weights) = Linear(random, features);
        var background = new ShapBackground(Rows(random, 9, features), [.. Enumerable.Range(0, 9).Select(_ => random.NextDouble() + 0.1)]);
        var rows = Rows(random, 3, features);

        var explanation = KernelShap.Explain(model, background, rows, Names(features), new KernelShapOptions());

        Close(ClosedForm(weights, background, rows), explanation.Values, 1e-9);
    }

    [Fact]
    public void Sampled_values_of_a_linear_model_on_WDBC_match_the_closed_form_and_linear_SHAP()
    {
        var random = new Random(8);
        var (model, weights) = Linear(random, 30);
        var background = ShapBackground.Sample(StudyRows.Training, 25, seed: 2);
        var rows = StudyRows.HeldOut[..5];

        var explanation = KernelShap.Explain(model, background, rows, StudyRows.Wdbc.FeatureNames, new KernelShapOptions { MaxCoalitions = 150, Seed = 4 });

        Close(ClosedForm(weights, background, rows), explanation.Values, 1e-9);
        var linear = LinearShap.Explain(weights, 0.25, background.Rows, rows, StudyRows.Wdbc.FeatureNames, ShapOutputSpace.Probability);
        Close(linear.Values, explanation.Values, 1e-9);
        Assert.Equal(linear.BaseValue, explanation.BaseValue, 1e-9);
    }

    [Fact]
    public void The_same_seed_gives_the_same_values_whatever_the_workers_and_another_seed_other_samples()
    {
        var model = new RandomNonlinearModel(14, seed: 9);
        var random = new Random(9);
        var background = ShapBackground.Of(Rows(random, 6, 14));
        var rows = Rows(random, 5, 14);
        KernelShapOptions options = new() { MaxCoalitions = 300, Seed = 11, OutputSpace = ShapOutputSpace.LogOdds };

        var one = KernelShap.Explain(model.Predict, background, rows, Names(14), options with { Workers = 1 });
        var two = KernelShap.Explain(model.Predict, background, rows, Names(14), options with { Workers = 2 });
        var again = KernelShap.Explain(model.Predict, background, rows, Names(14), options with { Workers = 2 });
        var other = KernelShap.Explain(model.Predict, background, rows, Names(14), options with { Seed = 12 });

        for (var r = 0; r < rows.Length; r++)
        {
            Assert.Equal(one.Values[r], two.Values[r]);
            Assert.Equal(two.Values[r], again.Values[r]);
        }

        Assert.Contains(Enumerable.Range(0, rows.Length), r => !one.Values[r].SequenceEqual(other.Values[r]));
    }

    [Fact]
    public void A_feature_equal_in_the_row_and_every_background_row_gets_zero_and_the_rest_stay_exact()
    {
        var model = new RandomNonlinearModel(6, seed: 10);
        var random = new Random(10);
        var rows = Rows(random, 5, 6);
        foreach (var row in rows)
        {
            row[2] = 0.25;
        }

        var background = ShapBackground.Of(rows[1..]);

        var explanation = KernelShap.Explain(model.Predict, background, [rows[0]], Names(6), new KernelShapOptions());

        Assert.Equal(0, explanation.Values[0][2]);
        Close(ShapleyBruteForce.Values(model.Predict, background, rows[0], logOdds: false), explanation.Values[0], 1e-9);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_message_naming_the_problem()
    {
        var background = ShapBackground.Of(Rows(new Random(1), 4, 3));
        var rows = Rows(new Random(2), 2, 3);
        var model = new RandomNonlinearModel(3, seed: 1);

        Assert.Contains("3 features", Assert.Throws<ArgumentException>(() =>
            KernelShap.Explain(model.Predict, background, [[1, 2]], Names(3), new KernelShapOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("2 feature names", Assert.Throws<ArgumentException>(() =>
            KernelShap.Explain(model.Predict, background, rows, Names(2), new KernelShapOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("fewer than 2 coalitions", Assert.Throws<ArgumentOutOfRangeException>(() => new KernelShapOptions { MaxCoalitions = 1 }).Message, StringComparison.Ordinal);
        Assert.Contains("at least one coalition per feature", Assert.Throws<ArgumentException>(() =>
            KernelShap.Explain(model.Predict, ShapBackground.Of(Rows(new Random(3), 4, 30)), Rows(new Random(4), 1, 30), Names(30),
                new KernelShapOptions { MaxCoalitions = 20 })).Message, StringComparison.Ordinal);
        Assert.Contains("one per row", Assert.Throws<InvalidOperationException>(() =>
            KernelShap.Explain(r => [.. model.Predict(r).Skip(1)], background, rows, Names(3), new KernelShapOptions())).Message, StringComparison.Ordinal);
        Assert.Contains("strictly between 0 and 1", Assert.Throws<InvalidOperationException>(() =>
            KernelShap.Explain(r => [.. r.Select(x => x[0] > 0 ? 1.0 : 0.5)], background, [[1, 1, 1]], Names(3),
                new KernelShapOptions { OutputSpace = ShapOutputSpace.LogOdds })).Message, StringComparison.Ordinal);
    }

    /// <summary>Features 0 and 1 enter alike (through a product, a max and an exponential), feature 5 not at all.</summary>
    private static double[] Interacting(IReadOnlyList<double[]> rows) =>
        [.. rows.Select(x => 1 / (1 + Math.Exp(-(x[0] * x[1] * x[2] + Math.Max(x[0], x[1]) * x[3] + Math.Exp((x[0] + x[1]) / 2) * x[4]))))];

    /// <summary>A sum of nonlinear terms of one feature each: features 0 and 1 alike, feature 5 ignored.</summary>
    private static double[] Additive(IReadOnlyList<double[]> rows) =>
        [.. rows.Select(x => Math.Exp(x[0]) + Math.Exp(x[1]) + Math.Max(x[2], 0) + x[3] * x[3] + Math.Sin(x[4])
            + x.Skip(6).Select((v, i) => (i + 1) * Math.Tanh(v)).Sum())];

    /// <summary>A background closed under swapping features 0 and 1, with the swapped copy weighted as its original.</summary>
    private static ShapBackground SwapClosed(Random random, int count, int features)
    {
        var rows = Rows(random, count, features);
        var weights = rows.Select(_ => random.NextDouble() + 0.1).ToArray();
        var swapped = rows.Select(r => (double[])[r[1], r[0], .. r[2..]]);
        return new ShapBackground([.. rows, .. swapped], [.. weights, .. weights]);
    }

    private static (Func<IReadOnlyList<double[]>, double[]> Model, double[] Weights) Linear(Random random, int features)
    {
        var weights = Enumerable.Range(0, features).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        return (rows => [.. rows.Select(x => weights.Select((w, i) => w * x[i]).Sum() + 0.25)], weights);
    }

    /// <summary>φᵢ = wᵢ (xᵢ − E_b[xᵢ]), the expectation weighted by the background's weights (Lundberg &amp; Lee 2017, linear SHAP).</summary>
    private static double[][] ClosedForm(double[] weights, ShapBackground background, double[][] rows)
    {
        var means = weights.Select((_, i) => background.Rows.Select((b, k) => background.Weights[k] * b[i]).Sum()).ToArray();
        return [.. rows.Select(x => weights.Select((w, i) => w * (x[i] - means[i])).ToArray())];
    }

    private static double[][] Rows(Random random, int count, int features) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, features).Select(_ => 2 * random.NextDouble() - 1).ToArray())];

    private static string[] Names(int features) => [.. Enumerable.Range(0, features).Select(i => $"x{i}")];

    private static void Close(IReadOnlyList<double[]> expected, IReadOnlyList<double[]> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            Close(expected[r], actual[r], tolerance);
        }
    }

    private static void Close(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= tolerance, $"max |Δφ| = {worst:E2} > {tolerance:E0}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
    }
}
