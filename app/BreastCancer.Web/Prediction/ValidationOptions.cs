namespace BreastCancer.Web.Prediction;

/// <summary>How strictly patients are validated (configuration section <c>Validation</c>).</summary>
public sealed class ValidationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Validation";

    /// <summary>Whether a value outside the card's training range is an error (400) rather than a warning in the prediction.</summary>
    public bool RejectOutOfRange { get; set; }
}
