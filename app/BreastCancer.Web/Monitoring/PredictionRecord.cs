namespace BreastCancer.Web.Monitoring;

/// <summary>
/// One prediction as the monitoring store keeps it: nothing that identifies a person, only what drift and performance
/// monitoring and a retrain's comparison need.
/// </summary>
/// <param name="Id">The prediction's id, returned to the caller so that the confirmed diagnosis can be reported for it.</param>
/// <param name="Time">When it was made (UTC).</param>
/// <param name="ModelVersion">The model version that made it.</param>
/// <param name="Features">The 30 measurements, in the model card's feature order and the data's units.</param>
/// <param name="Probability">The probability of malignancy, 0–1.</param>
/// <param name="Biopsy">The decision at the card's threshold: true when biopsy is recommended.</param>
/// <param name="Case">The clinic's pseudonymous case number of the tumour, shared by its predictions, or null when none was given.</param>
public sealed record PredictionRecord(Guid Id, DateTimeOffset Time, string ModelVersion, IReadOnlyList<double> Features, double Probability, bool Biopsy, string? Case = null);

/// <summary>A prediction with the diagnosis later confirmed for it.</summary>
/// <param name="Prediction">The prediction.</param>
/// <param name="Malignant">The confirmed diagnosis: true for malignant.</param>
/// <param name="Time">When the outcome was reported (UTC).</param>
public sealed record LabelledPrediction(PredictionRecord Prediction, bool Malignant, DateTimeOffset Time);

/// <summary>What became of a reported outcome.</summary>
public enum OutcomeResult
{
    /// <summary>Stored.</summary>
    Recorded,

    /// <summary>No prediction has that id.</summary>
    UnknownPrediction,

    /// <summary>The prediction already has this same outcome; nothing changed.</summary>
    Repeated,

    /// <summary>The prediction already has the other outcome; the first one stands.</summary>
    Contradicted,
}
