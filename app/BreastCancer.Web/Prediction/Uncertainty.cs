using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Web.Prediction;

/// <summary>
/// The uncertainty of one prediction as a conformal prediction set (<see cref="ConformalClassifier"/>): the diagnoses
/// that are consistent with the patient's probability at the stated level. One diagnosis means the model is confident
/// at that level; both mean it cannot tell, however the probability compares with the threshold.
/// </summary>
/// <param name="Level">The coverage the sets aim at, e.g. 0.95: over patients, the set holds the true diagnosis this often.</param>
/// <param name="Diagnoses">The diagnoses in the set ("benign", "malignant").</param>
/// <param name="Statement">The set in words, e.g. "95 % prediction set: malignant".</param>
public sealed record Uncertainty(double Level, IReadOnlyList<string> Diagnoses, string Statement)
{
    /// <summary>The uncertainty of a prediction with <paramref name="probability"/> of malignancy under <paramref name="sets"/>.</summary>
    public static Uncertainty Of(ConformalClassifier sets, double probability)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var set = sets.Set(probability);
        var level = 1 - sets.Alpha;
        return new Uncertainty(level, [.. new[] { ("benign", set.Benign), ("malignant", set.Malignant) }.Where(d => d.Item2).Select(d => d.Item1)],
            $"{level:P0} prediction set: {set.Description}");
    }
}
