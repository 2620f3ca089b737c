using System.Runtime.ExceptionServices;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Model-agnostic SHAP values by Kernel SHAP (Lundberg &amp; Lee, NeurIPS 2017, section 4.1 and Theorem 2): the SHAP
/// values of row x are the coefficients of the weighted linear regression of g(v(S)) on the coalition masks z ∈ {0, 1}^M,
/// weighted by the Shapley kernel π(S) = (M − 1) / (C(M, |S|) · |S| · (M − |S|)), where v is the interventional value
/// function v(S) = Σ_b w_b · f(x_S, b_S̄) over a weighted <see cref="ShapBackground"/> (a feature outside S takes the
/// background row's value) and g is the link (identity, or the logit for log-odds). The infinite weights of the empty and
/// the full coalition are imposed as constraints, as shap's <c>KernelExplainer</c> does: the base value is
/// φ₀ = g(v(∅)) = g(E_b f(b)) and the values sum to g(f(x)) − φ₀ exactly, the last varying feature's coefficient being
/// eliminated from the regression. With every coalition the result is the exact Shapley values of g∘v; with fewer, the
/// coalitions are shap's design (<see cref="CoalitionDesign"/>). shap's optional L1 feature selection is not done.
/// </summary>
public static class KernelShap
{
    /// <summary>
    /// The Kernel SHAP values of <paramref name="model"/> for each of <paramref name="rows"/>. A feature whose value in a
    /// row equals its value in every background row (NaN equal to NaN) cannot change any coalition's value: it gets 0
    /// and is left out of that row's regression, as shap does. The model is called once on the background, then once per
    /// explained row on one batch of (coalitions × background rows + 1) masked rows, the last being the row itself; the
    /// batch's arrays are reused between rows, so the model must not keep them. Rows are explained in parallel (up to
    /// <see cref="KernelShapOptions.Workers"/>), so the model must be safe to call from several threads.
    /// </summary>
    /// <param name="model">Maps rows in the data's units to one output each (a probability for log-odds).</param>
    /// <param name="background">The reference rows and weights.</param>
    /// <param name="rows">The rows to explain, in the data's units; a NaN cell is passed to the model as it is.</param>
    /// <param name="featureNames">One name per feature.</param>
    /// <param name="options">The output space, the coalition budget, the seed and the workers.</param>
    /// <exception cref="ArgumentException">The names or a row do not have one entry per background feature, or the budget is below the number of varying features of a row that needs sampling.</exception>
    /// <exception cref="InvalidOperationException">The model returns the wrong number of outputs or a non-finite one, a log-odds is infinite (an expected output of 0 or 1), or the sampled coalitions do not determine the values.</exception>
    public static ShapExplanation Explain(Func<IReadOnlyList<double[]>, double[]> model, ShapBackground background, IReadOnlyList<double[]> rows,
        IReadOnlyList<string> featureNames, KernelShapOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Explain(new RowsMaskedModel(model), background, rows, featureNames, options);
    }

    /// <summary>
    /// The Kernel SHAP values of <paramref name="model"/>, whose outputs on the masked rows may be computed without
    /// building them (<see cref="RbfMaskedModel"/>); otherwise as <see cref="Explain(Func{IReadOnlyList{double[]}, double[]}, ShapBackground, IReadOnlyList{double[]}, IReadOnlyList{string}, KernelShapOptions)"/>.
    /// </summary>
    internal static ShapExplanation Explain(MaskedModel model, ShapBackground background, IReadOnlyList<double[]> rows,
        IReadOnlyList<string> featureNames, KernelShapOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(options);
        var width = background.Width;
        if (featureNames.Count != width)
        {
            throw new ArgumentException($"{featureNames.Count} feature names for a background of {width} features", nameof(featureNames));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null || rows[r].Length != width)
            {
                throw new ArgumentException($"row {r} has {rows[r]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values for a background of {width} features", nameof(rows));
            }
        }

        var link = Link(options.OutputSpace);
        var baseOutputs = Evaluate(model.Outputs(background.Rows), background.Rows.Count, "the background");
        var baseValue = link(Expectation(baseOutputs, 0, background.Weights), "the background (the empty coalition)");
        var varying = rows.Select(Varying(background)).ToArray();
        var tooFew = Array.FindIndex(varying, v => v.Length >= 2 && (options.MaxCoalitions ?? int.MaxValue) < v.Length);
        if (tooFew >= 0)
        {
            throw new ArgumentException($"row {tooFew} has {varying[tooFew].Length} varying features but MaxCoalitions is {options.MaxCoalitions}: the regression needs at least one coalition per feature", nameof(options));
        }

