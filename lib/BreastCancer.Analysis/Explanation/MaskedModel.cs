namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// A model as <see cref="KernelShap"/> calls it: its output on given rows, and its outputs on one explained row's masked
/// rows (the row's values on a coalition's features, a background row's elsewhere) for every coalition and background
/// row. <see cref="RowsMaskedModel"/> builds the masked rows and calls the model on them; a model whose outputs on
/// masked rows can be computed without building them (<see cref="RbfMaskedModel"/>) gives the same outputs faster.
/// </summary>
internal abstract class MaskedModel
{
    /// <summary>The model's output for each of <paramref name="rows"/>, one per row.</summary>
    public abstract double[] Outputs(IReadOnlyList<double[]> rows);

    /// <summary>
    /// A function for one worker thread: given an explained row x, its varying features and the coalition masks (one
    /// entry per varying feature, true for x's value), the outputs of the masked rows, coalition-major (coalition c,
    /// background row b at c × backgroundRows + b), then x's own output, as <see cref="Outputs"/> gives it. The array
    /// is the worker's and is reused by its next call.
    /// </summary>
    public abstract Func<double[], int[], IReadOnlyList<bool[]>, double[]> Worker(ShapBackground background);
}
