namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// The labels a <see cref="ConformalClassifier"/> cannot rule out for one case at its error level: one label (a
/// confident answer), both (the model cannot tell at that level), or none (the case is unlike every calibration
/// case of either label; possible only when the quantile is below 0.5).
/// </summary>
/// <param name="Benign">True when the set holds benign.</param>
/// <param name="Malignant">True when the set holds malignant.</param>
public sealed record PredictionSet(bool Benign, bool Malignant)
{
    /// <summary>The number of labels in the set, 0–2.</summary>
    public int Size => (Benign ? 1 : 0) + (Malignant ? 1 : 0);

    /// <summary>The set in plain words: "malignant", "benign", "uncertain: both" or "empty: neither label fits".</summary>
    public string Description => (Benign, Malignant) switch
    {
        (false, true) => "malignant",
        (true, false) => "benign",
        (true, true) => "uncertain: both",
        _ => "empty: neither label fits",
    };

    /// <summary>True when the set holds the label <paramref name="malignant"/> (true = malignant, false = benign).</summary>
    public bool Contains(bool malignant) => malignant ? Malignant : Benign;
}
