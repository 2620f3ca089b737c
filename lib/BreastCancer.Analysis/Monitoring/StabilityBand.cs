namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// The conventional reading of a population stability index (Siddiqi 2006; Yurdakul 2018):
/// below 0.1 no meaningful shift, 0.1 to 0.25 a moderate shift worth a look, above 0.25 a significant shift.
/// </summary>
public enum StabilityBand
{
    /// <summary>PSI &lt; 0.1.</summary>
    Stable,

    /// <summary>0.1 ≤ PSI ≤ 0.25.</summary>
    Moderate,

    /// <summary>PSI &gt; 0.25.</summary>
    Significant,
}

/// <summary>The band of a PSI value.</summary>
public static class StabilityBands
{
    /// <summary>The upper end of <see cref="StabilityBand.Stable"/> (exclusive): 0.1.</summary>
    public const double ModerateFrom = 0.1;

    /// <summary>The upper end of <see cref="StabilityBand.Moderate"/> (inclusive): 0.25.</summary>
    public const double SignificantAbove = 0.25;

    /// <summary>The band <paramref name="psi"/> (≥ 0) falls in.</summary>
    public static StabilityBand Of(double psi) => psi switch
    {
        double.NaN => throw new ArgumentException("the PSI is NaN", nameof(psi)),
        < ModerateFrom => StabilityBand.Stable,
        <= SignificantAbove => StabilityBand.Moderate,
        _ => StabilityBand.Significant,
    };
}
