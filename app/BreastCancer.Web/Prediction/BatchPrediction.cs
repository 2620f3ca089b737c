namespace BreastCancer.Web.Prediction;

/// <summary>The answer to a batch: one prediction per patient, in the request's order.</summary>
/// <param name="Predictions">The predictions.</param>
public sealed record BatchPrediction(IReadOnlyList<PatientPrediction> Predictions);
