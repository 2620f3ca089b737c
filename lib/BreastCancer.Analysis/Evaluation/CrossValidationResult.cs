using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>The result of cross-validating one pipeline: every fold's predictions and metrics.</summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Folds">Each fold's outcome, in the order of the folds given.</param>
public sealed record CrossValidationResult(string Pipeline, IReadOnlyList<FoldScore> Folds)
{
    /// <summary>Mean accuracy over folds.</summary>
    public double MeanAccuracy => Folds.Select(f => f.Accuracy).Mean();

    /// <summary>Sample standard deviation of the fold accuracies.</summary>
    public double AccuracySd => Folds.Select(f => f.Accuracy).StandardDeviation();

    /// <summary>Mean ROC AUC over folds.</summary>
    public double MeanRocAuc => Folds.Select(f => f.RocAuc).Mean();

    /// <summary>Sample standard deviation of the fold ROC AUCs.</summary>
    public double RocAucSd => Folds.Select(f => f.RocAuc).StandardDeviation();

    /// <summary>The metric's mean, SD and corrected 95 % interval over the folds (<see cref="MetricSummary"/>).</summary>
    public MetricSummary Summary(Metric metric) => Summarise(metric, f => f.Metrics);

    /// <summary>The metric's value on each fold, in fold order.</summary>
    public IReadOnlyList<double> Values(Metric metric) => [.. Folds.Select(f => metric.Of(f.Metrics))];

    /// <summary>
    /// Whether, in repetition <paramref name="repeat"/>, some fold gives its rows more than one probability: false for a
    /// baseline that gives every row of a fold the same one, whose calibration slope means nothing.
    /// </summary>
    public bool RanksRowsWithinFolds(int repeat) => Folds.Where(f => f.Repeat == repeat).Any(f => f.Probabilities.Distinct().Skip(1).Any());

    /// <summary>The confusion counts at 0.5 summed over the folds (each row counted once per repetition).</summary>
    public ConfusionCounts PooledCounts => Folds.Select(f => f.Metrics.Counts).Aggregate((a, b) => a + b);

    /// <summary>Every out-of-fold label, fold after fold (each row once per repetition).</summary>
    public IReadOnlyList<bool> PooledLabels => [.. Folds.SelectMany(f => f.Labels)];

    /// <summary>Every out-of-fold probability, aligned with <see cref="PooledLabels"/>.</summary>
    public IReadOnlyList<double> PooledProbabilities => [.. Folds.SelectMany(f => f.Probabilities)];

    /// <summary>
    /// The out-of-fold labels and probabilities of repetition <paramref name="repeat"/> alone, fold after fold: each row
    /// once, predicted by a model that did not see it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The cross-validation has no repetition <paramref name="repeat"/>.</exception>
    public (IReadOnlyList<bool> Labels, IReadOnlyList<double> Probabilities) OutOfFold(int repeat)
    {
        var folds = Folds.Where(f => f.Repeat == repeat).ToArray();
        return folds.Length == 0
            ? throw new ArgumentOutOfRangeException(nameof(repeat), repeat, "the cross-validation has no such repetition")
            : ([.. folds.SelectMany(f => f.Labels)], [.. folds.SelectMany(f => f.Probabilities)]);
    }

    /// <summary>The operating point's test metric over the folds, when one was chosen in each training fold.</summary>
    public MetricSummary OperatingPointSummary(Metric metric)
    {
        if (Folds.Any(f => f.OperatingPoint is null))
        {
            throw new InvalidOperationException($"{Pipeline}: no operating point was chosen; cross-validate with OperatingPointOptions");
        }

        return Summarise(metric, f => f.OperatingPoint!.Test);
    }

    private MetricSummary Summarise(Metric metric, Func<FoldScore, ClassificationMetrics> metrics) =>
        MetricSummary.Of(metric, [.. Folds.Select(f => metric.Of(metrics(f)))], Folds.Average(f => f.TestRows), Folds.Average(f => f.TrainingRows));
}
