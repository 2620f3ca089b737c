using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Bench;

/// <summary>
/// The nested cross-validation of notebook 06 (outer: 10-fold stratified CV repeated 3 times on the training rows; in
/// each outer fold a grid search by 5-fold CV on ROC AUC) for the two models carried into it, against the issue's
/// targets (accuracy ≥ 0.981 and ROC AUC ≥ 0.997 for the best tuned model) and against scikit-learn's GridSearchCV
/// run inside the very same outer and inner folds.
/// </summary>
internal static class NestedBench
{
    private const double AccuracyTarget = 0.981;
    private const double RocAucTarget = 0.997;

    public static int Run(double[][] x, IReadOnlyList<bool> y, IReadOnlyList<Fold> folds, string output)
    {
        (string Key, CatalogueModel Model, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> Grid)[] candidates =
        [
            ("logistic_l2", ModelCatalogue.LogisticRegressionL2, StudyGrids.LogisticRegression),
            ("rbf_svm", ModelCatalogue.RbfSvmMargin, StudyGrids.RbfSvm),
        ];
        var ours = new List<(string Key, string Name, NestedCrossValidationResult Result, double Seconds)>();
        foreach (var (key, model, grid) in candidates)
        {
            var clock = Stopwatch.StartNew();
            var result = NestedCrossValidation.Grid(model, grid, x, y, folds, innerFolds: 5, Metric.RocAuc, seed: 1);
            ours.Add((key, model.Family, result, clock.Elapsed.TotalSeconds));
        }

        var file = Path.Combine(output, "nested-folds.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            x,
            y,
            models = ours.ToDictionary(o => o.Key, o => new
            {
                grid = candidates.Single(c => c.Key == o.Key).Grid.ToDictionary(g => g.Name, g => g.Values),
                outer = folds.Select((f, i) => new { train = f.Train, test = f.Test, inner = o.Result.Folds[i].InnerFolds.Select(n => new { train = n.Train, test = n.Test }) }),
            }),
        }));
        var peer = Peer.Run<Dictionary<string, PeerNested>>("nested.py", file) ?? [];

        Console.WriteLine($"Nested CV: {folds.Count} outer folds (10 × 3 stratified), inner grid search by 5-fold CV on ROC AUC, {Environment.ProcessorCount} cores; the same outer and inner folds for both sides ({file})");
        Console.WriteLine("| model | accuracy (95 % CI) | ROC AUC (95 % CI) | optimism | time s | sklearn accuracy | sklearn ROC AUC | sklearn s | time ratio |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (key, name, result, seconds) in ours)
        {
            var theirs = peer.GetValueOrDefault(key);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Interval(result.Outer(Metric.Accuracy))} | {Interval(result.Outer(Metric.RocAuc))} | {result.Optimism:+0.0000;-0.0000} | {seconds:F1} | {theirs?.Accuracy:F4} | {theirs?.RocAuc:F4} | {theirs?.Seconds:F1} | {(theirs is null ? "" : (seconds / theirs.Seconds).ToString("F2", CultureInfo.InvariantCulture))} |"));
        }

        var best = ours.MaxBy(o => o.Result.Outer(Metric.RocAuc).Mean);
        var (accuracy, auc) = (best.Result.Outer(Metric.Accuracy).Mean, best.Result.Outer(Metric.RocAuc).Mean);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best tuned model by nested ROC AUC: {best.Name}: accuracy {accuracy:F4} (target ≥ {AccuracyTarget}: {(accuracy >= AccuracyTarget ? "met" : "missed")}), ROC AUC {auc:F4} (target ≥ {RocAucTarget}: {(auc >= RocAucTarget ? "met" : "missed")})"));
        return 0;
    }

    private static string Interval(MetricSummary s) => string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F4} ({s.Low:F4}–{s.High:F4})");

    private sealed record PeerNested(double Accuracy, double RocAuc, double Seconds);
}
