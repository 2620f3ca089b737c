using System.Diagnostics;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Cross-validates a pipeline on given folds: for each fold the whole pipeline is fitted on the training rows and
/// scores only the test rows, with every metric of <see cref="ClassificationMetrics"/> at probability 0.5. Optionally a
/// clinical operating point is chosen inside each training fold (<see cref="OperatingPointOptions"/>) and scored on the
/// test fold. Each fold's fit is seeded with <c>seed + fold position</c>, so the result depends on the seed and folds only.
/// Given groups (the measurements of one tumour), whatever cross-validates inside a training fold (the operating
/// point's inner folds, a calibrator's) keeps each group in one inner fold, as the folds given should.
/// </summary>
public static class CrossValidation
{
    /// <summary>Runs the pipeline on every fold of <paramref name="folds"/> over <paramref name="data"/>.</summary>
    public static CrossValidationResult Run(ClassificationPipeline pipeline, BreastCancerData data, IReadOnlyList<Fold> folds, int seed, int? workers = null, OperatingPointOptions? operatingPoint = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Run(pipeline, data.ToArray(), data.IsMalignant, folds, seed, workers, operatingPoint);
    }

    /// <summary>
    /// Runs the pipeline on every fold of <paramref name="folds"/> over the given rows and labels (true = malignant),
    /// folds in parallel on up to <paramref name="workers"/> threads (default: one per core). Each fold's fit is seeded
    /// by its position alone, so the result is the same for any number of workers. <paramref name="groups"/> names each
    /// row's group (null, or a null entry: a row alone) for the cross-validation inside each training fold.
    /// </summary>
    public static CrossValidationResult Run(ClassificationPipeline pipeline, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<Fold> folds, int seed,
        int? workers = null, OperatingPointOptions? operatingPoint = null, IReadOnlyList<string?>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        CheckInputs(rows, labels, folds, groups);
        var scores = new FoldScore[folds.Count];
        Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = workers ?? Environment.ProcessorCount },
            i => scores[i] = FitFold(pipeline, rows, labels, folds[i], seed + i, operatingPoint, groups).Score);
        return new CrossValidationResult(pipeline.Name, scores);
    }

    /// <summary>Checks what a cross-validation is given: rows, one label per row, folds, and one group (or null) per row when groups are given.</summary>
    /// <exception cref="ArgumentException">The labels or groups are not one per row.</exception>
    internal static void CheckInputs(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<Fold> folds, IReadOnlyList<string?>? groups)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(folds);
        if (rows.Count != labels.Count)
        {
            throw new ArgumentException($"{rows.Count} rows for {labels.Count} labels", nameof(labels));
        }

        if (groups is not null && groups.Count != rows.Count)
        {
            throw new ArgumentException($"{groups.Count} groups for {rows.Count} rows: give one group (or null) per row", nameof(groups));
        }
    }

    /// <summary>
    /// Fits the pipeline on the fold's training rows with <paramref name="seed"/> and scores its test rows (and the
    /// operating point, when asked), keeping each of the training rows' <paramref name="groups"/> in one inner fold.
    /// </summary>
    internal static (FittedPipeline Fitted, FoldScore Score) FitFold(ClassificationPipeline pipeline, IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, Fold fold, int seed,
        OperatingPointOptions? operatingPoint, IReadOnlyList<string?>? groups)
    {
        var clock = Stopwatch.StartNew();
        var trainRows = fold.Train.Select(r => rows[r]).ToArray();
        var trainLabels = fold.Train.Select(r => labels[r]).ToArray();
        string?[]? trainGroups = groups is null ? null : [.. fold.Train.Select(r => groups[r])];
        var testLabels = fold.Test.Select(r => labels[r]).ToArray();
        var fitted = pipeline.Fit(trainRows, trainLabels, seed, trainGroups);
        var probabilities = fitted.PredictProbability([.. fold.Test.Select(r => rows[r])]);
        var point = operatingPoint is null ? null : ChooseOperatingPoint(pipeline, fitted, trainRows, trainLabels, trainGroups, testLabels, probabilities, operatingPoint, seed);
        return (fitted, new FoldScore(fold.Repeat, fold.Index, fold.Train.Count, fold.Test, testLabels, probabilities,
            ClassificationMetrics.Compute(testLabels, probabilities), point, clock.Elapsed));
    }

    private static FoldOperatingPoint ChooseOperatingPoint(ClassificationPipeline pipeline, FittedPipeline fitted, double[][] trainRows, bool[] trainLabels, string?[]? trainGroups,
        bool[] testLabels, double[] testProbabilities, OperatingPointOptions options, int seed)
    {
        var outOfFold = fitted.Classifier.OutOfFoldProbabilities?.ToArray()
            ?? OutOfFold.Predict(trainRows, trainLabels, trainGroups, options.InnerFolds, seed, (rows, labels, test) => pipeline.Fit(rows, labels, seed).PredictProbability(test));
        var threshold = OperatingPoint.ForSensitivity(trainLabels, outOfFold, options.TargetSensitivity);
        return new FoldOperatingPoint(options.TargetSensitivity, threshold, ClassificationMetrics.Compute(trainLabels, outOfFold, threshold), ClassificationMetrics.Compute(testLabels, testProbabilities, threshold));
    }
}

