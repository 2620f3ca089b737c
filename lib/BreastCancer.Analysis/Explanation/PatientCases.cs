namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Three patients worth explaining among scored rows: a typical malignant and a typical benign tumour that the model
/// classifies correctly at its threshold, and one it gets wrong. "Typical" is the median: of the correctly flagged
/// malignant rows, the one whose probability is the median of theirs (the lower middle for an even count), and likewise
/// for the correctly cleared benign rows. The wrong one is the worst missed cancer (the false negative with the lowest
/// probability), the error that costs a patient most; when no cancer is missed, the false alarm with the highest
/// probability.
/// </summary>
/// <param name="Malignant">Index of the typical correctly flagged malignant row.</param>
/// <param name="Benign">Index of the typical correctly cleared benign row.</param>
/// <param name="Misclassified">Index of the misclassified row, or null when the model gets every row right.</param>
public sealed record PatientCases(int Malignant, int Benign, int? Misclassified)
{
    /// <summary>Picks the three rows from each row's probability of malignancy, its label (true = malignant) and the decision threshold (p ≥ threshold flags).</summary>
    /// <exception cref="ArgumentException">Probabilities and labels differ in count, or no malignant or no benign row is classified correctly.</exception>
    public static PatientCases Pick(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Count != labels.Count)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities for {labels.Count} labels", nameof(labels));
        }

        var rows = Enumerable.Range(0, labels.Count).ToArray();
        bool Flagged(int i) => probabilities[i] >= threshold;
        var missed = rows.Where(i => labels[i] && !Flagged(i)).OrderBy(i => probabilities[i]).ThenBy(i => i);
        var falseAlarms = rows.Where(i => !labels[i] && Flagged(i)).OrderByDescending(i => probabilities[i]).ThenBy(i => i);
        return new PatientCases(
            Median(rows.Where(i => labels[i] && Flagged(i)), probabilities, "malignant row is flagged"),
            Median(rows.Where(i => !labels[i] && !Flagged(i)), probabilities, "benign row is cleared"),
            missed.Concat(falseAlarms).Select(i => (int?)i).FirstOrDefault());
    }

    private static int Median(IEnumerable<int> rows, IReadOnlyList<double> probabilities, string what)
    {
        var ordered = rows.OrderBy(i => probabilities[i]).ThenBy(i => i).ToArray();
        return ordered.Length == 0
            ? throw new ArgumentException($"no {what} at the threshold: there is no correct case of that class to explain", nameof(probabilities))
            : ordered[(ordered.Length - 1) / 2];
    }
}
