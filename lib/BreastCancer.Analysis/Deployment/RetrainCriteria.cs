namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// How a challenger is compared with the champion (<see cref="ChallengerComparison"/>) and when it may replace it: it
/// is promoted only when, averaged over the comparison's folds, it loses no more than each allowance against the
/// champion. Losses are of the challenger against the champion: a drop for ROC AUC, sensitivity and specificity, a
/// rise for log loss. The defaults ask for probabilities at least as well calibrated (log loss no higher) and allow
/// for the noise of small folds elsewhere: ROC AUC within 0.005, and sensitivity and specificity at each model's own
/// threshold within 0.05, about two cancers in 40 malignant outcomes (one missed cancer in a fold of 8 moves that fold's
/// sensitivity by 0.125). A champion whose population has drifted towards larger tumours over-calls, reaching a
/// sensitivity of 1 at a specificity the challenger beats by far; an allowance of 0 would keep it. With many outcomes,
/// tighten the allowances.
/// </summary>
/// <param name="Folds">Stratified folds of the outcomes, ≥ 2; fewer are used when a class has fewer outcomes than this.</param>
/// <param name="Seed">The seed of the folds.</param>
/// <param name="MinOutcomesPerClass">The fewest outcomes of each diagnosis a comparison needs, ≥ 2.</param>
/// <param name="MaxRocAucLoss">The largest allowed drop in mean ROC AUC, 0–1.</param>
/// <param name="MaxSensitivityLoss">The largest allowed drop in mean sensitivity at each model's own threshold, 0–1.</param>
/// <param name="MaxSpecificityLoss">The largest allowed drop in mean specificity at each model's own threshold, 0–1.</param>
/// <param name="MaxLogLossIncrease">The largest allowed rise in mean log loss, in nats, ≥ 0.</param>
public sealed record RetrainCriteria(int Folds = 5, int Seed = 1, int MinOutcomesPerClass = 10, double MaxRocAucLoss = 0.005, double MaxSensitivityLoss = 0.05,
    double MaxSpecificityLoss = 0.05, double MaxLogLossIncrease = 0)
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
