namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// A decision threshold chosen for a target sensitivity: the largest probability threshold at which at least the
/// target share of malignant training rows is predicted malignant. Chosen on training rows (or a training fold) and
/// then applied, unchanged, to rows the model has not seen, where its sensitivity and specificity are measured.
/// </summary>
public static class OperatingPoint
{
    /// <summary>
    /// The threshold reaching <paramref name="targetSensitivity"/> (0–1] on the given training predictions: the
    /// ⌈target · positives⌉-th highest probability among the malignant rows, so that every malignant row scoring at
    /// least as high is caught.
    /// </summary>
    public static double ForSensitivity(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, double targetSensitivity)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (targetSensitivity is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(targetSensitivity), targetSensitivity, "a target sensitivity lies in (0, 1]");
        }

        var positives = Enumerable.Range(0, labels.Count).Where(i => labels[i]).Select(i => probabilities[i]).OrderDescending().ToArray();
        if (positives.Length == 0)
        {
            throw new ArgumentException("no malignant rows: a sensitivity cannot be reached", nameof(labels));
        }

        var needed = (int)Math.Ceiling(targetSensitivity * positives.Length - 1e-9);
        return positives[Math.Max(needed, 1) - 1];
    }
}
