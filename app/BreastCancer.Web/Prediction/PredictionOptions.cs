namespace BreastCancer.Web.Prediction;

/// <summary>Limits of <c>POST /api/predict</c> (configuration section <c>Prediction</c>).</summary>
public sealed class PredictionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Prediction";

    /// <summary>The most patients one request may hold.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>
    /// The largest request body accepted, in bytes; a larger one gets 413. The default holds a full batch of
    /// <see cref="MaxBatchSize"/> patients written at full precision, indented, each with a 64-character case number
    /// (about 190 KB), with room to spare.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How many contributions a prediction lists, largest in absolute value first.</summary>
    public int TopContributions { get; set; } = 5;
}
