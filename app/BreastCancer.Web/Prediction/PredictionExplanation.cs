namespace BreastCancer.Web.Prediction;

/// <summary>
/// A prediction's exact SHAP explanation in log-odds of malignancy: <see cref="BaseLogOdds"/> + Σ <see cref="TopContributions"/> +
/// <see cref="OtherFeaturesLogOdds"/> is the log-odds of the prediction's probability.
/// </summary>
/// <param name="Method">How the values were computed.</param>
/// <param name="BaseLogOdds">The average log-odds over the training rows.</param>
/// <param name="TopContributions">The largest contributions in absolute value, largest first.</param>
/// <param name="OtherFeaturesLogOdds">The sum of the contributions of the features not in <see cref="TopContributions"/>.</param>
public sealed record PredictionExplanation(string Method, double BaseLogOdds, IReadOnlyList<Contribution> TopContributions, double OtherFeaturesLogOdds);
