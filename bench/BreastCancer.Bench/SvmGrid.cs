using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Bench;

/// <summary>
/// The SVM grid of notebook 06 (C ∈ {0.1 … 100} × six γ, 42 settings, 10-fold stratified CV on the training rows, ROC
/// AUC: 420 fits) by our search and by scikit-learn's GridSearchCV on the same folds, both on every core.
/// </summary>
internal static class SvmGrid
{
    public static int Run(double[][] x, IReadOnlyList<bool> y, string output)
    {
        var folds = StratifiedGroupKFold.Split(y, null, k: 10, seed: 1);
        var file = Path.Combine(output, "grid-folds.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { x, y, folds = folds.Select(f => new { train = f.Train, test = f.Test }), c = StudyGrids.RbfSvm[0].Values, gamma = StudyGrids.RbfSvm[1].Values }));
        var grid = StudyGrids.RbfSvm;
        HyperparameterSearch.Grid(ModelCatalogue.RbfSvmMargin, [("C", [1.0]), ("gamma", [0.01])], x, y, folds, Metric.RocAuc, seed: 1);
        var times = new List<double>();
        SearchResult? ours = null;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            ours = HyperparameterSearch.Grid(ModelCatalogue.RbfSvmMargin, grid, x, y, folds, Metric.RocAuc, seed: 1);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        var peer = Peer.Run<PeerGrid>("grid.py", file);
        var median = times.Order().ElementAt(times.Count / 2);
        Console.WriteLine($"SVM grid, 42 settings × 10 folds = 420 fits, ROC AUC, {Environment.ProcessorCount} cores; medians of 5 runs");
        Console.WriteLine("| side | best C | best γ | best mean ROC AUC | time s (median) | min | max |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ours | {ours!.Best.Parameters["C"]} | {ours.Best.Parameters["gamma"]} | {ours.Best.Mean:F4} | {median:F2} | {times.Min():F2} | {times.Max():F2} |"));
        if (peer is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| scikit-learn GridSearchCV | {peer.C} | {peer.Gamma} | {peer.Score:F4} | {peer.Median:F2} | {peer.Min:F2} | {peer.Max:F2} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time ratio (ours / scikit-learn): {median / peer.Median:F2}"));
        }

        return 0;
    }

    private sealed record PeerGrid(double C, double Gamma, double Score, double Median, double Min, double Max);
}
