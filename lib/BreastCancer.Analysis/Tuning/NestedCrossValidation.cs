using System.Globalization;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tuning;

/// <summary>
/// Nested cross-validation (Varma &amp; Simon, BMC Bioinformatics 7 (2006) 91; Cawley &amp; Talbot, JMLR 11 (2010)
/// 2079–2107): for each outer fold a whole hyperparameter search runs on the outer training rows alone, with its own
/// inner folds, and the setting it picks, refitted on those rows, scores the outer test fold. The outer scores estimate
/// how well the whole procedure, search included, does on unseen rows; the inner best score, which the search chose
/// because it was high, is optimistic, and their difference is reported.
/// </summary>
public static class NestedCrossValidation
{
    /// <summary>
    /// A grid search of <paramref name="model"/> over <paramref name="grid"/> inside each outer fold, with
    /// <paramref name="innerFolds"/> stratified inner folds that keep each of <paramref name="groups"/> (null: every
    /// row alone) in one fold, as the outer folds should.
    /// </summary>
    public static NestedCrossValidationResult Grid(CatalogueModel model, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> grid, IReadOnlyList<double[]> rows,
        IReadOnlyList<bool> labels, IReadOnlyList<Fold> outerFolds, int innerFolds, Metric metric, int seed, int? workers = null, IProgress<NestedProgress>? progress = null,
        IReadOnlyList<string?>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Run(model.Family, (trainRows, trainLabels, trainGroups, folds, foldSeed) =>
                HyperparameterSearch.Grid(model, grid, trainRows, trainLabels, folds, metric, foldSeed, workers, groups: trainGroups),
            rows, labels, outerFolds, innerFolds, metric, seed, progress, groups);
    }

    /// <summary>
    /// Runs <paramref name="search"/> (given the outer training rows, their labels, their groups, the inner folds and a
    /// seed) inside each outer fold and scores its refitted best model on the outer test fold. The inner folds keep each
    /// of <paramref name="groups"/> (null: every row alone) in one fold.
    /// </summary>
    public static NestedCrossValidationResult Run(string model, Func<IReadOnlyList<double[]>, IReadOnlyList<bool>, IReadOnlyList<string?>?, IReadOnlyList<Fold>, int, SearchResult> search,
        IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<Fold> outerFolds, int innerFolds, Metric metric, int seed, IProgress<NestedProgress>? progress = null,
        IReadOnlyList<string?>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(outerFolds);
        var folds = new List<NestedFold>();
        for (var i = 0; i < outerFolds.Count; i++)
        {
            var outer = outerFolds[i];
            var trainRows = outer.Train.Select(r => rows[r]).ToArray();
            var trainLabels = outer.Train.Select(r => labels[r]).ToArray();
            string?[]? trainGroups = groups is null ? null : [.. outer.Train.Select(r => groups[r])];
            var inner = StratifiedGroupKFold.Split(trainLabels, trainGroups, innerFolds, seed + i);
            var result = search(trainRows, trainLabels, trainGroups, inner, seed + i);
            var testLabels = outer.Test.Select(r => labels[r]).ToArray();
            var probabilities = result.Refitted.PredictProbability([.. outer.Test.Select(r => rows[r])]);
            folds.Add(new NestedFold(outer.Repeat, outer.Index, outer.Train.Count, outer.Test.Count, result.Best.Parameters, result.Best.Mean,
                ClassificationMetrics.Compute(testLabels, probabilities), result.Fits.Count, inner));
            progress?.Report(new NestedProgress(i + 1, outerFolds.Count, folds[^1]));
        }

        return new NestedCrossValidationResult(model, metric, folds);
    }

    /// <summary>
    /// Every other procedure against the best on <paramref name="metric"/>, by the corrected resampled t-test on their
    /// outer fold values (difference = other − best): the procedures must share their outer folds.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two results, or results on different outer folds.</exception>
    public static PairedComparisons Paired(Metric metric, IReadOnlyList<NestedCrossValidationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count < 2 || results.Any(r => !r.Folds.Select(f => (f.Repeat, f.Fold, f.TestRows)).SequenceEqual(results[0].Folds.Select(f => (f.Repeat, f.Fold, f.TestRows)))))
        {
            throw new ArgumentException("pair at least two nested cross-validations run on the same outer folds", nameof(results));
        }

