using BreastCancer.Analysis.Evaluation;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// The percentile bootstrap over rows behind <see cref="GroupImportance.RowLow"/> and <see cref="GroupImportance.RowHigh"/>
/// (Efron &amp; Tibshirani 1993, ch. 13): the rows are resampled with replacement within each class, so that every
/// resample keeps the numbers of malignant and benign rows, as the study's stratified held-out split does; on each
/// resample the metric of the baseline probabilities and of every repeat's permuted probabilities is recomputed on the
/// same resampled rows (the probabilities are those already scored: nothing is scored again), and the resample's
/// importance is the mean loss over the repeats. The interval is the 2.5th and 97.5th percentiles of those importances
/// (linear interpolation between order statistics, R's type 7, numpy's default).
/// </summary>
internal static class PermutationRowBootstrap
{
    /// <summary>
    /// The 95 % percentile interval of the importance over <paramref name="resamples"/>, in the metric's units.
    /// </summary>
    /// <param name="metric">The metric whose loss measures importance.</param>
    /// <param name="labels">The rows' labels.</param>
    /// <param name="baseline">The probabilities of the rows as they are.</param>
    /// <param name="permuted">The probabilities of each repeat's permuted rows, repeat after repeat, <paramref name="labels"/>.Count each.</param>
    /// <param name="repeats">The number of repeats in <paramref name="permuted"/>.</param>
    /// <param name="resamples">The resampled row positions, from <see cref="StratifiedBootstrap.Resamples"/>.</param>
    public static (double Low, double High) Interval(Metric metric, IReadOnlyList<bool> labels, double[] baseline, double[] permuted, int repeats, int[][] resamples)
    {
        var sign = metric.HigherIsBetter() ? 1 : -1;
        var importances = ClassificationMetrics.RowLoss(metric) is { } rowLoss
            ? MeanLosses(rowLoss, sign, labels, baseline, permuted, repeats, resamples)
            : RecomputedLosses(metric, sign, labels, baseline, permuted, repeats, resamples);
        if (importances.Any(double.IsNaN))
        {
            // The metric is undefined on the rows (ROC AUC of one class only): so is its interval.
            return (double.NaN, double.NaN);
        }

        return PercentileInterval.Of(importances);
    }

    /// <summary>
    /// Each resample's importance for a metric that is the mean of one loss per row: the rows' losses are computed once and
    /// summed over each resample's positions in order, which gives the metric of the resampled rows bit for bit.
    /// </summary>
    private static double[] MeanLosses(Func<bool, double, double> rowLoss, int sign, IReadOnlyList<bool> labels, double[] baseline, double[] permuted, int repeats,
        int[][] resamples)
    {
        var rows = labels.Count;
        var baselineLoss = baseline.Select((p, i) => rowLoss(labels[i], p)).ToArray();
        var permutedLoss = permuted.Select((p, k) => rowLoss(labels[k % rows], p)).ToArray();
        var importances = new double[resamples.Length];
        for (var s = 0; s < resamples.Length; s++)
        {
            var positions = resamples[s];
            var reference = Mean(baselineLoss, 0, positions);
            var loss = 0.0;
            for (var r = 0; r < repeats; r++)
            {
                loss += sign * (reference - Mean(permutedLoss, r * rows, positions));
            }

            importances[s] = loss / repeats;
        }

        return importances;
    }

    /// <summary>Each resample's importance for any metric: the metric recomputed on the resampled labels and probabilities.</summary>
    private static double[] RecomputedLosses(Metric metric, int sign, IReadOnlyList<bool> labels, double[] baseline, double[] permuted, int repeats, int[][] resamples)
    {
        var rows = labels.Count;
        var sampledLabels = new bool[rows];
        var sampled = new double[rows];
        var importances = new double[resamples.Length];
        for (var s = 0; s < resamples.Length; s++)
        {
            var positions = resamples[s];
            for (var i = 0; i < rows; i++)
            {
                (sampledLabels[i], sampled[i]) = (labels[positions[i]], baseline[positions[i]]);
            }

            var reference = metric.Of(sampledLabels, sampled);
            var loss = 0.0;
            for (var r = 0; r < repeats; r++)
            {
                for (var i = 0; i < rows; i++)
                {
                    sampled[i] = permuted[(r * rows) + positions[i]];
                }

                loss += sign * (reference - metric.Of(sampledLabels, sampled));
            }

            importances[s] = loss / repeats;
        }

        return importances;
    }

    /// <summary>The mean of <paramref name="losses"/>[offset + position] over the positions, summed in their order.</summary>
    private static double Mean(double[] losses, int offset, int[] positions)
    {
        var sum = 0.0;
        foreach (var position in positions)
        {
            sum += losses[offset + position];
        }

        return sum / positions.Length;
    }
}
