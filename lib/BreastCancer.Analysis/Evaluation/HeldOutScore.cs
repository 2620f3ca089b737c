using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// A pipeline fitted on the study's training rows and scored on the held-out rows (<see cref="HeldOutSplit"/>), at
/// probability 0.5 and at the threshold chosen on the training rows alone for a target sensitivity. The study scores
/// the held-out rows once, with the final model (<see cref="Tuning.FinalModel"/>).
/// </summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="TrainingRows">Rows fitted on.</param>
/// <param name="TestRows">Held-out rows scored.</param>
/// <param name="Metrics">Every metric at probability 0.5.</param>
/// <param name="OperatingPoint">The threshold chosen on the training rows and the held-out metrics at it.</param>
public sealed record HeldOutScore(string Pipeline, int TrainingRows, int TestRows, ClassificationMetrics Metrics, FoldOperatingPoint OperatingPoint)
{
    /// <summary>Fits <paramref name="pipeline"/> on the training rows of <paramref name="split"/> and scores its held-out rows; gives the fitted pipeline too.</summary>
    internal static (FittedPipeline Fitted, HeldOutScore Score) FitAndScore(ClassificationPipeline pipeline, BreastCancerData data, HeldOutSplit split, int seed,
        OperatingPointOptions? operatingPoint)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        return FitAndScore(pipeline, data.ToArray(), data.IsMalignant, split.Train, split.Test, seed, operatingPoint);
    }

    /// <summary>As the overload above, on the rows <paramref name="train"/> and <paramref name="test"/> of <paramref name="rows"/>: the split's rows and any added after them.</summary>
    internal static (FittedPipeline Fitted, HeldOutScore Score) FitAndScore(ClassificationPipeline pipeline, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels,
        IReadOnlyList<int> train, IReadOnlyList<int> test, int seed, OperatingPointOptions? operatingPoint)
    {
        var (fitted, fold) = CrossValidation.FitFold(pipeline, rows, labels, new Fold(0, 0, train, test), seed, operatingPoint ?? new OperatingPointOptions());
        return (fitted, new HeldOutScore(pipeline.Name, fold.TrainingRows, fold.TestRows, fold.Metrics, fold.OperatingPoint!));
    }
}
