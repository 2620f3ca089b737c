using System.Diagnostics;
using System.Globalization;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tuning;

/// <summary>
/// Grid search and seeded random search over a catalogue model's hyperparameters, each setting scored by
/// cross-validation on the given folds (scikit-learn's <c>GridSearchCV</c> and <c>RandomizedSearchCV</c>). Settings
/// are evaluated in parallel on up to <c>workers</c> threads; every fit of fold j is seeded with <c>seed + j</c>
/// whatever the setting, so results do not depend on the number of workers and settings are compared on equal terms.
/// The best setting (highest mean score, or lowest for Brier score and log loss; the first listed of equals) is refitted
/// on all the rows.
/// </summary>
public static class HyperparameterSearch
{
    /// <summary>
    /// Every combination of <paramref name="grid"/> (names to the values to try), in the grid's order, the last name
    /// varying fastest. <paramref name="groups"/> names each row's group (null: every row alone) for whatever
    /// cross-validates inside a fit (<see cref="CrossValidation"/>); the folds should keep the groups too.
    /// </summary>
    public static SearchResult Grid(CatalogueModel model, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> grid, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels,
        IReadOnlyList<Fold> folds, Metric metric, int seed, int? workers = null, IProgress<SearchProgress>? progress = null, IReadOnlyList<string?>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(grid);
        IEnumerable<IReadOnlyList<(string, double)>> settings = [[]];
        foreach (var (name, values) in grid)
        {
            if (values.Count == 0)
            {
                throw new ArgumentException($"the grid gives no values for {name}", nameof(grid));
            }

            settings = settings.SelectMany(s => values.Select(v => (IReadOnlyList<(string, double)>)[.. s, (name, v)])).ToList();
        }

        return Run(model, [.. settings], rows, labels, folds, metric, seed, workers, progress, groups);
    }

    /// <summary><paramref name="iterations"/> settings drawn from <paramref name="distributions"/> with <paramref name="seed"/>.</summary>
    public static SearchResult Random(CatalogueModel model, IReadOnlyList<ParameterDistribution> distributions, int iterations, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels,
        IReadOnlyList<Fold> folds, Metric metric, int seed, int? workers = null, IProgress<SearchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var random = new Random(seed);
        var settings = Enumerable.Range(0, iterations).Select(_ => (IReadOnlyList<(string, double)>)[.. distributions.Select(d => (d.Name, d.Sample(random)))]).ToList();
        return Run(model, settings, rows, labels, folds, metric, seed, workers, progress, null);
    }

    private static SearchResult Run(CatalogueModel model, IReadOnlyList<IReadOnlyList<(string Name, double Value)>> settings, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels,
        IReadOnlyList<Fold> folds, Metric metric, int seed, int? workers, IProgress<SearchProgress>? progress, IReadOnlyList<string?>? groups)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(folds);
        var candidates = settings.Select(s => s.Aggregate(model, (m, p) => m.With(p.Name, p.Value))).ToList();
        var fits = new SearchFit[candidates.Count];
        var done = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = workers ?? Environment.ProcessorCount }, i =>
        {
            var fitClock = Stopwatch.StartNew();
            var result = CrossValidation.Run(candidates[i].Pipeline(), rows, labels, folds, seed, workers: 1, groups: groups);
            var summary = result.Summary(metric);
            fits[i] = new SearchFit(candidates[i].Hyperparameters, result.Values(metric), summary.Mean, summary.Sd, fitClock.Elapsed);
            progress?.Report(new SearchProgress(Interlocked.Increment(ref done), candidates.Count, fits[i]));
        });
        var sign = metric.HigherIsBetter() ? 1 : -1;
        var best = Enumerable.Range(0, fits.Length).MaxBy(i => (sign * fits[i].Mean, -i));
        return new SearchResult(model.Family, metric, fits, best, candidates[best], candidates[best].Pipeline().Fit(rows, labels, seed, groups), clock.Elapsed);
    }
}

/// <summary>One setting of a search and its cross-validated score.</summary>
/// <param name="Parameters">Every hyperparameter of the model at this setting.</param>
/// <param name="FoldScores">The metric on each fold, in fold order.</param>
/// <param name="Mean">The mean over folds.</param>
/// <param name="Sd">The standard deviation over folds.</param>
/// <param name="Elapsed">Wall time of the setting's cross-validation.</param>
public sealed record SearchFit(IReadOnlyDictionary<string, double> Parameters, IReadOnlyList<double> FoldScores, double Mean, double Sd, TimeSpan Elapsed);

/// <summary>How far a search has got: reported after every setting.</summary>
/// <param name="Completed">Settings scored so far.</param>
/// <param name="Total">Settings in the search.</param>
/// <param name="Latest">The setting just scored.</param>
public sealed record SearchProgress(int Completed, int Total, SearchFit Latest) : IProgressReport
{
    /// <summary>One line for a progress display: <c>17 of 42 settings scored; last: C = 3, gamma = 0.01 → 0.9952 ± 0.0061</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Completed} of {Total} settings scored; last: {string.Join(", ", Latest.Parameters.Select(p => $"{p.Key} = {p.Value:G4}"))} → {Latest.Mean:F4} ± {Latest.Sd:F4}");
}

/// <summary>The outcome of a search.</summary>
/// <param name="Model">The model family searched.</param>
/// <param name="Metric">The metric optimised.</param>
/// <param name="Fits">Every setting scored, in the order tried.</param>
/// <param name="BestIndex">The position of the best setting in <paramref name="Fits"/>.</param>
/// <param name="BestModel">The catalogue model at the best setting.</param>
/// <param name="Refitted">The best model's pipeline refitted on all the rows searched.</param>
/// <param name="Elapsed">Wall time of the whole search.</param>
public sealed record SearchResult(string Model, Metric Metric, IReadOnlyList<SearchFit> Fits, int BestIndex, CatalogueModel BestModel, FittedPipeline Refitted, TimeSpan Elapsed)
{
    /// <summary>The best setting.</summary>
    public SearchFit Best => Fits[BestIndex];
}
