namespace BreastCancer.Analysis.Explanation;

/// <summary>The scale a <see cref="ShapExplanation"/>'s values add up on.</summary>
public enum ShapOutputSpace
{
    /// <summary>The log-odds of malignancy, ln(p / (1 − p)): additive for linear and tree models.</summary>
    LogOdds,

    /// <summary>The probability of malignancy, 0–1.</summary>
    Probability,

    /// <summary>The model's raw score (a forest's vote, an SVM's margin): ordered like the probability but not one.</summary>
    Margin,
}
