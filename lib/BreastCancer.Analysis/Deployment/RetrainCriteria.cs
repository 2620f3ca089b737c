namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// How a challenger is compared with the champion (<see cref="ChallengerComparison"/>) and when it may replace it: it
/// is promoted only when, for every criterion, the 95 % interval of the difference challenger − champion rules out a
/// loss larger than the criterion's allowance (a non-inferiority margin). Losses are of the challenger against the
/// champion: a drop for ROC AUC, sensitivity and specificity, a rise for log loss. The margins are fixed before any
/// comparison runs, as the largest loss a clinic would accept in exchange for a model that has learnt from its own
/// patients: 5 percentage points of sensitivity or specificity at each model's own threshold (about two cancers in
/// 40), 0.02 of ROC AUC, and 0.02 nats of log loss (3 % of the 0.66 nats of a model that knows only the share of
/// malignant tumours). A champion whose population has drifted towards larger tumours over-calls, reaching a
/// sensitivity of 1 at a specificity the challenger beats by far; a margin of 0 would keep it. With many outcomes the
/// intervals narrow, and the margins can be tightened.
/// </summary>
/// <param name="Folds">Stratified folds of the outcomes' cases, ≥ 2; fewer are used when a diagnosis has fewer cases than this.</param>
/// <param name="Seed">The seed of the folds and of the bootstrap.</param>
/// <param name="MinOutcomesPerClass">The fewest cases of each diagnosis a comparison needs, ≥ 2 (an outcome without a case is a case).</param>
/// <param name="MaxRocAucLoss">The largest allowed drop in ROC AUC, 0–1.</param>
/// <param name="MaxSensitivityLoss">The largest allowed drop in sensitivity at each model's own threshold, 0–1.</param>
/// <param name="MaxSpecificityLoss">The largest allowed drop in specificity at each model's own threshold, 0–1.</param>
/// <param name="MaxLogLossIncrease">The largest allowed rise in log loss, in nats, ≥ 0.</param>
/// <param name="Resamples">Bootstrap resamples of the cases for the intervals, 200–100,000.</param>
public sealed record RetrainCriteria(int Folds = 5, int Seed = 1, int MinOutcomesPerClass = 10, double MaxRocAucLoss = 0.02, double MaxSensitivityLoss = 0.05,
    double MaxSpecificityLoss = 0.05, double MaxLogLossIncrease = 0.02, int Resamples = 2000)
{
    /// <summary>The criterion's allowance for <paramref name="metric"/>, or null when the metric is reported but not a criterion.</summary>
    public double? AllowedLoss(Evaluation.Metric metric) => metric switch
    {
        Evaluation.Metric.RocAuc => MaxRocAucLoss,
        Evaluation.Metric.Sensitivity => MaxSensitivityLoss,
        Evaluation.Metric.Specificity => MaxSpecificityLoss,
        Evaluation.Metric.LogLoss => MaxLogLossIncrease,
        _ => null,
    };

    /// <summary>The problems with these criteria, none when they are usable (each names the setting and why).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Folds < 2)
        {
            problems.Add($"Folds must be at least 2, not {Folds}");
        }

        if (MinOutcomesPerClass < 2)
        {
            problems.Add($"MinOutcomesPerClass must be at least 2, not {MinOutcomesPerClass}");
        }

        if (Resamples is < 200 or > 100_000)
        {
            problems.Add($"Resamples must be 200 to 100000, not {Resamples}");
        }

        foreach (var (name, value) in new[] { (nameof(MaxRocAucLoss), MaxRocAucLoss), (nameof(MaxSensitivityLoss), MaxSensitivityLoss),
            (nameof(MaxSpecificityLoss), MaxSpecificityLoss), (nameof(MaxLogLossIncrease), MaxLogLossIncrease) })
        {
            if (!(value >= 0) || double.IsInfinity(value))
            {
                problems.Add($"{name} must be a finite number of at least 0, not {value}");
            }
        }

        return problems;
    }
}
