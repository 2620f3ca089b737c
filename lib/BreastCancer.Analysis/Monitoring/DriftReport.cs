namespace BreastCancer.Analysis.Monitoring;

/// <summary>A window of incoming rows compared with the reference (training) rows by a <see cref="DriftDetector"/>.</summary>
/// <param name="WindowSize">Rows in the window.</param>
/// <param name="ReferenceSize">Rows in the reference.</param>
/// <param name="Features">Each feature's drift, in the detector's feature order.</param>
/// <param name="PredictionRate">The drift of the predicted malignancy rate.</param>
/// <param name="Thresholds">The thresholds the calls were made with.</param>
public sealed record DriftReport(int WindowSize, int ReferenceSize, IReadOnlyList<FeatureDrift> Features, PredictionRateDrift PredictionRate, DriftThresholds Thresholds)
{
    /// <summary>True when any feature or the predicted malignancy rate drifted.</summary>
    public bool Drifted => PredictionRate.Drifted || Features.Any(f => f.Drifted);

    /// <summary>The names of the features that drifted, in feature order.</summary>
    public IReadOnlyList<string> DriftedFeatures => [.. Features.Where(f => f.Drifted).Select(f => f.Feature)];
}
