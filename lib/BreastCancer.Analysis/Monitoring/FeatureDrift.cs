namespace BreastCancer.Analysis.Monitoring;

/// <summary>How far one feature of a window has moved from the reference (training) rows.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Psi">The population stability index of the window against the reference (<see cref="PopulationStabilityIndex"/>), ≥ 0.</param>
/// <param name="Band">The PSI's conventional reading.</param>
/// <param name="KsStatistic">The two-sample Kolmogorov–Smirnov D, 0–1 (<see cref="KolmogorovSmirnov"/>).</param>
/// <param name="KsP">Its two-sided p-value, 0–1, unadjusted.</param>
/// <param name="AdjustedP">The p-value Holm-adjusted over all features of the report, 0–1.</param>
/// <param name="Drifted">True when the PSI is above the alert level and the adjusted p-value is below the KS significance level.</param>
public sealed record FeatureDrift(string Feature, double Psi, StabilityBand Band, double KsStatistic, double KsP, double AdjustedP, bool Drifted);
