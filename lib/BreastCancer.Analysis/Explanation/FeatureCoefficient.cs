namespace BreastCancer.Analysis.Explanation;

/// <summary>One feature's coefficient in a <see cref="LinearCoefficients"/>.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="PerUnit">Log-odds of malignancy per unit of the feature (its own units).</param>
/// <param name="PerSd">Log-odds per training SD of the feature (the standardised coefficient).</param>
/// <param name="TrainingMean">The feature's mean over the training rows.</param>
/// <param name="TrainingSd">The feature's sample SD (n − 1) over the training rows.</param>
public sealed record FeatureCoefficient(string Feature, double PerUnit, double PerSd, double TrainingMean, double TrainingSd)
{
    /// <summary>The odds ratio of malignancy for one training SD more of the feature, e^<see cref="PerSd"/>.</summary>
    public double OddsRatioPerSd => Math.Exp(PerSd);
}
