namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Three patients worth explaining among scored rows: a typical malignant and a typical benign tumour that the model
/// classifies correctly at its threshold, and one it gets wrong. "Typical" is the median: of the correctly flagged
/// malignant rows, the one whose probability is the median of theirs (the lower middle for an even count), and likewise
/// for the correctly cleared benign rows. The wrong one is the worst missed cancer (the false negative with the lowest
/// probability), the error that costs a patient most; when no cancer is missed, the false alarm with the highest
/// probability.
/// </summary>
/// <param name="Malignant">The typical correctly flagged malignant row.</param>
/// <param name="Benign">The typical correctly cleared benign row.</param>
/// <param name="Misclassified">The misclassified row, or null when the model gets every row right.</param>
/// <param name="Threshold">The decision threshold: a probability at least this flags the tumour for biopsy.</param>
public sealed record PatientCases(PatientCase Malignant, PatientCase Benign, PatientCase? Misclassified, double Threshold)
{
    /// <summary>The cases in order: malignant, benign, then the misclassified one if there is one.</summary>
    public IReadOnlyList<PatientCase> All => Misclassified is { } wrong ? [Malignant, Benign, wrong] : [Malignant, Benign];

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
        PatientCase Case(string role, int row) => new(role, row, labels[row], probabilities[row], Flagged(row));
        var missed = rows.Where(i => labels[i] && !Flagged(i)).OrderBy(i => probabilities[i]).ThenBy(i => i).Select(i => Case("missed cancer", i));
        var falseAlarms = rows.Where(i => !labels[i] && Flagged(i)).OrderByDescending(i => probabilities[i]).ThenBy(i => i).Select(i => Case("false alarm", i));
        return new PatientCases(
            Case("typical cancer", Median(rows.Where(i => labels[i] && Flagged(i)), probabilities, "malignant row is flagged")),
            Case("typical benign tumour", Median(rows.Where(i => !labels[i] && !Flagged(i)), probabilities, "benign row is cleared")),
            missed.Concat(falseAlarms).FirstOrDefault(),
            threshold);
    }

    private static int Median(IEnumerable<int> rows, IReadOnlyList<double> probabilities, string what)
    {
        var ordered = rows.OrderBy(i => probabilities[i]).ThenBy(i => i).ToArray();
        return ordered.Length == 0
            ? throw new ArgumentException($"no {what} at the threshold: there is no correct case of that class to explain", nameof(probabilities))
            : ordered[(ordered.Length - 1) / 2];
    }
}

/// <summary>One patient picked for explanation.</summary>
/// <param name="Role">Why it was picked: typical cancer, typical benign tumour, missed cancer or false alarm.</param>
/// <param name="Row">Its index among the scored rows.</param>
/// <param name="Malignant">Its diagnosis.</param>
/// <param name="Probability">The model's probability of malignancy, 0–1.</param>
/// <param name="Flagged">Whether the probability reaches the threshold (biopsy).</param>
public sealed record PatientCase(string Role, int Row, bool Malignant, double Probability, bool Flagged);
