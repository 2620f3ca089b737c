namespace BreastCancer.Analysis.Features;

/// <summary>The WDBC feature sets the study carries from notebook 04 into model comparison (05) and tuning (06).</summary>
public static class StudyFeatureSets
{
    /// <summary>
    /// The three features of Street, Wolberg &amp; Mangasarian (1993), whose classifier reached 97.5 % accuracy under
    /// 10-fold cross-validation: worst area, worst smoothness, mean texture.
    /// </summary>
    public static readonly IReadOnlyList<string> StreetEtAl = ["area_worst", "smoothness_worst", "texture_mean"];

    /// <summary>The cut height of the correlation filter: one feature per cluster of features with |ρ| above about 0.8.</summary>
    public const double CorrelationCut = 0.2;
}