        var sign = metric.HigherIsBetter() ? 1 : -1;
        var best = results.MaxBy(r => sign * r.Outer(metric).Mean)!;
        var (trainingRows, testRows) = ((int)Math.Round(best.Folds.Average(f => f.TrainingRows)), (int)Math.Round(best.Folds.Average(f => f.TestRows)));
        return new PairedComparisons(metric, best.Model,
            [.. results.Where(r => !ReferenceEquals(r, best)).Select(r => new PairedComparison(r.Model, CorrectedResampledTTest.Compare(r.Values(metric), best.Values(metric), trainingRows, testRows)))]);
    }
}

/// <summary>One outer fold of a nested cross-validation.</summary>
/// <param name="Repeat">The outer fold's repetition.</param>
/// <param name="Fold">The outer fold's number within its repetition.</param>
/// <param name="TrainingRows">Outer training rows (searched and refitted on).</param>
/// <param name="TestRows">Outer test rows (scored once).</param>
/// <param name="Chosen">The hyperparameters the inner search chose.</param>
/// <param name="InnerScore">The chosen setting's mean inner cross-validated score (of the search's metric).</param>
/// <param name="Outer">Every metric of the refitted chosen model on the outer test fold, at threshold 0.5.</param>
/// <param name="SettingsTried">Settings the inner search scored.</param>
/// <param name="InnerFolds">The inner search's folds, as positions among the outer training rows (in the order of the outer fold's <c>Train</c>).</param>
public sealed record NestedFold(int Repeat, int Fold, int TrainingRows, int TestRows, IReadOnlyDictionary<string, double> Chosen, double InnerScore, ClassificationMetrics Outer,
    int SettingsTried, IReadOnlyList<Fold> InnerFolds);

/// <summary>How far a nested cross-validation has got: reported after every outer fold.</summary>
/// <param name="Completed">Outer folds done.</param>
/// <param name="Total">Outer folds in all.</param>
/// <param name="Latest">The outer fold just done.</param>
public sealed record NestedProgress(int Completed, int Total, NestedFold Latest) : IProgressReport
{
    /// <summary>One line for a progress display: <c>12 of 30 outer folds; last chose l2 = 3, outer ROC AUC 0.9968</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Completed} of {Total} outer folds; last chose {string.Join(", ", Latest.Chosen.Select(p => $"{p.Key} = {p.Value:G4}"))}, inner score {Latest.InnerScore:F4}, outer accuracy {Latest.Outer.Accuracy:F4}, outer ROC AUC {Latest.Outer.RocAuc:F4}");
}

/// <summary>The result of a nested cross-validation.</summary>
/// <param name="Model">The model family searched.</param>
/// <param name="Metric">The metric the inner searches optimised.</param>
/// <param name="Folds">Each outer fold.</param>
public sealed record NestedCrossValidationResult(string Model, Metric Metric, IReadOnlyList<NestedFold> Folds)
{
    /// <summary>The outer estimate of <paramref name="metric"/>: mean over outer folds with its corrected 95 % interval.</summary>
    public MetricSummary Outer(Metric metric) =>
        MetricSummary.Of(metric, Values(metric), Folds.Average(f => f.TestRows), Folds.Average(f => f.TrainingRows));

    /// <summary>The metric on each outer fold, in fold order.</summary>
    public IReadOnlyList<double> Values(Metric metric) => [.. Folds.Select(f => metric.Of(f.Outer))];

    /// <summary>Mean of (inner best score − outer score) of the searched metric: how much the inner search flatters itself.</summary>
    public double Optimism => Folds.Average(f => f.InnerScore - Metric.Of(f.Outer));

    /// <summary>How often each chosen setting was chosen, most frequent first: the stability of the choice.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, double> Setting, int Times)> Choices =>
        [.. Folds.GroupBy(f => string.Join(";", f.Chosen.Select(p => $"{p.Key}={p.Value:R}")), StringComparer.Ordinal)
            .Select(g => (g.First().Chosen, g.Count()))
            .OrderByDescending(c => c.Item2)];
}
