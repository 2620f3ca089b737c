using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Permutation feature importance (Breiman 2001; Fisher, Rudin &amp; Dominici 2019, "model reliance"): how much a metric
/// falls when a feature's values are shuffled across the rows, breaking its link to the label while keeping its
/// distribution. It computes what ML.NET's <c>PermutationFeatureImportance</c> computes (the tests compare the two), but
/// for any fitted pipeline, ours included, on the data's features before imputation and scaling, and for groups: the
/// columns of a group are shuffled with one permutation, so a cluster of correlated features is removed as a whole. A
/// feature alone looks unimportant when its correlated partners still carry its information.
/// </summary>
public static class PermutationImportance
{
    /// <summary>
    /// The importance of each group on <paramref name="rows"/> (held-out rows, ideally), <paramref name="repeats"/>
    /// permutations each, all of a group's permuted copies of the rows scored in one call of the model (whose predictions
    /// are row by row, so batching changes no probability), with two 95 % intervals: over the repeats (the rows fixed) and
    /// over <paramref name="rowResamples"/> bootstrap resamples of the rows (<see cref="GroupImportance"/>). The seed of
    /// every permutation is drawn in turn from a generator seeded with <paramref name="seed"/> (group by group, repeat by
    /// repeat), then the seed of the row resamples, before any is scored, so the result depends on the seed and not on the
    /// number of <paramref name="workers"/> or on the process.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// No rows, labels not one per row, fewer than 2 repeats or row resamples, or a group naming a column that does not exist.
    /// </exception>
    public static PermutationImportanceResult Compute(string modelName, FittedPipeline model, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels,
        IReadOnlyList<FeatureGroup> groups, Metric metric, int repeats, int seed, int? workers = null, int rowResamples = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groups);
        Validate(rows, labels, groups, repeats, rowResamples);
        var baselineProbabilities = model.PredictProbability(rows);
        var baseline = metric.Of(ClassificationMetrics.Compute(labels, baselineProbabilities));
        var sign = metric.HigherIsBetter() ? 1 : -1;
        var seeds = new Random(seed);
        var permutationSeeds = groups.Select(_ => Enumerable.Range(0, repeats).Select(_ => seeds.Next()).ToArray()).ToArray();
        var bootstrap = new PermutationRowBootstrap(metric, labels, baselineProbabilities, StratifiedBootstrap.Resamples(labels, rowResamples, seeds.Next()));
        var losses = new double[groups.Count][];
        var rowIntervals = new (double Low, double High)[groups.Count];
        Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = workers ?? Environment.ProcessorCount }, g =>
        {
            var probabilities = model.PredictProbability([.. permutationSeeds[g].SelectMany(s => Permuted(rows, groups[g].Features, new Random(s)))]);
            losses[g] = [.. Enumerable.Range(0, repeats).Select(r => sign * (baseline - metric.Of(ClassificationMetrics.Compute(labels, probabilities[(r * rows.Count)..((r + 1) * rows.Count)]))))];
            rowIntervals[g] = bootstrap.Interval(probabilities, repeats);
        });
        var t = StudentT.InvCDF(0, 1, repeats - 1, 0.975);
        var importances = groups.Select((group, g) =>
        {
            var (mean, sd) = losses[g].MeanStandardDeviation();
            var half = t * sd / Math.Sqrt(repeats);
            return new GroupImportance(group, losses[g], mean, mean - half, mean + half, rowIntervals[g].Low, rowIntervals[g].High);
        });
        return new PermutationImportanceResult(modelName, metric, baseline, rows.Count, repeats, rowResamples, seed, [.. importances.OrderByDescending(i => i.Mean)]);
    }

    /// <summary>The rows with the group's columns taken, together, from a random permutation of the rows (Fisher–Yates).</summary>
    private static double[][] Permuted(IReadOnlyList<double[]> rows, IReadOnlyList<int> columns, Random random)
    {
        var order = Enumerable.Range(0, rows.Count).ToArray();
        random.Shuffle(order);
        return [.. rows.Select((row, i) =>
        {
            var copy = (double[])row.Clone();
            foreach (var c in columns)
            {
                copy[c] = rows[order[i]][c];
            }

            return copy;
        })];
    }

    private static void Validate(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<FeatureGroup> groups, int repeats, int rowResamples)
    {
        if (rows.Count == 0 || labels.Count != rows.Count)
        {
            throw new ArgumentException($"{rows.Count} rows and {labels.Count} labels: need at least one row and one label per row", nameof(labels));
        }

        if (repeats < 2)
        {
            throw new ArgumentException($"{repeats} repeats: need at least 2 for an interval", nameof(repeats));
        }

        if (rowResamples < 2)
        {
            throw new ArgumentException($"{rowResamples} row resamples: need at least 2 for a bootstrap interval", nameof(rowResamples));
        }

        var width = rows[0].Length;
        if (groups.FirstOrDefault(g => g.Features.Count == 0 || g.Features.Any(c => c < 0 || c >= width)) is { } bad)
        {
            throw new ArgumentException($"the group '{bad.Name}' names columns [{string.Join(", ", bad.Features)}]; the rows have columns 0–{width - 1}", nameof(groups));
        }
    }
}
