using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Exact path-dependent TreeSHAP (Lundberg, Erion &amp; Lee, arXiv:1802.03888, 2018; Lundberg et al., Nature Machine
/// Intelligence 2, 2020, Algorithm 2): the Shapley values of v(S) = E[f(x) | x_S], the expectation taken over the
/// tree's own covers, for every feature of a tree ensemble in O(L·D²) per tree and row (L leaves, depth D). The path of
/// the features met from the root is kept with each one's zero fraction (the share of background rows following the
/// branch) and one fraction (1 if the explained row follows it); EXTEND adds a split, UNWIND removes one, and a feature
/// split on again below is unwound first so that each feature appears on the path once.
/// <para>
/// The fraction of a child is its cover over its parent's; a node no background row reaches gives each child one half,
/// so that v(S) is defined everywhere (any rule does for local accuracy; this one is the rule the values are exact for).
/// </para>
/// </summary>
public static class TreeShap
{
    /// <summary>The <see cref="ShapExplanation.Method"/> of the explanations made here.</summary>
    public const string Method = "TreeSHAP (exact, path-dependent)";

    /// <summary>The <see cref="ShapInteractionValues.Method"/> of the interaction values made here.</summary>
    public const string InteractionMethod = "TreeSHAP interaction values (exact, path-dependent)";

    /// <summary>
    /// The SHAP values of <paramref name="ensemble"/>'s output for each of <paramref name="rows"/>, in
    /// <see cref="ShapOutputSpace.Margin"/> (the ensemble's raw score), with the base value the cover-weighted expected
    /// output bias + Σₜ wₜ Σ_leaves cover(leaf) / cover(root) · value; base + Σᵢ φᵢ = <see cref="TreeEnsemble.Output"/>.
    /// </summary>
    /// <param name="ensemble">The trees, with covers from the background rows.</param>
    /// <param name="rows">The rows to explain, each of <see cref="TreeEnsemble.FeatureCount"/> values, as the model sees them.</param>
    /// <param name="featureNames">One name per feature.</param>
    /// <param name="workers">Rows explained in parallel, ≥ 1; the values do not depend on it.</param>
    /// <exception cref="ArgumentException">A row or the names do not have one entry per feature.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">A tree has no background rows (a zero root cover).</exception>
    public static ShapExplanation Explain(TreeEnsemble ensemble, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames, int workers = 1)
    {
        Check(ensemble, rows, featureNames, workers);
        var baseValue = ensemble.ExpectedOutput();
        var values = PerRow(ensemble, rows, workers, (path, row) => path.Values(ensemble, row));
        return new ShapExplanation(featureNames, baseValue, values, rows, ShapOutputSpace.Margin, Method);
    }

    /// <summary>
    /// The SHAP interaction values of <paramref name="ensemble"/>'s output for each of <paramref name="rows"/>, in
    /// <see cref="ShapOutputSpace.Margin"/> (Lundberg et al. 2020, "SHAP interaction values"): for i ≠ j,
    /// Φᵢⱼ = (φᵢ with j always known − φᵢ with j never known) / 2, each by TreeSHAP conditioned on j, and
    /// Φᵢᵢ = φᵢ − Σ_{j≠i} Φᵢⱼ. About 2M + 1 times the cost of <see cref="Explain"/> for M features split on.
    /// </summary>
    /// <param name="ensemble">The trees, with covers from the background rows.</param>
    /// <param name="rows">The rows to explain, each of <see cref="TreeEnsemble.FeatureCount"/> values, as the model sees them.</param>
    /// <param name="featureNames">One name per feature.</param>
    /// <param name="workers">Rows explained in parallel, ≥ 1; the values do not depend on it.</param>
    /// <exception cref="ArgumentException">A row or the names do not have one entry per feature.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException">A tree has no background rows (a zero root cover).</exception>
    public static ShapInteractionValues Interactions(TreeEnsemble ensemble, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames, int workers = 1)
    {
        Check(ensemble, rows, featureNames, workers);
        var baseValue = ensemble.ExpectedOutput();
        var used = ensemble.Trees.SelectMany(t => t.SplitFeatures).Distinct().Order().ToArray();
        var values = PerRow(ensemble, rows, workers, (path, row) =>
        {
            var phi = path.Values(ensemble, row);
            var matrix = new double[ensemble.FeatureCount, ensemble.FeatureCount];
            foreach (var j in used)
            {
                var on = path.Values(ensemble, row, j, on: true);
                var off = path.Values(ensemble, row, j, on: false);
                for (var i = 0; i < phi.Length; i++)
                {
                    matrix[i, j] = i == j ? 0 : (on[i] - off[i]) / 2;
                }
            }

            for (var i = 0; i < phi.Length; i++)
            {
                var offDiagonal = 0.0;
                for (var j = 0; j < phi.Length; j++)
                {
                    offDiagonal += i == j ? 0 : matrix[i, j];
                }

                matrix[i, i] = phi[i] - offDiagonal;
            }

            return matrix;
        });
        return new ShapInteractionValues(featureNames, baseValue, values, rows, ShapOutputSpace.Margin, InteractionMethod);
    }

    private static T[] PerRow<T>(TreeEnsemble ensemble, IReadOnlyList<double[]> rows, int workers, Func<TreeShapPath, double[], T> explain)
    {
        var depth = ensemble.Trees.Count == 0 ? 0 : ensemble.Trees.Max(t => t.Depth);
        var values = new T[rows.Count];
        if (workers == 1)
        {
            var path = new TreeShapPath(depth);
            for (var r = 0; r < rows.Count; r++)
            {
                values[r] = explain(path, rows[r]);
            }
        }
        else
        {
            Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, () => new TreeShapPath(depth),
                (r, _, path) =>
                {
                    values[r] = explain(path, rows[r]);
                    return path;
                },
                _ => { });
        }

        return values;
    }

    /// <summary>Refuses a missing argument, a worker count below 1, names not one per feature, and a row not as wide as the ensemble, naming the row.</summary>
    internal static void Check(TreeEnsemble ensemble, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames, int workers)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        if (featureNames.Count != ensemble.FeatureCount)
        {
            throw new ArgumentException($"{featureNames.Count} feature names for an ensemble of {ensemble.FeatureCount} features", nameof(featureNames));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            ensemble.RequireWidth(rows[r], $"{nameof(rows)}[{r}]");
        }
    }
}
