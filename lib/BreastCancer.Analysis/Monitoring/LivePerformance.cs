using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// How the model did on a window of cases whose outcome (the biopsy's diagnosis) has since been confirmed:
/// sensitivity and specificity of its decisions with Wilson 95 % intervals (<see cref="RateEstimate"/>), and the ROC
/// AUC of its probabilities (<see cref="RankingMetrics.RocAuc"/>, the Mann–Whitney form, ties counting half). A
/// window without malignant (or benign) cases leaves sensitivity (or specificity) and the AUC undefined: NaN with the
/// reason, not an exception.
/// </summary>
/// <param name="Rows">Cases in the window.</param>
/// <param name="Counts">The confusion counts of the decisions against the outcomes.</param>
/// <param name="Sensitivity">TP / (TP + FN), the share of confirmed cancers the model called malignant.</param>
/// <param name="Specificity">TN / (TN + FP), the share of confirmed benign tumours it called benign.</param>
/// <param name="RocAuc">The ROC AUC of the probabilities, 0–1, or NaN.</param>
/// <param name="RocAucUndefined">Why <paramref name="RocAuc"/> is NaN, or null when it is defined.</param>
public sealed record LivePerformance(int Rows, ConfusionCounts Counts, RateEstimate Sensitivity, RateEstimate Specificity, double RocAuc, string? RocAucUndefined)
{
    /// <summary>
    /// The performance over cases i with the model's probability of malignancy <paramref name="probabilities"/>[i]
    /// (0–1), its decision <paramref name="decisions"/>[i] (true = called malignant) and the confirmed outcome
    /// <paramref name="outcomes"/>[i] (true = malignant).
    /// </summary>
    /// <exception cref="ArgumentException">The three lists differ in length, or a probability is outside 0–1.</exception>
    public static LivePerformance Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> decisions, IReadOnlyList<bool> outcomes, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (decisions.Count != probabilities.Count || outcomes.Count != probabilities.Count)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities, {decisions.Count} decisions and {outcomes.Count} outcomes: one of each per case", nameof(outcomes));
        }

        var (tp, fp, tn, fn) = (0, 0, 0, 0);
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i] is not (>= 0 and <= 1))
            {
                throw new ArgumentException($"probability {i} is {probabilities[i]}, not in [0, 1]", nameof(probabilities));
            }

            (tp, fp, tn, fn) = (outcomes[i], decisions[i]) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (false, true) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                _ => (tp, fp, tn, fn + 1),
            };
        }

        var malignant = tp + fn;
        var benign = tn + fp;
        var aucUndefined = (malignant, benign) switch
        {
            (0, 0) => "no confirmed cases",
            (0, _) => "no confirmed malignant cases",
            (_, 0) => "no confirmed benign cases",
            _ => null,
        };
        return new LivePerformance(probabilities.Count, new ConfusionCounts(tp, fp, tn, fn),
            RateEstimate.Wilson(tp, malignant, confidence, "no confirmed malignant cases"),
            RateEstimate.Wilson(tn, benign, confidence, "no confirmed benign cases"),
            aucUndefined is null ? RankingMetrics.RocAuc(outcomes, probabilities) : double.NaN,
            aucUndefined);
    }
}
