namespace BreastCancer.Analysis.Tuning;

/// <summary>
/// The hyperparameter grids of notebook 06 that code outside the notebook searches too: the benchmarks (against
/// scikit-learn's searches) and the web app's default model. The notebook writes each grid in its cell;
/// Workbook.Tests checks that those equal these.
/// </summary>
public static class StudyGrids
{
    /// <summary>The RBF SVM: C ∈ {0.1, 0.3, 1, 3, 10, 30, 100} × γ ∈ {0.001, 0.003, 0.01, 0.03, 0.1, 0.3}, 42 settings on log-spaced axes.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<double> Values)> RbfSvm { get; } =
        [("C", [0.1, 0.3, 1, 3, 10, 30, 100]), ("gamma", [0.001, 0.003, 0.01, 0.03, 0.1, 0.3])];

    /// <summary>L2 logistic regression: λ₂ from 0.01 to 100 (scikit-learn's C = 1/λ₂ from 100 to 0.01), 9 settings.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<double> Values)> LogisticRegression { get; } =
        [("l2", [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100])];

    /// <summary>
    /// The random forest: 100 or 300 trees × 8 or 32 leaves × 10, 18, 30 or 60 % of the features drawn for each split
    /// (18 %: scikit-learn's default, 5 of 30), 16 settings.
    /// </summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<double> Values)> RandomForest { get; } =
        [("trees", [100, 300]), ("leaves", [8, 32]), ("feature_fraction", [0.1, 0.18, 0.3, 0.6])];
}
