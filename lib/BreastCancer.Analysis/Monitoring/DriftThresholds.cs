namespace BreastCancer.Analysis.Monitoring;

/// <summary>When a <see cref="DriftDetector"/> calls a window drifted.</summary>
/// <param name="PsiAlert">A feature drifts when its PSI is above this (default 0.25, the conventional start of a significant shift) and its KS test rejects, &gt; 0.</param>
/// <param name="KsAlpha">
/// A feature drifts when its Kolmogorov–Smirnov p-value, Holm-adjusted over all the features (<see cref="HolmCorrection"/>),
/// is below this (default 0.01) and its PSI is above the alert: the chance that any feature of an undrifted window alerts
/// is at most this. 0–1.
/// </param>
/// <param name="RateAlpha">The predicted malignancy rate drifts when its two-proportion test's p-value is below this (default 0.01), 0–1.</param>
/// <param name="MinimumWindow">
/// The fewest rows a window may have (default 100). PSI is biased upward in small samples: with k bins its expectation
/// under no drift is about (k − 1)(1/n_reference + 1/n_window), ≈ 0.11 for 10 bins, 100 window rows and 455 reference rows.
/// </param>
public sealed record DriftThresholds(double PsiAlert = 0.25, double KsAlpha = 0.01, double RateAlpha = 0.01, int MinimumWindow = 100)
{
    /// <summary>The defaults.</summary>
    public static DriftThresholds Default { get; } = new();

    /// <summary>Throws when a threshold is out of its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of its range.</exception>
    public void Validate()
    {
        if (PsiAlert is not > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PsiAlert), PsiAlert, "the PSI alert level must be above 0");
        }

        if (KsAlpha is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(KsAlpha), KsAlpha, "the KS significance level must be between 0 and 1");
        }

        if (RateAlpha is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RateAlpha), RateAlpha, "the rate test's significance level must be between 0 and 1");
        }

        if (MinimumWindow < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumWindow), MinimumWindow, "a window needs at least 2 rows");
        }
    }
}
