namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// Whether the share of rows the model calls malignant (probability ≥ the decision threshold) has moved between the
/// reference rows and a window, by the two-sided pooled two-proportion z-test (<see cref="TwoProportionTest"/>).
/// </summary>
/// <param name="WindowMalignant">Window rows called malignant.</param>
/// <param name="WindowRate">Their share of the window, 0–1.</param>
/// <param name="ReferenceMalignant">Reference rows called malignant.</param>
/// <param name="ReferenceRate">Their share of the reference rows, 0–1.</param>
/// <param name="Z">The z statistic, positive when the window calls more rows malignant.</param>
/// <param name="P">The two-sided p-value, 0–1.</param>
/// <param name="Drifted">True when <paramref name="P"/> is below the rate test's significance level.</param>
public sealed record PredictionRateDrift(int WindowMalignant, double WindowRate, int ReferenceMalignant, double ReferenceRate, double Z, double P, bool Drifted);
