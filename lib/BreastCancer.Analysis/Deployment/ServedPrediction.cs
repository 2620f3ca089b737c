namespace BreastCancer.Analysis.Deployment;

/// <summary>One answer of the web app's <c>POST /api/predict</c>, as the app's client (<c>WebAppClient</c>) reads it.</summary>
/// <param name="PredictionId">The id to report the confirmed diagnosis for.</param>
/// <param name="Probability">The probability of malignancy, 0–1.</param>
/// <param name="BiopsyRecommended">Whether it reaches the model card's threshold.</param>
/// <param name="ModelVersion">The model version that answered.</param>
/// <param name="Case">The case number sent with the patient, or null.</param>
public sealed record ServedPrediction(Guid PredictionId, double Probability, bool BiopsyRecommended, string ModelVersion, string? Case = null);
