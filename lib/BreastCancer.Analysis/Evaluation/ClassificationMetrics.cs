namespace BreastCancer.Analysis.Evaluation;

/// <summary>The four counts of a binary confusion matrix, malignant being the positive class.</summary>
/// <param name="TruePositives">Malignant rows predicted malignant.</param>
/// <param name="FalsePositives">Benign rows predicted malignant (unneeded biopsies).</param>
/// <param name="TrueNegatives">Benign rows predicted benign.</param>
/// <param name="FalseNegatives">Malignant rows predicted benign (missed cancers).</param>
public sealed record ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>The element-wise sum, for confusion matrices summed over folds.</summary>
    public static ConfusionCounts operator +(ConfusionCounts a, ConfusionCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.TrueNegatives + b.TrueNegatives, a.FalseNegatives + b.FalseNegatives);
    }

    /// <summary>The element-wise sum (the named alternative to <c>+</c>).</summary>
    public static ConfusionCounts Add(ConfusionCounts a, ConfusionCounts b) => a + b;

    /// <summary>
    /// <paramref name="metric"/> as a proportion of these counted tumours, its numerator and denominator: accuracy
    /// TP + TN of n, sensitivity TP of TP + FN, specificity TN of TN + FP, precision TP of TP + FP; null for a metric
    /// that is not such a proportion. The denominator may be 0.
    /// </summary>
    public (int Successes, int Trials)? Proportion(Metric metric) => metric switch
    {
        Metric.Accuracy => (TruePositives + TrueNegatives, TruePositives + FalsePositives + TrueNegatives + FalseNegatives),
        Metric.Sensitivity => (TruePositives, TruePositives + FalseNegatives),
        Metric.Specificity => (TrueNegatives, TrueNegatives + FalsePositives),
        Metric.Precision => (TruePositives, TruePositives + FalsePositives),
        _ => null,
    };
}

/// <summary>
/// The metrics of one set of predictions, with scikit-learn's definitions (1.2): threshold metrics at the given
/// probability threshold (a prediction is malignant when p ≥ threshold), a ratio with a zero denominator is 0 (its
/// <c>zero_division=0</c>); ROC AUC is the trapezoidal area with tied scores averaged (<c>roc_auc_score</c>); PR AUC is
/// average precision, Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct thresholds (<c>average_precision_score</c>); log loss clips
/// probabilities to [ε, 1 − ε] with ε the double-precision machine epsilon (<c>log_loss</c>, eps="auto").
/// </summary>
/// <param name="Counts">The confusion counts at the threshold.</param>
/// <param name="Accuracy">(TP + TN) / n.</param>
/// <param name="BalancedAccuracy">(sensitivity + specificity) / 2.</param>
/// <param name="Precision">TP / (TP + FP): positive predictive value.</param>
/// <param name="Sensitivity">TP / (TP + FN): recall, the share of cancers found.</param>
/// <param name="Specificity">TN / (TN + FP): the share of benign tumours cleared.</param>
/// <param name="F1">2 · precision · sensitivity / (precision + sensitivity).</param>
/// <param name="Mcc">Matthews correlation coefficient, −1 to 1.</param>
/// <param name="RocAuc">Area under the ROC curve, 0–1.</param>
/// <param name="AveragePrecision">Area under the precision–recall curve (average precision), 0–1.</param>
/// <param name="Brier">Mean squared difference between probability and outcome, 0–1 (lower is better).</param>
/// <param name="LogLoss">Mean negative log-likelihood in nats (lower is better).</param>
public sealed record ClassificationMetrics(ConfusionCounts Counts, double Accuracy, double BalancedAccuracy, double Precision, double Sensitivity,
    double Specificity, double F1, double Mcc, double RocAuc, double AveragePrecision, double Brier, double LogLoss)
{
    /// <summary>Every metric of <paramref name="probabilities"/> against <paramref name="labels"/> (true = malignant).</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, double threshold = 0.5) =>
        Compute(labels, probabilities, _ => threshold);

    /// <summary>
    /// Every metric of <paramref name="probabilities"/> against <paramref name="labels"/>, each row decided at its own
    /// threshold in <paramref name="thresholds"/>: predictions pooled from models with thresholds of their own, such as
    /// the folds of a cross-validation.
    /// </summary>
    public static ClassificationMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count != probabilities?.Count)
        {
            throw new ArgumentException($"{thresholds.Count} thresholds for {probabilities?.Count} probabilities", nameof(thresholds));
        }

        return Compute(labels, probabilities, i => thresholds[i]);
    }

    private static ClassificationMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, Func<int, double> thresholdOf)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != probabilities.Count || labels.Count == 0)
        {
            throw new ArgumentException($"{labels.Count} labels for {probabilities.Count} probabilities", nameof(probabilities));
        }

        var (tp, fp, tn, fn) = (0, 0, 0, 0);
        for (var i = 0; i < labels.Count; i++)
        {
            var predicted = probabilities[i] >= thresholdOf(i);
            (tp, fp, tn, fn) = (labels[i], predicted) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (false, true) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                _ => (tp, fp, tn, fn + 1),
            };
        }

        var sensitivity = Ratio(tp, tp + fn);
        var specificity = Ratio(tn, tn + fp);
        var precision = Ratio(tp, tp + fp);
        var mccDenominator = Math.Sqrt((double)(tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return new ClassificationMetrics(
            new ConfusionCounts(tp, fp, tn, fn),
            Ratio(tp + tn, labels.Count),
            (sensitivity + specificity) / 2,
            precision,
            sensitivity,
            specificity,
            precision + sensitivity > 0 ? 2 * precision * sensitivity / (precision + sensitivity) : 0,
            mccDenominator > 0 ? ((double)tp * tn - (double)fp * fn) / mccDenominator : 0,
            RankingMetrics.RocAuc(labels, probabilities),
            RankingMetrics.AveragePrecision(labels, probabilities),
            BrierScore(labels, probabilities),
            MeanLogLoss(labels, probabilities));
    }

    /// <summary>The Brier score: the mean of (p − y)², 0–1.</summary>
    internal static double BrierScore(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities) =>
        labels.Select((l, i) => BrierTerm(l, probabilities[i])).Average();

    /// <summary>The log loss in nats, each probability clipped to [ε, 1 − ε] with ε the double-precision machine epsilon.</summary>
    internal static double MeanLogLoss(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities) =>
        labels.Select((l, i) => LogLossTerm(l, probabilities[i])).Average();

    /// <summary>
    /// The loss of one prediction whose mean over the rows, summed in row order, is <paramref name="metric"/> exactly as
    /// computed here (Brier score, log loss), or null for a metric that is no such mean.
    /// </summary>
    internal static Func<bool, double, double>? RowLoss(Metric metric) => metric switch
    {
        Metric.Brier => BrierTerm,
        Metric.LogLoss => LogLossTerm,
        _ => null,
    };

    private static double BrierTerm(bool label, double probability) => Math.Pow(probability - (label ? 1 : 0), 2);

    private static double LogLossTerm(bool label, double probability)
    {
        var epsilon = Math.BitIncrement(1.0) - 1.0;
        var p = Math.Clamp(probability, epsilon, 1 - epsilon);
        return -(label ? Math.Log(p) : Math.Log(1 - p));
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : numerator / (double)denominator;
}