/// <summary>
/// Asks cross-validation to choose a decision threshold inside each training fold: the threshold is the highest that
/// reaches <see cref="TargetSensitivity"/> on out-of-fold predictions of the training rows
/// (<see cref="OperatingPoint.ForSensitivity"/>). Those come from cross-validating the whole pipeline on the training
/// rows (stratified, <see cref="InnerFolds"/> folds, each group of rows in one fold), or, when the fitted classifier already made them (a
/// <see cref="CalibratedClassifier"/>: its calibration cross-validates the model on the training rows, as transformed
/// by the pipeline's steps), from there. The test fold plays no part in the choice.
/// </summary>
/// <param name="TargetSensitivity">The share of cancers to catch, (0, 1]; the study uses 0.98.</param>
/// <param name="InnerFolds">Folds of the inner cross-validation, ≥ 2.</param>
public sealed record OperatingPointOptions(double TargetSensitivity = 0.98, int InnerFolds = 5);

/// <summary>The threshold chosen in one training fold and what it gave.</summary>
/// <param name="TargetSensitivity">The sensitivity the threshold was chosen for.</param>
/// <param name="Threshold">The probability threshold (malignant when p ≥ threshold).</param>
/// <param name="Training">Metrics of the training fold's out-of-fold predictions at the threshold (where the target was reached).</param>
/// <param name="Test">Metrics of the test fold at the threshold.</param>
public sealed record FoldOperatingPoint(double TargetSensitivity, double Threshold, ClassificationMetrics Training, ClassificationMetrics Test);

/// <summary>The outcome of one test fold.</summary>
/// <param name="Repeat">The fold's repetition.</param>
/// <param name="Fold">The fold's number within its repetition.</param>
/// <param name="TrainingRows">Rows the pipeline was fitted on.</param>
/// <param name="Rows">The test rows' indices.</param>
/// <param name="Labels">The test rows' labels (true = malignant).</param>
/// <param name="Probabilities">The predicted probability of malignancy of each test row.</param>
/// <param name="Metrics">Every metric at threshold 0.5.</param>
/// <param name="OperatingPoint">The threshold chosen in the training fold and its results, when asked for.</param>
/// <param name="Elapsed">Wall time of the fold: fit, prediction and any threshold search, including any wait for a lock or for cores shared with other fits running at the same time.</param>
public sealed record FoldScore(int Repeat, int Fold, int TrainingRows, IReadOnlyList<int> Rows, IReadOnlyList<bool> Labels, IReadOnlyList<double> Probabilities,
    ClassificationMetrics Metrics, FoldOperatingPoint? OperatingPoint, TimeSpan Elapsed)
{
    /// <summary>Rows scored.</summary>
    public int TestRows => Rows.Count;

    /// <summary>Share of test rows classified right at probability 0.5, 0–1.</summary>
    public double Accuracy => Metrics.Accuracy;

    /// <summary>Area under the ROC curve of the test rows, 0–1.</summary>
    public double RocAuc => Metrics.RocAuc;
}
