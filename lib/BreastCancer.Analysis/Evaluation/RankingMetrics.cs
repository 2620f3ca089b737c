namespace BreastCancer.Analysis.Evaluation;

/// <summary>Metrics of how well scores rank malignant rows above benign ones, threshold-free, as scikit-learn computes them.</summary>
public static class RankingMetrics
{
    /// <summary>The ROC AUC as the Mann–Whitney probability that a malignant row outscores a benign one, ties counting half.</summary>
    public static double RocAuc(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        var ranks = MathNet.Numerics.Statistics.ArrayStatistics.RanksInplace(scores.ToArray());
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var rankSum = labels.Select((l, i) => l ? ranks[i] : 0).Sum();
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Average precision: Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores, highest first.</summary>
    public static double AveragePrecision(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            return double.NaN;
        }

        var (previousRecall, total) = (0.0, 0.0);
        foreach (var (tp, fp) in CumulativeCounts(labels, scores))
        {
            var recall = tp / (double)positives;
            total += (recall - previousRecall) * (tp / (double)(tp + fp));
            previousRecall = recall;
        }

        return total;
    }

    /// <summary>
    /// The true and false positives when every row scoring at least t is called malignant, for each distinct score t
    /// from the highest down: the points of the ROC and precision–recall curves.
    /// </summary>
    internal static IEnumerable<(int TruePositives, int FalsePositives)> CumulativeCounts(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var (tp, fp) = (0, 0);
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key))
        {
            tp += group.Count(i => labels[i]);
            fp += group.Count(i => !labels[i]);
            yield return (tp, fp);
        }
    }
}
