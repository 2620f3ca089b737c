using System.Diagnostics;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Serving;

namespace BreastCancer.Bench;

/// <summary>
/// What one patient's prediction costs in the web app's steps, in microseconds per call (median of five rounds over the
/// 114 held-out WDBC rows, after a warm-up round): the saved model's <c>PredictProbability</c> of one row (ML.NET's
/// data view per call), the model's <c>PipelineScorer</c>, which the app now uses, and, for scale, the exact SHAP
/// explanation of that row against the training rows that the app adds to each prediction.
/// </summary>
internal static class SinglePatientBench
{
    private const int Rounds = 5;

    public static void Run(SavedModel model, BreastCancerData wdbc)
    {
        var split = HeldOutSplit.ForStudy(wdbc);
        var held = split.Test.Select(wdbc.Row).ToArray();
        var training = split.Train.Select(wdbc.Row).ToArray();
        var names = wdbc.FeatureNames;
        var scorer = model.CreateScorer();
        Console.WriteLine($"one patient, µs per call (median of {Rounds} rounds over {held.Length} held-out rows):");
        Console.WriteLine($"  SavedModel.PredictProbability of one row: {Median(held, row => model.PredictProbability([row])),10:F2}");
        Console.WriteLine($"  PipelineScorer.Probability ({scorer.Method}):     {Median(held, row => scorer.Probability(row)),10:F3}");
        Console.WriteLine($"  ShapExplainer.Exact of one row (for scale): {Median(held, row => ShapExplainer.Exact(model.Pipeline, training, [row], names)),10:F2}");
    }

    private static double Median(double[][] rows, Func<double[], object?> call)
    {
        var perCall = new double[Rounds + 1];
        for (var round = 0; round <= Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var repeats = 0;
            do
            {
                foreach (var row in rows)
                {
                    call(row);
                }

                repeats++;
            }
            while (clock.Elapsed < TimeSpan.FromMilliseconds(200));
            perCall[round] = clock.Elapsed.TotalMicroseconds / (repeats * rows.Length);
        }

        var measured = perCall[1..].Order().ToArray();
        return measured[Rounds / 2];
    }
}
