namespace BreastCancer.Web.Batch;

/// <summary>The columns the score command adds after the copied ones, and the words of its decision.</summary>
public static class ScoredRow
{
    /// <summary>The probability of malignancy, round-trip precision.</summary>
    public const string Probability = "probability";

    /// <summary>The decision at the card's threshold: <see cref="Biopsy"/> or <see cref="NoBiopsy"/>.</summary>
    public const string Decision = "decision";

    /// <summary>The version of the model that scored the row.</summary>
    public const string ModelVersion = "model_version";

    /// <summary>The decision when the probability is at least the card's threshold.</summary>
    public const string Biopsy = "biopsy";

    /// <summary>The decision when it is below.</summary>
    public const string NoBiopsy = "no biopsy";

    /// <summary>The added columns, in output order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [Probability, Decision, ModelVersion];
}
