namespace BreastCancer.Web.Prediction;

/// <summary>One feature's SHAP value for one patient.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Value">The patient's value of it.</param>
/// <param name="LogOdds">Its contribution to the log-odds of malignancy, relative to the training rows' average.</param>
/// <param name="Direction"><c>towards malignant</c> when the contribution is positive, <c>towards benign</c> otherwise.</param>
public sealed record Contribution(string Feature, double Value, double LogOdds, string Direction);
