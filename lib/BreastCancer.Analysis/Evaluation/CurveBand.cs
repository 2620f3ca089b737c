using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// A curve averaged over cross-validation folds, with a band of ±1 standard deviation: each fold's curve is
/// interpolated on a common grid and the grid points are averaged (the "vertical averaging" of Fawcett, Pattern
/// Recognition Letters 27 (2006) 861–874, §8; scikit-learn's cross-validated ROC example). For ROC curves the grid is
/// the false-positive rate and the value the true-positive rate, linearly interpolated; for precision–recall curves the
/// grid is the recall and the value the interpolated precision, the best precision at that recall or higher.
/// </summary>
/// <param name="Pipeline">The model's name.</param>
/// <param name="Grid">The x values, 0 to 1.</param>
/// <param name="Mean">The mean y over folds at each x.</param>
/// <param name="Low">Mean − SD, not below 0.</param>
/// <param name="High">Mean + SD, not above 1.</param>
/// <param name="MeanArea">The mean over folds of the area under each fold's curve (ROC AUC or average precision).</param>
public sealed record CurveBand(string Pipeline, IReadOnlyList<double> Grid, IReadOnlyList<double> Mean, IReadOnlyList<double> Low, IReadOnlyList<double> High, double MeanArea)
{
    private const int GridPoints = 101;

    /// <summary>The fold-averaged ROC curve of <paramref name="result"/>.</summary>
    public static CurveBand Roc(CrossValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Average(result, fold =>
        {
            var (fpr, tpr) = RocPoints(fold.Labels, fold.Probabilities);
            return [.. Grid01().Select(x => x == 0 ? 0 : Interpolate(fpr, tpr, x))];
        }, result.Summary(Metric.RocAuc).Mean);
    }

    /// <summary>The fold-averaged precision–recall curve of <paramref name="result"/>.</summary>
    public static CurveBand PrecisionRecall(CrossValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Average(result, fold =>
        {
            var (recall, precision) = PrecisionRecallPoints(fold.Labels, fold.Probabilities);
            return [.. Grid01().Select(r => Enumerable.Range(0, recall.Length).Where(i => recall[i] >= r - 1e-12).Select(i => precision[i]).DefaultIfEmpty(0).Max())];
        }, result.Summary(Metric.AveragePrecision).Mean);
    }

    /// <summary>The ROC curve's points, one per distinct score from the highest down, starting at (0, 0).</summary>
    internal static (double[] Fpr, double[] Tpr) RocPoints(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        var counts = RankingMetrics.CumulativeCounts(labels, scores).ToList();
        return ([0, .. counts.Select(c => c.FalsePositives / (double)negatives)], [0, .. counts.Select(c => c.TruePositives / (double)positives)]);
    }

    private static (double[] Recall, double[] Precision) PrecisionRecallPoints(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var positives = labels.Count(l => l);
        var counts = RankingMetrics.CumulativeCounts(labels, scores).ToList();
        return ([.. counts.Select(c => c.TruePositives / (double)positives)], [.. counts.Select(c => c.TruePositives / (double)(c.TruePositives + c.FalsePositives))]);
    }

    private static IEnumerable<double> Grid01() => Enumerable.Range(0, GridPoints).Select(i => i / (double)(GridPoints - 1));

    private static double Interpolate(double[] xs, double[] ys, double x)
    {
        var last = Array.FindLastIndex(xs, v => v <= x);
        if (last == xs.Length - 1 || xs[last] == x)
        {
            return ys[last];
        }

        var next = last + 1;
        return ys[last] + (ys[next] - ys[last]) * (x - xs[last]) / (xs[next] - xs[last]);
    }

    private static CurveBand Average(CrossValidationResult result, Func<FoldScore, double[]> curve, double area)
    {
        var curves = result.Folds.Select(curve).ToList();
        var grid = Grid01().ToArray();
        var mean = grid.Select((_, g) => curves.Select(c => c[g]).Mean()).ToArray();
        var sd = grid.Select((_, g) => curves.Count > 1 ? curves.Select(c => c[g]).StandardDeviation() : 0).ToArray();
        return new CurveBand(result.Pipeline, grid, mean, [.. mean.Select((m, g) => Math.Max(0, m - sd[g]))], [.. mean.Select((m, g) => Math.Min(1, m + sd[g]))], area);
    }
}
