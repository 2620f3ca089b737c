using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Several pipelines cross-validated on the same folds with the same seeds, so that every difference between them is
/// a difference of models, and paired tests can compare them fold by fold (<see cref="CorrectedResampledTTest"/>).
/// </summary>
/// <param name="Models">Each pipeline's result, in the order given.</param>
/// <param name="Elapsed">Wall time of the whole comparison.</param>
public sealed record ModelComparison(IReadOnlyList<CrossValidationResult> Models, TimeSpan Elapsed)
{
    /// <summary>
    /// Cross-validates every pipeline on <paramref name="folds"/>, optionally choosing an operating point in each
    /// training fold. Every (pipeline, fold) fit is one work item, taken fold by fold with the pipelines interleaved
    /// (fold 1 of each pipeline, then fold 2, …) by up to <paramref name="workers"/> threads (default: one per core), so
    /// that a learner whose fits cannot run in parallel (ML.NET trains FastTree, and LightGBM, one fit at a time per
    /// process) runs beside the others instead of leaving the other cores idle. Each fit is seeded by its fold's position
    /// alone (as <see cref="CrossValidation"/> seeds it), so each pipeline's result is the one it gets cross-validated
    /// alone, for any number of workers. <paramref name="progress"/> hears of each fit as it ends, from the worker that
    /// ran it (with <see cref="OrderedProgress{T}"/>, a display ends on the last).
    /// </summary>
    public static ModelComparison Run(IReadOnlyList<ClassificationPipeline> pipelines, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<Fold> folds, int seed,
        int? workers = null, OperatingPointOptions? operatingPoint = null, IProgress<ComparisonProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        var names = pipelines.Select(p => p.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException($"two pipelines share a name; names identify models in the comparison: {string.Join(", ", names)}", nameof(pipelines));
        }

        CrossValidation.CheckInputs(rows, labels, folds, groups: null);
        var clock = Stopwatch.StartNew();
        var scores = pipelines.Select(_ => new FoldScore[folds.Count]).ToArray();
        var items = Enumerable.Range(0, folds.Count).SelectMany(f => Enumerable.Range(0, pipelines.Count).Select(p => (Pipeline: p, Fold: f)));
        var done = 0;
        Parallel.ForEach(Partitioner.Create(items, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = workers ?? Environment.ProcessorCount }, item =>
        {
            var score = CrossValidation.FitFold(pipelines[item.Pipeline], rows, labels, folds[item.Fold], seed + item.Fold, operatingPoint, groups: null).Score;
            scores[item.Pipeline][item.Fold] = score;
            progress?.Report(new ComparisonProgress(Interlocked.Increment(ref done), pipelines.Count * folds.Count, pipelines[item.Pipeline].Name, score));
        });
        return new ModelComparison([.. pipelines.Select((p, i) => new CrossValidationResult(p.Name, scores[i]))], clock.Elapsed);
    }

    /// <summary>The same comparison without the models named (e.g. the baseline, to chart the rest on a readable scale).</summary>
    /// <exception cref="KeyNotFoundException">A name is not in the comparison.</exception>
    public ModelComparison Without(params string[] pipelines)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        var removed = pipelines.Select(p => this[p]).ToHashSet();
        return this with { Models = [.. Models.Where(m => !removed.Contains(m))] };
    }

    /// <summary>The model with the best mean of <paramref name="metric"/> (the first of equals).</summary>
    public CrossValidationResult Best(Metric metric)
    {
        var sign = metric.HigherIsBetter() ? 1 : -1;
        return Models.MaxBy(m => sign * m.Summary(metric).Mean) ?? throw new InvalidOperationException("no models");
    }

    /// <summary>The result of the pipeline named <paramref name="pipeline"/>.</summary>
    public CrossValidationResult this[string pipeline] =>
        Models.FirstOrDefault(m => m.Pipeline == pipeline) ?? throw new KeyNotFoundException($"no model '{pipeline}'; the comparison has {string.Join(", ", Models.Select(m => m.Pipeline))}");

    /// <summary>
    /// Every other model against <paramref name="reference"/> (default: the best by <paramref name="metric"/>), by the
    /// corrected resampled t-test on the per-fold values of <paramref name="metric"/>: difference = other − reference.
    /// </summary>
    public PairedComparisons Paired(Metric metric, string? reference = null)
    {
        var baseline = reference is null ? Best(metric) : this[reference];
        var testRows = (int)Math.Round(baseline.Folds.Average(f => f.TestRows));
        var trainingRows = (int)Math.Round(baseline.Folds.Average(f => f.TrainingRows));
        return new PairedComparisons(metric, baseline.Pipeline,
            [.. Models.Where(m => m != baseline).Select(m => new PairedComparison(m.Pipeline,
                CorrectedResampledTTest.Compare(m.Values(metric), baseline.Values(metric), trainingRows, testRows)))]);
    }
}

/// <summary>One fit of a comparison ended.</summary>
/// <param name="Completed">Fits ended so far, this one included.</param>
/// <param name="Total">Fits in the comparison: pipelines × folds.</param>
/// <param name="Pipeline">The pipeline of the fit that ended.</param>
/// <param name="Latest">Its fold's score.</param>
public sealed record ComparisonProgress(int Completed, int Total, string Pipeline, FoldScore Latest) : IProgressReport
{
    /// <summary>One line for a progress display: <c>137 of 240 fits; last: random forest (…), repeat 2, fold 4: ROC AUC 0.9952 (0.41 s)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Completed} of {Total} fits; last: {Pipeline}, repeat {Latest.Repeat + 1}, fold {Latest.Fold + 1}: ROC AUC {Latest.Metrics.RocAuc:F4} ({Latest.Elapsed.TotalSeconds:F2} s)");
}

/// <summary>Models compared with one reference on one metric.</summary>
/// <param name="Metric">The metric compared.</param>
/// <param name="Reference">The reference model's name.</param>
/// <param name="Comparisons">One test per other model.</param>
public sealed record PairedComparisons(Metric Metric, string Reference, IReadOnlyList<PairedComparison> Comparisons);

/// <summary>One model against the reference: <see cref="CorrectedResampledTTest.MeanDifference"/> is model − reference.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Test">The corrected resampled t-test of its fold values against the reference's.</param>
public sealed record PairedComparison(string Model, CorrectedResampledTTest Test);
