namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// The nonparametric bootstrap over cases (Efron &amp; Tibshirani 1993, ch. 6 and 13; Davison &amp; Hinkley 1997, §3.8
/// for clustered data): each resample draws as many cases as there are, with replacement, and takes every outcome of
/// each case drawn, so that the outcomes of one tumour stay together.
/// </summary>
internal static class CaseBootstrap
{
    /// <summary>
    /// <paramref name="count"/> resamples of the outcomes whose cases are <paramref name="caseOf"/>, as outcome
    /// positions, from a generator seeded with <paramref name="seed"/>. A resample without a malignant or without a
    /// benign outcome, on which ROC AUC is not defined, is drawn again.
    /// </summary>
    public static IReadOnlyList<int[]> Resamples(IReadOnlyList<string> caseOf, IReadOnlyList<bool> malignant, int count, int seed)
    {
        var cases = caseOf.Select((c, r) => (c, r)).GroupBy(x => x.c, StringComparer.Ordinal).Select(g => g.Select(x => x.r).ToArray()).ToArray();
        var random = new Random(seed);
        var resamples = new List<int[]>(count);
        while (resamples.Count < count)
        {
            var positions = Enumerable.Range(0, cases.Length).SelectMany(_ => cases[random.Next(cases.Length)]).ToArray();
            if (positions.Any(r => malignant[r]) && positions.Any(r => !malignant[r]))
            {
                resamples.Add(positions);
            }
        }

        return resamples;
    }
}
