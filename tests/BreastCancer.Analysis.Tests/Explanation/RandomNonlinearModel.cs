namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>
/// A seeded random model with interactions, for testing explainers against brute force: the logistic of
/// g(x) = Σ aᵢxᵢ + b·x_p·x_q + c·max(x_r, x_s) + d·exp(x_t / 2) + e·x_u·x_v·x_w, with random coefficients and features,
/// so its output is a probability in (0, 1).
/// </summary>
internal sealed class RandomNonlinearModel
{
    private readonly double[] _linear;
    private readonly double[] _coefficients;
    private readonly int[] _features;

    public RandomNonlinearModel(int features, int seed)
    {
        var random = new Random(seed);
        _linear = [.. Enumerable.Range(0, features).Select(_ => random.NextDouble() - 0.5)];
        _coefficients = [.. Enumerable.Range(0, 4).Select(_ => 2 * random.NextDouble() - 1)];
        _features = [.. Enumerable.Range(0, 8).Select(_ => random.Next(features))];
    }

    public double[] Predict(IReadOnlyList<double[]> rows) => [.. rows.Select(Predict)];

    private double Predict(double[] x)
    {
        var f = _features;
        var g = _linear.Select((a, i) => a * x[i]).Sum()
            + _coefficients[0] * x[f[0]] * x[f[1]]
            + _coefficients[1] * Math.Max(x[f[2]], x[f[3]])
            + _coefficients[2] * Math.Exp(x[f[4]] / 2)
            + _coefficients[3] * x[f[5]] * x[f[6]] * x[f[7]];
        return 1 / (1 + Math.Exp(-g));
    }
}
