using System.Globalization;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Bench;

/// <summary>
/// The in-process rows of the comparison (issue 10): repeated stratified 10 × 3 cross-validation of the study's five
/// model families against scikit-learn's matched estimators (<c>bench/peer/common.py</c>), notebook 06's SVM and
/// random-forest grids (10 folds, ROC AUC), its nested cross-validation of the two models carried into it, the
/// permutation importance of notebook 07, and TreeSHAP of every WDBC row for a 100-tree forest on one core (no peer).
/// Both sides fit folds and grid settings in parallel on every core.
/// </summary>
internal static class ComparisonRows
{
    /// <summary>Every row, in table order.</summary>
    public static IReadOnlyList<ComparisonRow> All { get; } =
    [
        CrossValidated("cv:logistic_l2", "logistic regression (L2)", ModelCatalogue.LogisticRegressionL2, "LogisticRegression(C = 1)"),
        CrossValidated("cv:rbf_svm_probability", "RBF SVM, Platt-calibrated", ModelCatalogue.RbfSvm, "SVC(probability=True)"),
        CrossValidated("cv:random_forest", "random forest (100 trees)", ModelCatalogue.RandomForest, "RandomForestClassifier(100, max_leaf_nodes=32, min_samples_leaf=2, max_features=0.18)"),
        CrossValidated("cv:gradient_boosting", "gradient boosting (100 stages)", ModelCatalogue.FastTree, "GradientBoostingClassifier(100, max_leaf_nodes=8)"),
        CrossValidated("cv:hist_gradient_boosting", "histogram gradient boosting (100 stages)", ModelCatalogue.LightGbm, "HistGradientBoostingClassifier(100, max_leaf_nodes=8)"),
        Searched("grid:svm", "SVM grid of notebook 06 (42 settings × 10 folds)", ModelCatalogue.RbfSvmMargin, StudyGrids.RbfSvm, "GridSearchCV(SVC)"),
        Searched("grid:random_forest", "random-forest grid of notebook 06 (16 settings × 10 folds)", ModelCatalogue.RandomForest, StudyGrids.RandomForest, "GridSearchCV(RandomForestClassifier)"),
        Nested("nested:logistic_l2", "nested CV, logistic regression (30 outer × 5 inner folds, 9 settings)", ModelCatalogue.LogisticRegressionL2, StudyGrids.LogisticRegression),
        Nested("nested:rbf_svm", "nested CV, RBF SVM (30 outer × 5 inner folds, 42 settings)", ModelCatalogue.RbfSvmMargin, StudyGrids.RbfSvm),
        new("permutation", "permutation importance (30 features × 10 repeats, 114 held-out rows)",
            "PermutationImportance.Compute of logistic regression (L2), ROC AUC", "permutation_importance(n_jobs=-1)", null, Permutation),
        new("treeshap", "TreeSHAP, 569 rows × 100-tree forest, one core", "TreeShap.Explain, path-dependent TreeSHAP (Lundberg, Erion & Lee 2018)", null, 569, TreeShapOfEveryRow, TargetSeconds: 1),
    ];

    /// <summary>The row named <paramref name="key"/>, or null.</summary>
    public static ComparisonRow? Find(string key) => All.FirstOrDefault(r => r.Key == key);

    private static ComparisonRow CrossValidated(string key, string title, CatalogueModel model, string peer) =>
        new(key, $"10 × 3 CV, {title}", $"CrossValidation.Run, {model.Name}", peer, null, data => () =>
        {
            var result = CrossValidation.Run(model.Pipeline(), data.X, data.Y, data.Folds, seed: 1);
            return new RowOutcome(result.MeanAccuracy, result.MeanRocAuc, $"{data.Folds.Count} folds",
                new { x = data.X, y = data.Y, folds = BenchData.Json(data.Folds) });
        });

    private static ComparisonRow Searched(string key, string title, CatalogueModel model, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> grid, string peer) =>
        new(key, title, $"HyperparameterSearch.Grid, {model.Name}, ROC AUC", peer, null, data => () =>
        {
            var result = HyperparameterSearch.Grid(model, grid, data.X, data.Y, data.TenFold, Metric.RocAuc, seed: 1);
            var best = string.Join(", ", result.Best.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} = {p.Value}")));
            return new RowOutcome(null, result.Best.Mean, $"best {best}",
                new { x = data.X, y = data.Y, folds = BenchData.Json(data.TenFold), grid = grid.ToDictionary(g => g.Name, g => g.Values) });
        });

    private static ComparisonRow Nested(string key, string title, CatalogueModel model, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> grid) =>
        new(key, title, $"NestedCrossValidation.Grid, {model.Name}, ROC AUC", "GridSearchCV inside the same outer and inner folds", null, data => () =>
        {
            var result = NestedCrossValidation.Grid(model, grid, data.X, data.Y, data.Folds, innerFolds: 5, Metric.RocAuc, seed: 1);
            var outer = data.Folds.Select((f, i) => new { train = f.Train, test = f.Test, inner = BenchData.Json(result.Folds[i].InnerFolds) });
            return new RowOutcome(result.Outer(Metric.Accuracy).Mean, result.Outer(Metric.RocAuc).Mean, $"{data.Folds.Count} outer folds",
                new { x = data.X, y = data.Y, models = new Dictionary<string, object> { [key["nested:".Length..]] = new { grid = grid.ToDictionary(g => g.Name, g => g.Values), outer } } });
        });

    private static Func<RowOutcome> Permutation(BenchData data)
    {
        var test = data.Wdbc.Subset(data.Split.Test);
        var (heldOut, labels) = (test.ToArray(), test.IsMalignant);
        var groups = FeatureGroup.Singles(data.Wdbc.FeatureNames);
        return () =>
        {
            var linear = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(data.X, data.Y, seed: 1);
            var result = PermutationImportance.Compute("LR", linear, heldOut, labels, groups, Metric.RocAuc, repeats: 10, seed: 1);
            return new RowOutcome(null, null, string.Create(CultureInfo.InvariantCulture, $"most important: {result.Groups[0].Group.Name}, mean loss {result.Groups[0].Mean:F4}"),
                new { x = data.X, y = data.Y, test = heldOut, labels, names = data.Wdbc.FeatureNames });
        };
    }

    private static Func<RowOutcome> TreeShapOfEveryRow(BenchData data)
    {
        var forest = ModelCatalogue.RandomForest.Pipeline().Fit(data.X, data.Y, seed: 1);
        var trees = TreeModel.Of(forest.Classifier, forest.Transform(data.X)) ?? throw new InvalidOperationException("the forest has no tree model");
        var inputs = forest.Transform(data.Wdbc.ToArray());
        var leaves = trees.Ensemble.Trees.Sum(t => t.LeafCount);
        return () =>
        {
            TreeShap.Explain(trees.Ensemble, inputs, data.Wdbc.FeatureNames, workers: 1);
            return new RowOutcome(null, null, $"{inputs.Count} rows, {trees.Ensemble.Trees.Count} trees, {leaves} leaves", null);
        };
    }
}
