namespace BreastCancer.Web.Prediction;

/// <summary>The model's answer for one patient.</summary>
/// <param name="PredictionId">A new identifier for this prediction.</param>
/// <param name="Probability">The probability that the tumour is malignant, 0–1.</param>
/// <param name="BiopsyRecommended">Whether the probability reaches the card's decision threshold.</param>
/// <param name="Decision">The decision in words: <c>biopsy recommended</c> (<see cref="Recommended"/>) or <c>biopsy not recommended</c> (<see cref="NotRecommended"/>).</param>
/// <param name="Threshold">The card's decision threshold.</param>
/// <param name="ModelVersion">The version of the model that answered.</param>
/// <param name="Uncertainty">The conformal prediction set: the diagnoses consistent with this probability at the stated level.</param>
/// <param name="Explanation">The exact SHAP explanation, or null when the model has none (neither linear nor a tree ensemble).</param>
/// <param name="Warnings">The values outside their training range.</param>
/// <param name="Case">The tumour's case number the request gave, or null.</param>
public sealed record PatientPrediction(Guid PredictionId, double Probability, bool BiopsyRecommended, string Decision, double Threshold, string ModelVersion,
    Uncertainty Uncertainty, PredictionExplanation? Explanation, IReadOnlyList<RangeWarning> Warnings, string? Case = null)
{
    /// <summary>The decision at or above the threshold.</summary>
    public const string Recommended = "biopsy recommended";

    /// <summary>The decision below the threshold.</summary>
    public const string NotRecommended = "biopsy not recommended";
}
