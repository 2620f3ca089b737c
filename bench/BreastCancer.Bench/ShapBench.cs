using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Bench;

/// <summary>
/// The explanations of notebook 07, timed: TreeSHAP of every WDBC row for a 100-tree forest on one core (target
/// &lt; 1 s), Kernel SHAP of 100 held-out rows with a 100-row background for the calibrated RBF SVM (target &lt; 30 s),
/// and permutation importance of the logistic regression on the held-out rows beside scikit-learn's
/// <c>permutation_importance</c> on the same rows (no SHAP package is installable here, so SHAP has no peer).
/// </summary>
internal static class ShapBench
{
    public static int Run(BreastCancerData wdbc, string output)
    {
        var split = HeldOutSplit.ForStudy(wdbc);
        var (train, test) = (wdbc.Subset(split.Train), wdbc.Subset(split.Test));
        var (x, y, all) = (train.ToArray(), train.IsMalignant, wdbc.ToArray());

        var forest = ModelCatalogue.RandomForest.Pipeline().Fit(x, y, seed: 1);
        var trees = TreeModel.Of(forest.Classifier, forest.Transform(x))!;
        var inputs = forest.Transform(all);
        var leaves = trees.Ensemble.Trees.Sum(t => t.LeafCount);
        TreeShap.Explain(trees.Ensemble, inputs, wdbc.FeatureNames, workers: 1);
        var oneCore = Median(() => TreeShap.Explain(trees.Ensemble, inputs, wdbc.FeatureNames, workers: 1));
        var allCores = Median(() => TreeShap.Explain(trees.Ensemble, inputs, wdbc.FeatureNames, workers: Environment.ProcessorCount));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TreeSHAP, {inputs.Count} rows × {trees.Ensemble.Trees.Count}-tree forest ({leaves} leaves): {oneCore:F3} s on one core ({inputs.Count / oneCore:F0} rows/s; target < 1 s: {(oneCore < 1 ? "met" : "missed")}), {allCores:F3} s on {Environment.ProcessorCount} cores; medians of 5 runs"));

        var svm = ModelCatalogue.RbfSvm.Pipeline().Fit(x, y, seed: 1);
        var rows = test.ToArray()[..100];
        var options = new KernelShapOptions { Seed = 1 };
        ShapExplainer.Explain(svm, x, rows[..2], wdbc.FeatureNames, options, backgroundSize: 100);
        var clock = Stopwatch.StartNew();
        var kernel = ShapExplainer.Explain(svm, x, rows, wdbc.FeatureNames, options, backgroundSize: 100);
        var kernelSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Kernel SHAP, {rows.Length} rows × 100-row k-means background, calibrated RBF SVM, {KernelShapOptions.DefaultMaxCoalitions(wdbc.FeatureCount)} coalitions per row, {Environment.ProcessorCount} workers: {kernelSeconds:F1} s (target < 30 s: {(kernelSeconds < 30 ? "met" : "missed")}); largest probability gap {ShapExplainer.ProbabilityGap(kernel, svm):E1}"));

        var linear = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(x, y, seed: 1);
        var (heldOut, labels) = (test.ToArray(), test.IsMalignant);
        var groups = FeatureGroup.Singles(wdbc.FeatureNames);
        PermutationImportance.Compute("LR", linear, heldOut, labels, groups, Metric.RocAuc, repeats: 2, seed: 1);
        var permutationSeconds = Median(() => PermutationImportance.Compute("LR", linear, heldOut, labels, groups, Metric.RocAuc, repeats: 10, seed: 1));
        var ours = PermutationImportance.Compute("LR", linear, heldOut, labels, groups, Metric.RocAuc, repeats: 10, seed: 1);
        var file = Path.Combine(output, "permutation.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { x, y, test = heldOut, labels }));
        var peer = Peer.Run<PeerPermutation>("permutation.py", file);
        Console.WriteLine("Permutation importance of L2 logistic regression on the 114 held-out rows, 30 features × 10 repeats, ROC AUC; medians of 5 runs");
        Console.WriteLine("| side | most important | its mean loss | time s | time ratio |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ours | {ours.Groups[0].Group.Name} | {ours.Groups[0].Mean:F4} | {permutationSeconds:F3} | |"));
        if (peer is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| scikit-learn permutation_importance | {wdbc.FeatureNames[peer.Top]} | {peer.TopMean:F4} | {peer.Median:F3} | {permutationSeconds / peer.Median:F2} |"));
        }

        return 0;
    }

    private static double Median(Action run) => Enumerable.Range(0, 5).Select(_ =>
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalSeconds;
    }).Order().ElementAt(2);

    private sealed record PeerPermutation(int Top, double TopMean, double Median);
}
