namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// The nonparametric bootstrap over rows within each class (Efron &amp; Tibshirani 1993, ch. 6 and 13): every resample
/// draws, with replacement, as many malignant rows as there are among the malignant ones and as many benign among the
/// benign, so that it keeps the class counts of a stratified sample such as the study's held-out rows.
/// </summary>
internal static class StratifiedBootstrap
{
    private static readonly bool[] Classes = [true, false];

    /// <summary>
    /// <paramref name="count"/> resamples of the row positions of <paramref name="labels"/>, from a generator seeded with
    /// <paramref name="seed"/>: the malignant rows' positions first, each drawn uniformly among them, then the benign ones'.
    /// </summary>
    public static int[][] Resamples(IReadOnlyList<bool> labels, int count, int seed)
    {
        var random = new Random(seed);
        var byClass = Classes.Select(c => Enumerable.Range(0, labels.Count).Where(r => labels[r] == c).ToArray()).ToArray();
        return [.. Enumerable.Range(0, count)
            .Select(_ => byClass.SelectMany(members => Enumerable.Range(0, members.Length).Select(_ => members[random.Next(members.Length)])).ToArray())];
    }
}
