using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;
using MathNet.Numerics.Statistics;
using Microsoft.ML;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Cross-validates a pipeline on given folds: for each fold the whole pipeline is fitted on the training rows and
/// scores only the test rows. Accuracy is the share of test rows on the right side of probability 0.5; ROC AUC is
/// ML.NET's (<c>BinaryClassification.Evaluate</c>). Each fold's fit is seeded with <c>seed + fold number</c>, so the result
/// depends on the seed and folds only.
/// </summary>
public static class CrossValidation
{
    /// <summary>Runs the pipeline on every fold of <paramref name="folds"/> over <paramref name="data"/>.</summary>
    public static CrossValidationResult Run(ClassificationPipeline pipeline, BreastCancerData data, IReadOnlyList<Fold> folds, int seed, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Run(pipeline, data.ToArray(), data.IsMalignant, folds, seed, workers);
    }

    /// <summary>
    /// Runs the pipeline on every fold of <paramref name="folds"/> over the given rows and labels (true = malignant),
    /// folds in parallel on up to <paramref name="workers"/> threads (default: one per core). Each fold's fit is seeded
    /// by its position alone, so the result is the same for any number of workers.
    /// </summary>
    public static CrossValidationResult Run(ClassificationPipeline pipeline, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<Fold> folds, int seed, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(folds);
        var scores = new FoldScore[folds.Count];
        Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = workers ?? Environment.ProcessorCount }, i =>
        {
            var fold = folds[i];
            var fitted = pipeline.Fit([.. fold.Train.Select(r => rows[r])], [.. fold.Train.Select(r => labels[r])], seed + i);
            var probabilities = fitted.PredictProbability([.. fold.Test.Select(r => rows[r])]);
            scores[i] = Score(fold, [.. fold.Test.Select(r => labels[r])], probabilities);
        });
        return new CrossValidationResult(pipeline.Name, scores);
    }

    private static FoldScore Score(Fold fold, bool[] labels, double[] probabilities)
    {
        var context = new MLContext(0);
        var view = context.Data.LoadFromEnumerable(labels.Select((label, i) => new Prediction
        {
            Label = label,
            Score = (float)probabilities[i],
            Probability = (float)probabilities[i],
            PredictedLabel = probabilities[i] >= 0.5,
        }));
        var auc = context.BinaryClassification.Evaluate(view).AreaUnderRocCurve;
        var accuracy = labels.Where((label, i) => label == probabilities[i] >= 0.5).Count() / (double)labels.Length;
        return new FoldScore(fold.Repeat, fold.Index, fold.Test.Count, accuracy, auc);
    }

    private sealed class Prediction
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}

/// <summary>The scores of one test fold.</summary>
/// <param name="Repeat">The fold's repetition.</param>
/// <param name="Fold">The fold's number within its repetition.</param>
/// <param name="TestRows">Rows scored.</param>
/// <param name="Accuracy">Share of test rows classified right at probability 0.5, 0–1.</param>
/// <param name="RocAuc">Area under the ROC curve of the test rows, 0–1.</param>
public sealed record FoldScore(int Repeat, int Fold, int TestRows, double Accuracy, double RocAuc);

/// <summary>The result of cross-validating one pipeline.</summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Folds">Each fold's scores.</param>
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
}
