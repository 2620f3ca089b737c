using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// A pipeline fitted on the study's training rows and scored on the held-out rows (<see cref="HeldOutSplit"/>), at
/// probability 0.5 and at the threshold chosen on the training rows alone for a target sensitivity. The study scores
/// the held-out rows once, with the final model (<c>FinalModel</c>, in <c>Tuning</c>).
/// </summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="TrainingRows">Rows fitted on.</param>
/// <param name="TestRows">Held-out rows scored.</param>
/// <param name="Metrics">Every metric at probability 0.5.</param>
/// <param name="OperatingPoint">The threshold chosen on the training rows and the held-out metrics at it.</param>
/// <param name="Intervals">
/// The 95 % percentile intervals of the threshold-free metrics (ROC AUC, average precision, Brier score, log loss) from
/// <see cref="Resamples"/> bootstrap resamples of the held-out rows within each class (<see cref="StratifiedBootstrap"/>),
/// seeded with <see cref="Seed"/>. They cover the sampling of the held-out rows, not the variation of refitting.
/// </param>
public sealed record HeldOutScore(string Pipeline, int TrainingRows, int TestRows, ClassificationMetrics Metrics, FoldOperatingPoint OperatingPoint,
    IReadOnlyList<MetricInterval> Intervals)
{
    /// <summary>Bootstrap resamples behind <see cref="Intervals"/>.</summary>
    public const int Resamples = 2000;

    /// <summary>The seed of the bootstrap behind <see cref="Intervals"/>.</summary>
    public const int Seed = 1;

    /// <summary>The metrics <see cref="Intervals"/> covers, in order.</summary>
    public static IReadOnlyList<Metric> ThresholdFree { get; } = [Metric.RocAuc, Metric.AveragePrecision, Metric.Brier, Metric.LogLoss];

    /// <summary>The interval of <paramref name="metric"/>, one of <see cref="ThresholdFree"/>.</summary>
    public MetricInterval IntervalOf(Metric metric) => Intervals.Single(i => i.Metric == metric);

    /// <summary>The 95 % stratified-bootstrap intervals of the <see cref="ThresholdFree"/> metrics of <paramref name="probabilities"/> against <paramref name="labels"/>.</summary>
    public static IReadOnlyList<MetricInterval> BootstrapIntervals(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        var resamples = StratifiedBootstrap.Resamples(labels, Resamples, Seed);
        return [.. ThresholdFree.Select(metric =>
        {
            var (low, high) = PercentileInterval.Of(resamples.Select(r => metric.Of([.. r.Select(i => labels[i])], [.. r.Select(i => probabilities[i])])));
            return new MetricInterval(metric, low, high);
        })];
    }

    /// <summary>Fits <paramref name="pipeline"/> on the training rows of <paramref name="split"/> and scores its held-out rows; gives the fitted pipeline too.</summary>
    internal static (FittedPipeline Fitted, HeldOutScore Score) FitAndScore(ClassificationPipeline pipeline, BreastCancerData data, HeldOutSplit split, int seed,
        OperatingPointOptions? operatingPoint)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        return FitAndScore(pipeline, data.ToArray(), data.IsMalignant, split.Train, split.Test, seed, operatingPoint, null);
    }

    /// <summary>
    /// As the overload above, on the rows <paramref name="train"/> and <paramref name="test"/> of <paramref name="rows"/>:
    /// the split's rows and any added after them, the training rows of one of <paramref name="groups"/> kept in one inner fold.
    /// </summary>
    internal static (FittedPipeline Fitted, HeldOutScore Score) FitAndScore(ClassificationPipeline pipeline, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels,
        IReadOnlyList<int> train, IReadOnlyList<int> test, int seed, OperatingPointOptions? operatingPoint, IReadOnlyList<string?>? groups)
    {
        var (fitted, fold) = CrossValidation.FitFold(pipeline, rows, labels, new Fold(0, 0, train, test), seed, operatingPoint ?? new OperatingPointOptions(), groups);
        return (fitted, new HeldOutScore(pipeline.Name, fold.TrainingRows, fold.TestRows, fold.Metrics, fold.OperatingPoint!, BootstrapIntervals(fold.Labels, fold.Probabilities)));
    }
}

/// <summary>A 95 % interval of a metric.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Low">The 2.5th percentile.</param>
/// <param name="High">The 97.5th percentile.</param>
public sealed record MetricInterval(Metric Metric, double Low, double High);
