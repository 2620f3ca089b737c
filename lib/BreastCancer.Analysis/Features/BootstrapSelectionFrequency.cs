namespace BreastCancer.Analysis.Features;

/// <summary>
/// How often each selector picks each feature over seeded bootstrap resamples of the training rows: a feature chosen in
/// nearly every resample is a stable choice; one chosen in half of them depends on which patients happen to be in the
/// sample. This is a descriptive frequency, not Meinshausen &amp; Bühlmann's stability selection (JRSS B 72 (2010)
/// 417–473), which subsamples half the rows, keeps the features above a frequency threshold and bounds the expected
/// number of false selections.
/// </summary>
/// <param name="Features">The feature names.</param>
/// <param name="Selectors">The selector names, in the order given.</param>
/// <param name="Frequencies">Frequencies[s][f]: the share of resamples in which selector s kept feature f, 0–1.</param>
/// <param name="Resamples">The number of bootstrap resamples.</param>
/// <param name="Seed">The seed of the resampling.</param>
public sealed record BootstrapSelectionFrequency(IReadOnlyList<string> Features, IReadOnlyList<string> Selectors, IReadOnlyList<IReadOnlyList<double>> Frequencies, int Resamples, int Seed)
{
    private static readonly bool[] Classes = [true, false];

    /// <summary>
    /// Runs every selector on <paramref name="resamples"/> bootstrap samples (with replacement, stratified by class) of
    /// the rows, the fits in parallel on every core; each fit sees only its sample, so the result does not depend on
    /// the number of cores.
    /// </summary>
    public static BootstrapSelectionFrequency Run(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<string> features, IReadOnlyList<IFeatureSelector> selectors, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(selectors);
        var random = new Random(seed);
        var byClass = Classes.Select(c => Enumerable.Range(0, rows.Count).Where(r => labels[r] == c).ToArray()).ToArray();
        var samples = Enumerable.Range(0, resamples)
            .Select(_ => byClass.SelectMany(members => Enumerable.Range(0, members.Length).Select(_ => members[random.Next(members.Length)])).ToArray())
            .ToList();
        var selected = new IReadOnlyList<int>[selectors.Count, resamples];
        Parallel.For(0, selectors.Count * resamples, fit =>
        {
            var (s, sample) = (fit / resamples, samples[fit % resamples]);
            selected[s, fit % resamples] = selectors[s].Fit([.. sample.Select(r => rows[r])], [.. sample.Select(r => labels[r])]).Selected;
        });
        var frequencies = Enumerable.Range(0, selectors.Count).Select(s =>
        {
            var counts = new int[features.Count];
            for (var sample = 0; sample < resamples; sample++)
            {
                foreach (var j in selected[s, sample])
                {
                    counts[j]++;
                }
            }

            return (IReadOnlyList<double>)[.. counts.Select(c => c / (double)resamples)];
        }).ToList();
        return new BootstrapSelectionFrequency(features, [.. selectors.Select(s => s.Name)], frequencies, resamples, seed);
    }
}
