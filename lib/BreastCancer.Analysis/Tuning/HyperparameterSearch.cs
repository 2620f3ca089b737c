using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tuning;

/// <summary>
/// Grid search and seeded random search over a catalogue model's hyperparameters, each setting scored by
/// cross-validation on the given folds (scikit-learn's <c>GridSearchCV</c> and <c>RandomizedSearchCV</c>). Settings
/// are evaluated fold by fold in parallel on up to <c>workers</c> threads; every fit of fold j is seeded with
/// <c>seed + j</c> whatever the setting, so results do not depend on the number of workers and settings are compared
/// on equal terms. Settings of a staged model (<see cref="CatalogueModel.Staged"/>: a forest's or a boosted model's
/// <c>trees</c>) that differ only in their number of stages share one fit per fold, at their largest number, and each
/// is scored from the fit's first stages (<see cref="IStagedFittedClassifier"/>): the same scores as fitting each on
/// its own, from fewer fits. Every setting's pipeline has the same feature steps (imputation, standardisation), so
/// they are fitted once per fold and every setting's classifier is fitted on the rows they make, the rows fitting each
/// setting's whole pipeline would give, bit for bit. RBF SVM fits on one fold's rows share their pairwise distances
/// through a <see cref="DistanceCache"/> that lives as long as the search; the workers take the fits from one sequence,
/// every setting on a block of folds before the next block (<see cref="Scheduled"/>), a block being as many folds as
/// the cache holds, so that each fold's distances are computed once however many folds there are. The best setting (highest mean score, or lowest for Brier score and log loss; the first listed of equals) is refitted
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
        CrossValidation.CheckInputs(rows, labels, folds, groups);
        using var distances = DistanceCache.Open();
        var candidates = settings.Select(s => s.Aggregate(model, (m, p) => m.With(p.Name, p.Value))).ToList();
        var shared = SharedFits(candidates);
        var scores = candidates.Select(_ => new FoldScore[folds.Count]).ToArray();
        var times = new long[candidates.Count];
        var remaining = shared.Select(_ => folds.Count).ToArray();
        var fits = new SearchFit[candidates.Count];
        var prepared = folds.Select(fold => new Lazy<IReadOnlyList<double[]>>(() => Prepared(model, rows, labels, fold))).ToArray();
        var done = 0;
        var clock = Stopwatch.StartNew();
        var foldsPerBlock = FoldsPerBlock(distances.Cache.Capacity, folds);
        var order = Enumerable.Range(0, shared.Count * folds.Count).Select(item => Scheduled(item, shared.Count, folds.Count, foldsPerBlock));
        Parallel.ForEach(Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = workers ?? Environment.ProcessorCount }, pair =>
        {
            var (g, j) = pair;
            var fitClock = Stopwatch.StartNew();
            var scored = ScoreFold(shared[g], candidates, prepared[j].Value, labels, folds[j], seed + j, groups);
            var ticks = fitClock.Elapsed.Ticks;
            foreach (var (member, score) in shared[g].Members.Zip(scored))
            {
                scores[member][j] = score;
                Interlocked.Add(ref times[member], ticks);
            }

            if (Interlocked.Decrement(ref remaining[g]) > 0)
            {
                return;
            }

            foreach (var member in shared[g].Members)
            {
                var result = new CrossValidationResult(candidates[member].Pipeline().Name, scores[member]);
                var summary = result.Summary(metric);
                fits[member] = new SearchFit(candidates[member].Hyperparameters, result.Values(metric), summary.Mean, summary.Sd, TimeSpan.FromTicks(Interlocked.Read(ref times[member])));
                progress?.Report(new SearchProgress(Interlocked.Increment(ref done), candidates.Count, fits[member]));
            }
        });
        var sign = metric.HigherIsBetter() ? 1 : -1;
        var best = Enumerable.Range(0, fits.Length).MaxBy(i => (sign * fits[i].Mean, -i));
        return new SearchResult(model.Family, metric, fits, best, candidates[best], candidates[best].Pipeline().Fit(rows, labels, seed, groups), clock.Elapsed);
    }

    /// <summary>
    /// The candidates grouped by the fit they share: those that differ only in the model's staged hyperparameter
    /// (<see cref="CatalogueModel.Staged"/>) share one fit at their largest count, every other candidate has its own.
    /// Groups in the order of their first candidate.
    /// </summary>
    private static List<SharedFit> SharedFits(List<CatalogueModel> candidates)
    {
        var shared = new List<SharedFit>();
        var byRest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var staged = candidates[i].Staged;
            if (staged is null)
            {
                shared.Add(new SharedFit(i, [i]));
                continue;
            }

            var rest = string.Join(";", candidates[i].Hyperparameters.Where(h => h.Key != staged).Select(h => FormattableString.Invariant($"{h.Key}={h.Value:R}")));
            if (byRest.TryGetValue(rest, out var g))
            {
                var largest = candidates[shared[g].Largest].Hyperparameters[staged] >= candidates[i].Hyperparameters[staged] ? shared[g].Largest : i;
                shared[g] = new SharedFit(largest, [.. shared[g].Members, i]);
            }
            else
            {
                byRest[rest] = shared.Count;
                shared.Add(new SharedFit(i, [i]));
            }
        }

        return shared;
    }

    /// <summary>
    /// The folds whose training rows' pairwise distances (n² each, for the largest n) fit in <paramref name="capacity"/>
    /// matrix entries together: at least one, at most all.
    /// </summary>
    internal static int FoldsPerBlock(long capacity, IReadOnlyList<Fold> folds)
    {
        var largest = (long)folds.Max(f => f.Train.Count);
        return (int)Math.Clamp(capacity / Math.Max(1, largest * largest), 1, folds.Count);
    }

    /// <summary>
    /// The (fit group, fold) of the search's <paramref name="item"/>-th fit: the folds are taken in blocks of
    /// <paramref name="foldsPerBlock"/>, and within a block group after group, each on the block's folds in order. With
    /// one block (every fold fits) this is every group on every fold, group after group.
    /// </summary>
    internal static (int Group, int Fold) Scheduled(int item, int groups, int folds, int foldsPerBlock)
    {
        var (block, within) = Math.DivRem(item, groups * foldsPerBlock);
        var first = block * foldsPerBlock;
        var (group, offset) = Math.DivRem(within, Math.Min(foldsPerBlock, folds - first));
        return (group, first + offset);
    }

    /// <summary>
    /// Every row (training and test) passed through the model's feature steps fitted on the fold's training rows alone;
    /// the steps transform each row by itself, so a row's values are those the whole pipeline's fit and prediction give.
    /// </summary>
    private static IReadOnlyList<double[]> Prepared(CatalogueModel model, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, Fold fold)
    {
        var (steps, _) = model.Pipeline().FitSteps([.. fold.Train.Select(r => rows[r])], [.. fold.Train.Select(r => labels[r])]);
        return steps.Aggregate(rows, (current, step) => step.Transform(current));
    }

    /// <summary>
    /// Fits the group's largest candidate's classifier on the fold's <paramref name="prepared"/> training rows with
    /// <paramref name="seed"/>, as <see cref="CrossValidation"/> fits a fold, and scores the fold's prepared test rows
    /// for each member: a candidate alone by the fitted classifier, a member of a staged group by the fitted model's
    /// first stages, as many as it asks for.
    /// </summary>
    private static FoldScore[] ScoreFold(SharedFit group, List<CatalogueModel> candidates, IReadOnlyList<double[]> prepared, IReadOnlyList<bool> labels, Fold fold, int seed,
        IReadOnlyList<string?>? groups)
    {
        var largest = candidates[group.Largest];
        var (fitted, score) = CrossValidation.FitFold(new ClassificationPipeline([], largest.Classifier()), prepared, labels, fold, seed, operatingPoint: null, groups);
        if (group.Members.Count == 1)
        {
            return [score];
        }

        var staged = Staged(fitted.Classifier, largest);
        var test = fold.Test.Select(r => prepared[r]).ToArray();
        return [.. group.Members.Select(member =>
        {
            var probabilities = staged.PredictProbability(test, (int)candidates[member].Hyperparameters[largest.Staged!]);
            return score with { Probabilities = probabilities, Metrics = ClassificationMetrics.Compute(score.Labels, probabilities) };
        })];
    }

    private static IStagedFittedClassifier Staged(IFittedClassifier fitted, CatalogueModel model) => fitted as IStagedFittedClassifier
        ?? throw new InvalidOperationException($"{model.Family} counts its stages by '{model.Staged}', but its fitted classifier ({fitted.GetType().Name}) cannot score from its first stages");

    /// <summary>Candidates scored from one fit per fold: that of <paramref name="Largest"/>, the member with the most stages.</summary>
    /// <param name="Largest">The index of the candidate fitted.</param>
    /// <param name="Members">The indices of the candidates scored from its fit, in the search's order.</param>
    private sealed record SharedFit(int Largest, IReadOnlyList<int> Members);
}

/// <summary>One setting of a search and its cross-validated score.</summary>
/// <param name="Parameters">Every hyperparameter of the model at this setting.</param>
/// <param name="FoldScores">The metric on each fold, in fold order.</param>
/// <param name="Mean">The mean over folds.</param>
/// <param name="Sd">The standard deviation over folds.</param>
/// <param name="Elapsed">Time of the setting's cross-validation, its folds' fit and scoring times summed (the feature steps, fitted once per fold for every setting, not counted); settings scored from shared fits (a staged model's numbers of stages) each count the shared fits whole.</param>
public sealed record SearchFit(IReadOnlyDictionary<string, double> Parameters, IReadOnlyList<double> FoldScores, double Mean, double Sd, TimeSpan Elapsed);

/// <summary>How far a search has got: reported after every setting, once all its folds are scored.</summary>
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