        var values = new double[rows.Count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Workers ?? Environment.ProcessorCount };
        try
        {
            Parallel.For(0, rows.Count, parallel, () => model.Worker(background), (r, _, coalitions) =>
            {
                values[r] = ExplainRow(model, coalitions, background, rows[r], r, varying[r], baseValue, link, options);
                return coalitions;
            }, _ => { });
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        var budget = options.MaxCoalitions is { } b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "2·M + 2048";
        return new ShapExplanation(featureNames, baseValue, values, [.. rows.Select(r => (double[])r.Clone())], options.OutputSpace,
            $"Kernel SHAP (interventional, {background.Rows.Count}-row background, at most {budget} coalitions, seed {options.Seed})");
    }

    /// <summary>The features of a row whose value differs from some background row's (NaN equal to NaN).</summary>
    private static Func<double[], int[]> Varying(ShapBackground background) =>
        x => [.. Enumerable.Range(0, x.Length).Where(f => background.Rows.Any(b => !b[f].Equals(x[f])))];

    private static double[] ExplainRow(MaskedModel model, Func<double[], int[], IReadOnlyList<bool[]>, double[]> coalitions, ShapBackground background,
        double[] x, int index, int[] varying, double baseValue, Func<double, string, double> link, KernelShapOptions options)
    {
        var width = x.Length;
        var m = varying.Length;
        var phi = new double[width];
        if (m < 2)
        {
            var fx = link(Evaluate(model.Outputs([x]), 1, $"row {index}")[0], $"row {index}");
            if (m == 1)
            {
                phi[varying[0]] = fx - baseValue;
            }

            return phi;
        }

        var budget = options.MaxCoalitions ?? KernelShapOptions.DefaultMaxCoalitions(m);
        var design = CoalitionDesign.Build(m, budget, new Random(RowSeed(options.Seed, index)));
        var n = background.Rows.Count;
        var outputs = Evaluate(coalitions(x, varying, design.Masks), design.Masks.Count * n + 1, $"row {index}'s coalitions");
        var total = link(outputs[^1], $"row {index}") - baseValue;
        var k = design.Masks.Count;
        var a = new double[k * (m - 1)];
        var y = new double[k];
        for (var c = 0; c < k; c++)
        {
            var mask = design.Masks[c];
            var root = Math.Sqrt(design.Weights[c]);
            var last = mask[m - 1] ? 1.0 : 0.0;
            for (var i = 0; i < m - 1; i++)
            {
                a[i * k + c] = root * ((mask[i] ? 1.0 : 0.0) - last);
            }

            y[c] = root * (link(Expectation(outputs, c * n, background.Weights), $"row {index}'s coalition {c}") - baseValue - last * total);
        }

        var beta = HouseholderLeastSquares.Solve(a, k, m - 1, y)
            ?? throw new InvalidOperationException($"the {k} coalitions sampled for row {index} do not determine its {m} SHAP values; raise MaxCoalitions");
        for (var i = 0; i < m - 1; i++)
        {
            phi[varying[i]] = beta[i];
        }

        phi[varying[m - 1]] = total - beta.Sum();
        return phi;
    }

    private static double[] Evaluate(double[]? outputs, int rows, string what)
    {
        if (outputs is null)
        {
            throw new InvalidOperationException($"the model returned nothing for {what}");
        }

        if (outputs.Length != rows)
        {
            throw new InvalidOperationException($"the model returned {outputs.Length} outputs for the {rows} rows of {what}: it must return one per row");
        }

        var bad = Array.FindIndex(outputs, o => !double.IsFinite(o));
        if (bad >= 0)
        {
            throw new InvalidOperationException($"the model returned {outputs[bad]} for row {bad} of {what}: outputs must be finite");
        }

        return outputs;
    }

    private static double Expectation(double[] outputs, int start, IReadOnlyList<double> weights)
    {
        var sum = 0.0;
        for (var b = 0; b < weights.Count; b++)
        {
            sum += weights[b] * outputs[start + b];
        }

        return sum;
    }

    private static Func<double, string, double> Link(ShapOutputSpace space) => space switch
    {
        ShapOutputSpace.LogOdds => (p, what) => p is > 0 and < 1
            ? Math.Log(p / (1 - p))
            : throw new InvalidOperationException($"the expected model output for {what} is {p}: log-odds need a probability strictly between 0 and 1"),
        ShapOutputSpace.Probability or ShapOutputSpace.Margin => (v, _) => v,
        _ => throw new ArgumentOutOfRangeException(nameof(space), space, "not an output space"),
    };

    /// <summary>A seed for row <paramref name="row"/>'s coalitions from the options' seed (SplitMix64's finaliser), so rows draw independently of the order they are worked on.</summary>
    private static int RowSeed(int seed, int row)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)row) + 0x9E3779B97F4A7C15UL;
        z = (z ^ z >> 30) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ z >> 27) * 0x94D049BB133111EBUL;
        return (int)(z ^ z >> 31);
    }
}
