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
        var importances = metric == Metric.RocAuc
            ? RocAucLosses(labels, baseline, permuted, repeats, resamples)
            : ClassificationMetrics.RowLoss(metric) is { } rowLoss
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

    /// <summary>
    /// Each resample's importance for ROC AUC, by the Mann–Whitney count (Hanley &amp; McNeil 1982): each probability set
    /// is sorted once, and a resample's AUC is Σ over its malignant rows of (benign rows below + ½ benign rows tied),
    /// each row counted as often as the resample draws it, over (malignant · benign). The count is a sum of halves, exact
    /// in double precision, so the AUC is bit for bit the rank-sum one of <see cref="RankingMetrics.RocAuc"/> on the
    /// resampled rows, at O(rows) per resample instead of a sort.
    /// </summary>
    private static double[] RocAucLosses(IReadOnlyList<bool> labels, double[] baseline, double[] permuted, int repeats, int[][] resamples)
    {
        var rows = labels.Count;
        var sets = new SortedScores[repeats + 1];
        sets[0] = SortedScores.Of(labels, baseline, 0);
        for (var r = 0; r < repeats; r++)
        {
            sets[r + 1] = SortedScores.Of(labels, permuted, r * rows);
        }

        var draws = new int[rows];
        var importances = new double[resamples.Length];
        for (var s = 0; s < resamples.Length; s++)
        {
            Array.Clear(draws);
            foreach (var position in resamples[s])
            {
                draws[position]++;
            }

            var reference = sets[0].RocAuc(draws);
            var loss = 0.0;
            for (var r = 1; r <= repeats; r++)
            {
                loss += reference - sets[r].RocAuc(draws);
            }

            importances[s] = loss / repeats;
        }

        return importances;
    }

    /// <summary>One probability set's rows sorted by probability, lowest first, with their labels and where each run of ties ends.</summary>
    private sealed class SortedScores(int[] rows, bool[] malignant, bool[] endsTie)
    {
        /// <summary>The rows of <paramref name="values"/>[offset …offset + labels.Count − 1] in ascending order.</summary>
        public static SortedScores Of(IReadOnlyList<bool> labels, double[] values, int offset)
        {
            var count = labels.Count;
            var keys = values[offset..(offset + count)];
            var rows = Enumerable.Range(0, count).ToArray();
            Array.Sort(keys, rows);
            var endsTie = new bool[count];
            for (var k = 0; k < count; k++)
            {
                endsTie[k] = k == count - 1 || keys[k + 1] != keys[k];
            }

            return new SortedScores(rows, [.. rows.Select(row => labels[row])], endsTie);
        }

        /// <summary>ROC AUC of the rows drawn <paramref name="draws"/>[row] times each; NaN when the draws hold one class only.</summary>
        public double RocAuc(int[] draws)
        {
            var (pairs, benignBelow, malignantDrawn) = (0.0, 0.0, 0.0);
            var (tiedMalignant, tiedBenign) = (0.0, 0.0);
            for (var k = 0; k < rows.Length; k++)
            {
                var drawn = draws[rows[k]];
                if (malignant[k])
                {
                    tiedMalignant += drawn;
                }
                else
                {
                    tiedBenign += drawn;
                }

                if (endsTie[k])
                {
                    pairs += tiedMalignant * (benignBelow + (0.5 * tiedBenign));
                    benignBelow += tiedBenign;
                    malignantDrawn += tiedMalignant;
                    (tiedMalignant, tiedBenign) = (0.0, 0.0);
                }
            }

            return malignantDrawn == 0 || benignBelow == 0 ? double.NaN : pairs / (malignantDrawn * benignBelow);
        }
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
