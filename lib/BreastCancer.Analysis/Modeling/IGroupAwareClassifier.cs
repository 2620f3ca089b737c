namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A classifier whose fit cross-validates its own training rows (as <see cref="CalibratedClassifier"/> does), and so
/// must be told which rows belong together: rows of one group (the measurements of one tumour) stay in one inner fold,
/// as they do in the folds around it (<see cref="Data.Splits.StratifiedGroupKFold"/>).
/// </summary>
public interface IGroupAwareClassifier : IClassifier
{
    /// <summary>
    /// Fits on <paramref name="rows"/> as <see cref="IClassifier.Fit"/> does, keeping each group of
    /// <paramref name="groups"/> (one entry per row; null, or a null entry: a row alone) in one inner fold.
    /// </summary>
    IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed, IReadOnlyList<string?>? groups);
}
