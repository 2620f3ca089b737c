namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The models the study compares, each with its hyperparameters at the defaults used before tuning. Models whose raw
/// scores are not probabilities (the SVMs) are Platt-calibrated on out-of-fold scores of their training rows
/// (<see cref="CalibratedClassifier"/>); logistic regression and the boosted trees are fitted by log loss and give
/// probabilities directly, and the random forest's probability is the mean of its trees' leaf shares.
/// </summary>
public static class ModelCatalogue
{
    /// <summary>The prior-probability baseline (<see cref="Modeling.MajorityClass"/>); no hyperparameters.</summary>
    public static CatalogueModel MajorityClass { get; } = new("majority class", new Dictionary<string, double>(), _ => new MajorityClass());

    /// <summary>Logistic regression with an L2 penalty: <c>l2</c> = λ₂ on the summed log loss (λ₂ = 1 is scikit-learn's C = 1).</summary>
    public static CatalogueModel LogisticRegressionL2 { get; } =
        new("logistic regression, L2", new Dictionary<string, double> { ["l2"] = 1 }, h => MlNetClassifier.LogisticRegression(l1: 0, l2: h["l2"]));

    /// <summary>Logistic regression with an L1 (lasso) penalty: <c>l1</c> = λ₁ on the summed log loss.</summary>
    public static CatalogueModel LogisticRegressionL1 { get; } =
        new("logistic regression, L1", new Dictionary<string, double> { ["l1"] = 1 }, h => MlNetClassifier.LogisticRegression(l1: h["l1"], l2: 0));

    /// <summary>The linear SVM (Pegasos), <c>lambda</c> = λ and <c>passes</c> over the rows, Platt-calibrated.</summary>
    public static CatalogueModel LinearSvm { get; } =
        new("linear SVM", new Dictionary<string, double> { ["lambda"] = 0.001, ["passes"] = 10 }, h => MlNetClassifier.LinearSvm(h["lambda"], (int)h["passes"]));

    /// <summary>The exact RBF-kernel SVM (<see cref="KernelSvm"/>): penalty <c>C</c>, kernel width <c>gamma</c> (NaN: "scale"), Platt-calibrated.</summary>
    public static CatalogueModel RbfSvm { get; } =
        new("RBF SVM", new Dictionary<string, double> { ["C"] = 1, ["gamma"] = double.NaN },
            h => new CalibratedClassifier(new KernelSvm(h["C"], double.IsNaN(h["gamma"]) ? null : h["gamma"])));

    /// <summary>
    /// The exact RBF-kernel SVM without calibration: its probability is the logistic of the margin. For searches scored
    /// by ranking metrics (ROC AUC, average precision), which a monotone calibration leaves unchanged, at a sixth of the
    /// fits of <see cref="RbfSvm"/>.
    /// </summary>
    public static CatalogueModel RbfSvmMargin { get; } =
        new("RBF SVM, uncalibrated", new Dictionary<string, double> { ["C"] = 1, ["gamma"] = double.NaN },
            h => new KernelSvm(h["C"], double.IsNaN(h["gamma"]) ? null : h["gamma"]));

    /// <summary>
    /// The random forest as scikit-learn's <c>RandomForestClassifier</c> grows it (<see cref="Modeling.RandomForest"/>,
    /// <see cref="Modeling.BreimanForest"/>): <c>trees</c> bagged Gini trees, each on a bootstrap sample, of at most
    /// <c>leaves</c> leaves of at least <c>min_leaf_rows</c> rows, each split among a fresh <c>feature_fraction</c> of
    /// the features (0.18: ⌊0.18 · 30⌋ = 5 of WDBC's 30, scikit-learn's default <c>max_features="sqrt"</c>). Its
    /// probability is the mean of the trees' leaf shares of malignant rows, scikit-learn's <c>predict_proba</c>, not
    /// calibrated: it is a probability already, and a Platt map of its logit would leave TreeSHAP no longer exact.
    /// </summary>
    public static CatalogueModel RandomForest { get; } =
        new("random forest", new Dictionary<string, double> { ["trees"] = 100, ["leaves"] = 32, ["min_leaf_rows"] = 2, ["feature_fraction"] = 0.18 },
            h => new RandomForest(new ForestSettings((int)h["trees"], (int)h["leaves"], (int)h["min_leaf_rows"], h["feature_fraction"])), staged: "trees");

    /// <summary>Gradient boosting with FastTree: <c>trees</c> stages, <c>leaves</c> per tree, <c>learning_rate</c>.</summary>
    public static CatalogueModel FastTree { get; } =
        new("gradient boosting, FastTree", new Dictionary<string, double> { ["trees"] = 100, ["leaves"] = 8, ["learning_rate"] = 0.1 },
            h => MlNetClassifier.FastTree((int)h["trees"], (int)h["leaves"], h["learning_rate"]), staged: "trees");

    /// <summary>Gradient boosting with LightGBM: <c>trees</c> stages, <c>leaves</c> per tree, <c>learning_rate</c>.</summary>
    public static CatalogueModel LightGbm { get; } =
        new("gradient boosting, LightGBM", new Dictionary<string, double> { ["trees"] = 100, ["leaves"] = 8, ["learning_rate"] = 0.1 },
            h => MlNetClassifier.LightGbm((int)h["trees"], (int)h["leaves"], h["learning_rate"]), staged: "trees");

    /// <summary>Every model of the catalogue, the baseline first.</summary>
    public static IReadOnlyList<CatalogueModel> All { get; } = [MajorityClass, LogisticRegressionL2, LogisticRegressionL1, LinearSvm, RbfSvm, RandomForest, FastTree, LightGbm];
}
