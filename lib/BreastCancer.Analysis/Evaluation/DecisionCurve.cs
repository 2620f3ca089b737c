namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Decision curve analysis (Vickers &amp; Elkin, Medical Decision Making 26 (2006) 565–574): the net benefit of
/// biopsying the tumours whose predicted probability of malignancy is at least the threshold probability pₜ,
/// NB = TP/n − FP/n · pₜ/(1 − pₜ), against the two default policies, biopsy everyone (treat all) and no one (treat
/// none, net benefit 0). pₜ is the risk at which a clinician is indifferent between biopsy and follow-up.
/// </summary>
/// <param name="Thresholds">The threshold probabilities, ascending, each in (0, 1).</param>
/// <param name="Model">The model's net benefit at each threshold.</param>
/// <param name="TreatAll">The net benefit of biopsying every tumour at each threshold.</param>
public sealed record DecisionCurve(IReadOnlyList<double> Thresholds, IReadOnlyList<double> Model, IReadOnlyList<double> TreatAll)
{
    /// <summary>The curve of <paramref name="probabilities"/> against <paramref name="labels"/> (true = malignant) at each threshold.</summary>
    public static DecisionCurve Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Any(t => t is <= 0 or >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholds), "threshold probabilities lie strictly between 0 and 1");
        }

        var n = (double)labels.Count;
        var prevalence = labels.Count(l => l) / n;
        var ordered = thresholds.Order().ToList();
        return new DecisionCurve(ordered,
            [.. ordered.Select(t =>
            {
                var tp = labels.Where((l, i) => l && probabilities[i] >= t).Count();
                var fp = labels.Where((l, i) => !l && probabilities[i] >= t).Count();
                return tp / n - fp / n * (t / (1 - t));
            })],
            [.. ordered.Select(t => prevalence - (1 - prevalence) * (t / (1 - t)))]);
    }
}
