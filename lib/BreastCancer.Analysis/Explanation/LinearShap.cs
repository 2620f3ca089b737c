namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Exact SHAP values of a model linear in its inputs, f(x) = w·x + c, with the inputs treated as independent (Lundberg
/// &amp; Lee, NeurIPS 2017, section 4, "Linear SHAP"): φᵢ = wᵢ (xᵢ − E[xᵢ]), the expectation over background rows, and
/// the base value w·E[x] + c. For logistic regression and a Platt-scaled linear SVM the log-odds of malignancy are linear
/// in the inputs, so the values are exact in log-odds.
/// </summary>
public static class LinearShap
{
    /// <summary>The SHAP values of f(x) = <paramref name="weights"/>·x + <paramref name="intercept"/> for each of <paramref name="rows"/>.</summary>
    /// <param name="weights">One weight per input.</param>
    /// <param name="intercept">The constant c.</param>
    /// <param name="background">The rows whose mean is the reference point (the training rows), in the same inputs.</param>
    /// <param name="rows">The rows to explain.</param>
    /// <param name="featureNames">One name per input.</param>
    /// <param name="space">The scale f is on (log-odds for a logistic model).</param>
    /// <exception cref="ArgumentException">The background is empty, or a row, the background or the names do not have one entry per weight.</exception>
    public static ShapExplanation Explain(IReadOnlyList<double> weights, double intercept, IReadOnlyList<double[]> background, IReadOnlyList<double[]> rows,
        IReadOnlyList<string> featureNames, ShapOutputSpace space)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (background.Count == 0)
        {
            throw new ArgumentException("the background has no rows: the expected input is undefined", nameof(background));
        }

        Require(featureNames.Count == weights.Count, nameof(featureNames), $"{featureNames.Count} feature names for {weights.Count} weights");
        RequireWidth(background, weights.Count, nameof(background));
        RequireWidth(rows, weights.Count, nameof(rows));
        return AtMeans(weights, intercept, Means(background, weights.Count), rows, featureNames, space);
    }

    /// <summary>The mean of each of the <paramref name="width"/> inputs over <paramref name="background"/>: the reference point of <see cref="AtMeans"/>.</summary>
    internal static double[] Means(IReadOnlyList<double[]> background, int width) =>
        [.. Enumerable.Range(0, width).Select(i => background.Average(b => b[i]))];

    /// <summary>
    /// <see cref="Explain"/> with the background's means given (<see cref="Means"/>), so that a caller explaining many
    /// requests against the same background averages it once; the rows' and names' widths must already be checked.
    /// </summary>
    internal static ShapExplanation AtMeans(IReadOnlyList<double> weights, double intercept, double[] means, IReadOnlyList<double[]> rows,
        IReadOnlyList<string> featureNames, ShapOutputSpace space)
    {
        var baseValue = intercept + means.Select((m, i) => weights[i] * m).Sum();
        var values = rows.Select(r => r.Select((x, i) => weights[i] * (x - means[i])).ToArray()).ToArray();
        return new ShapExplanation(featureNames, baseValue, values, rows, space, "linear SHAP (exact, independent features)");
    }

    private static void RequireWidth(IReadOnlyList<double[]> rows, int width, string name)
    {
        var index = rows.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Length != width);
        Require(index.r is null, name, $"row {index.i} has {index.r?.Length} values for {width} weights");
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException(problem, name);
        }
    }
}
