namespace BreastCancer.Analysis.Evaluation;

/// <summary>The metrics of <see cref="ClassificationMetrics"/>, to name one in a comparison or a search.</summary>
public enum Metric
{
    /// <summary>(TP + TN) / n.</summary>
    Accuracy,

    /// <summary>(sensitivity + specificity) / 2.</summary>
    BalancedAccuracy,

    /// <summary>TP / (TP + FP).</summary>
    Precision,

    /// <summary>TP / (TP + FN), recall.</summary>
    Sensitivity,

    /// <summary>TN / (TN + FP).</summary>
    Specificity,

    /// <summary>The harmonic mean of precision and sensitivity.</summary>
    F1,

    /// <summary>Matthews correlation coefficient.</summary>
    Mcc,

    /// <summary>Area under the ROC curve.</summary>
    RocAuc,

    /// <summary>Average precision, the area under the precision–recall curve.</summary>
    AveragePrecision,

    /// <summary>Brier score (lower is better).</summary>
    Brier,

    /// <summary>Log loss (lower is better).</summary>
    LogLoss,
}

/// <summary>Reading, naming and ordering the <see cref="Metric"/>s.</summary>
public static class MetricExtensions
{
    /// <summary>Every metric, in the order tables show them.</summary>
    public static IReadOnlyList<Metric> All { get; } = Enum.GetValues<Metric>();

    /// <summary>The metric's value in <paramref name="metrics"/>.</summary>
    public static double Of(this Metric metric, ClassificationMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metric switch
        {
            Metric.Accuracy => metrics.Accuracy,
            Metric.BalancedAccuracy => metrics.BalancedAccuracy,
            Metric.Precision => metrics.Precision,
            Metric.Sensitivity => metrics.Sensitivity,
            Metric.Specificity => metrics.Specificity,
            Metric.F1 => metrics.F1,
            Metric.Mcc => metrics.Mcc,
            Metric.RocAuc => metrics.RocAuc,
            Metric.AveragePrecision => metrics.AveragePrecision,
            Metric.Brier => metrics.Brier,
            Metric.LogLoss => metrics.LogLoss,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a metric"),
        };
    }

    /// <summary>
    /// The metric of <paramref name="probabilities"/> against <paramref name="labels"/> (true = malignant), equal to
    /// <see cref="Of(Metric, ClassificationMetrics)"/> of <see cref="ClassificationMetrics.Compute(IReadOnlyList{bool}, IReadOnlyList{double}, double)"/> at threshold 0.5, but
    /// computing only this metric where it stands alone (the ranking metrics, Brier score and log loss): for resampling
    /// loops that evaluate one metric many times.
    /// </summary>
    internal static double Of(this Metric metric, IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities) => metric switch
    {
        Metric.RocAuc => RankingMetrics.RocAuc(labels, probabilities),
        Metric.AveragePrecision => RankingMetrics.AveragePrecision(labels, probabilities),
        Metric.Brier => ClassificationMetrics.BrierScore(labels, probabilities),
        Metric.LogLoss => ClassificationMetrics.MeanLogLoss(labels, probabilities),
        _ => metric.Of(ClassificationMetrics.Compute(labels, probabilities)),
    };

    /// <summary>The values the metric can take: [−1, 1] for MCC, [0, ∞) for log loss, [0, 1] for the rest.</summary>
    public static (double Low, double High) Range(this Metric metric) => metric switch
    {
        Metric.Mcc => (-1, 1),
        Metric.LogLoss => (0, double.PositiveInfinity),
        _ => (0, 1),
    };

    /// <summary>True unless lower values are better (Brier score, log loss).</summary>
    public static bool HigherIsBetter(this Metric metric) => metric is not (Metric.Brier or Metric.LogLoss);

    /// <summary>The name tables and charts show.</summary>
    public static string Label(this Metric metric) => metric switch
    {
        Metric.Accuracy => "accuracy",
        Metric.BalancedAccuracy => "balanced accuracy",
        Metric.Precision => "precision",
        Metric.Sensitivity => "sensitivity",
        Metric.Specificity => "specificity",
        Metric.F1 => "F1",
        Metric.Mcc => "MCC",
        Metric.RocAuc => "ROC AUC",
        Metric.AveragePrecision => "PR AUC (AP)",
        Metric.Brier => "Brier score",
        Metric.LogLoss => "log loss",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a metric"),
    };
}
