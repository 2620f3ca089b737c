using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// The champion's and the challenger's predictions of every outcome of a <see cref="ChallengerComparison"/>, by the
/// outcome's position: the champion's as served, the challenger's from the fold that held the outcome out, each with
/// the threshold of the model that made it.
/// </summary>
/// <param name="Labels">Each outcome's diagnosis (true = malignant).</param>
/// <param name="ChampionProbabilities">The champion's probability of malignancy for each outcome.</param>
/// <param name="ChampionThresholds">The champion's threshold, for each outcome.</param>
/// <param name="ChallengerProbabilities">The challenger's probability for each outcome.</param>
/// <param name="ChallengerThresholds">The threshold of the fold's challenger, for each outcome.</param>
internal sealed record PairedPredictions(bool[] Labels, double[] ChampionProbabilities, double[] ChampionThresholds, double[] ChallengerProbabilities, double[] ChallengerThresholds)
{
    /// <summary>The predictions of <paramref name="count"/> outcomes, gathered from <paramref name="folds"/>, which hold each outcome once.</summary>
    public static PairedPredictions Of(IReadOnlyList<ComparisonFold> folds, int count)
    {
        var paired = new PairedPredictions(new bool[count], new double[count], new double[count], new double[count], new double[count]);
        foreach (var fold in folds)
        {
            for (var i = 0; i < fold.Outcomes.Count; i++)
            {
                var r = fold.Outcomes[i];
                paired.Labels[r] = fold.Labels[i];
                (paired.ChampionProbabilities[r], paired.ChampionThresholds[r]) = (fold.Champion.Probabilities[i], fold.Champion.Threshold);
                (paired.ChallengerProbabilities[r], paired.ChallengerThresholds[r]) = (fold.Challenger.Probabilities[i], fold.Challenger.Threshold);
            }
        }

        return paired;
    }

    /// <summary>
    /// For sensitivity and specificity, Tango's score interval (<see cref="PairedProportionInterval.Tango"/>) of the
    /// difference challenger − champion, with the cases of <paramref name="caseOf"/> as the unit: among the outcomes of
    /// the class the metric counts (malignant for sensitivity, benign for specificity), the pairs right under the
    /// challenger only and under the champion only, and all of them, each divided by the design effect (the class's
    /// outcomes per case). Null for the other metrics.
    /// </summary>
    public (double Low, double High)? ScoreInterval(Metric metric, IReadOnlyList<string> caseOf)
    {
        if (metric is not (Metric.Sensitivity or Metric.Specificity))
        {
            return null;
        }

        var malignant = metric == Metric.Sensitivity;
        var rows = Enumerable.Range(0, Labels.Length).Where(r => Labels[r] == malignant).ToArray();
        bool Right(double[] probabilities, double[] thresholds, int r) => probabilities[r] >= thresholds[r] == malignant;
        var onlyChallenger = rows.Count(r => Right(ChallengerProbabilities, ChallengerThresholds, r) && !Right(ChampionProbabilities, ChampionThresholds, r));
        var onlyChampion = rows.Count(r => !Right(ChallengerProbabilities, ChallengerThresholds, r) && Right(ChampionProbabilities, ChampionThresholds, r));
        var designEffect = rows.Length / (double)rows.Select(r => caseOf[r]).Distinct(StringComparer.Ordinal).Count();
        return PairedProportionInterval.Tango(onlyChallenger / designEffect, onlyChampion / designEffect, rows.Length / designEffect);
    }

    /// <summary>Both models' metrics on the outcomes at <paramref name="positions"/> (repeats allowed, as in a bootstrap resample).</summary>
    public (ClassificationMetrics Champion, ClassificationMetrics Challenger) Metrics(IReadOnlyList<int> positions)
    {
        var labels = positions.Select(r => Labels[r]).ToArray();
        return (ClassificationMetrics.Compute(labels, [.. positions.Select(r => ChampionProbabilities[r])], [.. positions.Select(r => ChampionThresholds[r])]),
            ClassificationMetrics.Compute(labels, [.. positions.Select(r => ChallengerProbabilities[r])], [.. positions.Select(r => ChallengerThresholds[r])]));
    }
}
