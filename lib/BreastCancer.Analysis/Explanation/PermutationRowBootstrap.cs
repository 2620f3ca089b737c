using System.Runtime.CompilerServices;
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
/// (linear interpolation between order statistics, R's type 7, numpy's default). What every group shares, the baseline's
/// metric on each resample (and, for ROC AUC, how often each resample draws each row), is computed once, when the
/// bootstrap is made, not once per group.
/// </summary>
internal sealed class PermutationRowBootstrap
{
    private readonly Metric _metric;
    private readonly int _sign;
    private readonly IReadOnlyList<bool> _labels;
    private readonly int[][] _resamples;
    private readonly Func<bool, double, double>? _rowLoss;

    /// <summary>Per resample, the baseline's metric on it (for a mean of row losses, the mean loss).</summary>
    private readonly double[] _references;

    /// <summary>For ROC AUC, per resample, how often it draws each row; otherwise null.</summary>
    private readonly int[][]? _draws;

    /// <summary>For a metric recomputed on each resample (neither ROC AUC nor a mean of row losses), per resample, the labels it draws; otherwise null.</summary>
    private readonly bool[][]? _resampledLabels;

    /// <summary>The bootstrap of <paramref name="metric"/>'s importances over <paramref name="resamples"/> of the rows.</summary>
    /// <param name="metric">The metric whose loss measures importance.</param>
    /// <param name="labels">The rows' labels.</param>
    /// <param name="baseline">The probabilities of the rows as they are.</param>
    /// <param name="resamples">The resampled row positions, from <see cref="StratifiedBootstrap.Resamples"/>.</param>
    public PermutationRowBootstrap(Metric metric, IReadOnlyList<bool> labels, double[] baseline, int[][] resamples)
    {
        (_metric, _sign, _labels, _resamples) = (metric, metric.HigherIsBetter() ? 1 : -1, labels, resamples);
        _rowLoss = ClassificationMetrics.RowLoss(metric);
        if (metric == Metric.RocAuc)
        {
            _draws = [.. resamples.Select(positions =>
            {
                var draws = new int[labels.Count];
                foreach (var position in positions)
                {
                    draws[position]++;
                }

                return draws;
            })];
            var sorted = SortedScores.Of(labels, baseline, 0);
            _references = [.. _draws.Select(sorted.RocAuc)];
        }
        else if (_rowLoss is { } rowLoss)
        {
            var losses = baseline.Select((p, i) => rowLoss(labels[i], p)).ToArray();
            _references = [.. resamples.Select(positions => Mean(losses, 0, positions))];
        }
        else
        {
            _resampledLabels = [.. resamples.Select(positions => positions.Select(i => labels[i]).ToArray())];
            _references = [.. resamples.Select((positions, s) => metric.Of(_resampledLabels[s], [.. positions.Select(i => baseline[i])]))];
        }
    }

    /// <summary>
    /// The 95 % percentile interval of the importance over the resamples, in the metric's units; NaN at both ends when
    /// the metric is undefined on a resample (ROC AUC of one class only).
    /// </summary>
    /// <param name="permuted">The probabilities of each repeat's permuted rows, repeat after repeat, one per row each.</param>
    /// <param name="repeats">The number of repeats in <paramref name="permuted"/>.</param>
    public (double Low, double High) Interval(double[] permuted, int repeats)
    {
        var importances = _draws is { } draws ? RocAucLosses(draws, permuted, repeats)
            : _rowLoss is { } rowLoss ? MeanLosses(rowLoss, permuted, repeats)
            : RecomputedLosses(_resampledLabels!, permuted, repeats);
        return importances.Any(double.IsNaN) ? (double.NaN, double.NaN) : PercentileInterval.Of(importances);
    }

    /// <summary>
    /// Each resample's importance for a metric that is the mean of one loss per row: the rows' losses are computed once and
    /// summed over each resample's positions in order, which gives the metric of the resampled rows bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] MeanLosses(Func<bool, double, double> rowLoss, double[] permuted, int repeats)
    {
        var rows = _labels.Count;
        var permutedLoss = permuted.Select((p, k) => rowLoss(_labels[k % rows], p)).ToArray();
        var importances = new double[_resamples.Length];
        for (var s = 0; s < _resamples.Length; s++)
        {
            var loss = 0.0;
            for (var r = 0; r < repeats; r++)
            {
                loss += _sign * (_references[s] - Mean(permutedLoss, r * rows, _resamples[s]));
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
    private double[] RocAucLosses(int[][] draws, double[] permuted, int repeats)
    {
        var rows = _labels.Count;
        var sets = Enumerable.Range(0, repeats).Select(r => SortedScores.Of(_labels, permuted, r * rows)).ToArray();
        var importances = new double[_resamples.Length];
        for (var s = 0; s < _resamples.Length; s++)
        {
            var loss = 0.0;
            foreach (var set in sets)
            {
                loss += _references[s] - set.RocAuc(draws[s]);
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
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    private double[] RecomputedLosses(bool[][] resampledLabels, double[] permuted, int repeats)
    {
        var rows = _labels.Count;
        var sampled = new double[rows];
        var importances = new double[_resamples.Length];
        for (var s = 0; s < _resamples.Length; s++)
        {
            var positions = _resamples[s];
            var loss = 0.0;
            for (var r = 0; r < repeats; r++)
            {
                for (var i = 0; i < rows; i++)
                {
                    sampled[i] = permuted[(r * rows) + positions[i]];
                }

                loss += _sign * (_references[s] - _metric.Of(resampledLabels[s], sampled));
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
