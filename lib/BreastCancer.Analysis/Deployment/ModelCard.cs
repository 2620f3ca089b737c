using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;
using MathNet.Numerics.Statistics;
using Microsoft.ML;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// Everything a deployment and a reviewer need to know about a saved model (the model card of Mitchell et al., FAT*
/// 2019): its version, what it is and was trained on (with the SHA-256 of the training rows and of their source file),
/// the ranges of its features, its cross-validated, nested cross-validated and held-out performance with 95 %
/// intervals, its calibration, its decision threshold, the software that made it, and its intended use and limits.
/// Saved as <c>card.json</c> (<see cref="ToJson"/>) beside the model file; whoever shows it renders its page, <c>card.html</c>.
/// </summary>
/// <param name="Version">The model's version: its family and the first 12 hex digits of a SHA-256 over the training rows, the hyperparameters, the seed and the threshold's target, so that the same inputs give the same version.</param>
/// <param name="Created">When the card was made.</param>
/// <param name="Model">What the model is.</param>
/// <param name="Data">What it was trained on.</param>
/// <param name="Features">The features it reads, in order, with their training ranges.</param>
/// <param name="CrossValidation">The cross-validated estimate of the chosen setting (the search chose it on these rows, so slightly optimistic).</param>
/// <param name="NestedCrossValidation">The nested cross-validated estimate of the whole procedure, search included.</param>
/// <param name="HeldOut">The one score on the held-out rows, at probability 0.5, with the count of them a retrained model was trained on.</param>
/// <param name="Calibration">How probabilities are made and how well they match outcomes.</param>
/// <param name="Threshold">The decision threshold and its sensitivity and specificity.</param>
/// <param name="Software">Component name to version.</param>
/// <param name="Use">Intended use and limitations.</param>
/// <param name="Update">For a retrained model only (absent from the cards of models trained on WDBC's split alone): the champion it challenged, the rows it was trained on beyond <paramref name="Data"/>'s split, and the comparison with the champion.</param>
public sealed record ModelCard(string Version, DateTimeOffset Created, ModelSpecification Model, TrainingDataSummary Data, IReadOnlyList<FeatureRange> Features,
    PerformanceEstimate CrossValidation, NestedEstimate NestedCrossValidation, HeldOutPerformance HeldOut, CalibrationSummary Calibration, DecisionThreshold Threshold,
    IReadOnlyDictionary<string, string> Software, IntendedUse Use, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ModelUpdate? Update = null)
{
    /// <summary>
    /// The card of <paramref name="final"/>, trained on the training rows of <paramref name="split"/> of
    /// <paramref name="data"/>. <paramref name="crossValidation"/> is the final setting's pipeline cross-validated on
    /// those rows with an operating point chosen in each training fold; <paramref name="nested"/> is the nested
    /// cross-validation of its model family.
    /// </summary>
    /// <exception cref="ArgumentException">The results describe another model, other rows, or lack the operating point.</exception>
    public static ModelCard Create(FinalModel final, BreastCancerData data, HeldOutSplit split, CrossValidationResult crossValidation, NestedCrossValidationResult nested,
        IntendedUse use, DateTimeOffset created) => Build(final, data, split, AddedTrainingRows.None, null, crossValidation, nested, use, created);

    /// <summary>
    /// The card of a retrained <paramref name="final"/> (<see cref="FinalModelRetraining"/>),
    /// trained on the training rows of <paramref name="split"/> of <paramref name="data"/> followed by
    /// <paramref name="addedRows"/>, after <paramref name="comparison"/> with the champion. <paramref name="crossValidation"/>
    /// and <paramref name="nested"/> are as for <see cref="Create"/>, on those combined rows; the features' ranges are
    /// theirs, the held-out score is on the split's held-out rows, and the version depends on the added rows too. Added
    /// rows that copy held-out rows exactly are counted (<see cref="HeldOutPerformance.AddedRowsAmongThem"/>): the
    /// model was trained on them, so its score on those rows is not a held-out score.
    /// </summary>
    /// <exception cref="ArgumentException">The results describe another model, other rows, or lack the operating point.</exception>
    public static ModelCard ForChallenger(FinalModel final, BreastCancerData data, HeldOutSplit split, AddedTrainingRows addedRows, ChallengerComparison comparison,
        CrossValidationResult crossValidation, NestedCrossValidationResult nested, IntendedUse use, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(addedRows);
        ArgumentNullException.ThrowIfNull(comparison);
        return Build(final, data, split, addedRows, new ModelUpdate(comparison.Champion, addedRows.Summary(), comparison.Protocol, comparison.Metrics, comparison.Verdict),
            crossValidation, nested, use, created);
    }

    private static ModelCard Build(FinalModel final, BreastCancerData data, HeldOutSplit split, AddedTrainingRows added, ModelUpdate? update,
        CrossValidationResult crossValidation, NestedCrossValidationResult nested, IntendedUse use, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(crossValidation);
        ArgumentNullException.ThrowIfNull(nested);
        ArgumentNullException.ThrowIfNull(use);
        var pipeline = final.Model.Pipeline();
        if (crossValidation.Pipeline != pipeline.Name)
        {
            throw new ArgumentException($"the cross-validation is of '{crossValidation.Pipeline}', the final model is '{pipeline.Name}'", nameof(crossValidation));
        }

        if (crossValidation.Folds.Any(f => f.OperatingPoint is null))
        {
            throw new ArgumentException("the cross-validation chose no operating point: run it with OperatingPointOptions", nameof(crossValidation));
        }

        if (nested.Model != final.Model.Family)
        {
            throw new ArgumentException($"the nested cross-validation is of '{nested.Model}', the final model is a '{final.Model.Family}'", nameof(nested));
        }

        var rows = split.Train.Count + added.Count;
        if (final.HeldOut.TrainingRows != rows || final.HeldOut.TestRows != split.Test.Count || crossValidation.Folds.Any(f => f.TrainingRows + f.TestRows > rows))
        {
            throw new ArgumentException(added.Count == 0
                ? $"the final model or the cross-validation was not fitted on the {split.Train.Count} training rows of this split"
                : $"the final model or the cross-validation was not fitted on the {split.Train.Count} training rows of this split and the {added.Count} added rows", nameof(split));
        }

        var training = data.Subset(split.Train);
        var trainingHash = DataFingerprint.OfRows(training);
        var columns = training.ToArray().Concat(added.Rows).ToArray();
        var heldOutRows = data.Subset(split.Test).ToArray();
        var addedHeldOut = added.Rows.Count(r => heldOutRows.Any(h => h.AsSpan().SequenceEqual(r)));
        var point = final.HeldOut.OperatingPoint;
        var repeats = crossValidation.Folds.Select(f => f.Repeat).Distinct().Count();
        return new ModelCard(
            VersionOf(final, update is null ? [trainingHash] : [trainingHash, added.Sha256], point.TargetSensitivity),
            created,
            new ModelSpecification(final.Model.Family, pipeline.Name, [.. pipeline.Steps.Select(s => s.Name)], pipeline.Classifier.Name, final.Model.Hyperparameters, final.Seed,
                "the probability that the tumour is malignant, 0–1"),
            new TrainingDataSummary(Path.GetFileName(data.Source), DataFingerprint.OfFile(data.Source), trainingHash, training.RowCount, split.TrainMalignant,
                split.Test.Count, split.TestMalignant, split.Seed, split.TestFraction),
            [.. training.FeatureNames.Select((name, f) => Range(name, [.. columns.Select(r => r[f])]))],
            new PerformanceEstimate(
                $"{crossValidation.Folds.Count / repeats}-fold stratified cross-validation repeated {repeats} times on the training rows, mean over test folds with Nadeau–Bengio corrected 95 % intervals",
                Estimates(crossValidation.Summary)),
            new NestedEstimate(
                $"nested cross-validation: {nested.Folds.Count} outer folds on the training rows, in each a search of {nested.Folds[0].SettingsTried} settings on {nested.Metric.Label()} by inner cross-validation of the outer training rows",
                Estimates(nested.Outer), nested.Metric, nested.Optimism,
                [.. nested.Choices.Select(c => new ChosenSetting(c.Setting, c.Times))]),
            new HeldOutPerformance(final.HeldOut.TestRows, split.TestMalignant, MetricExtensions.All.ToDictionary(m => m, m => m.Of(final.HeldOut.Metrics)), final.HeldOut.Metrics.Counts,
                final.HeldOut.Intervals, addedHeldOut, [.. HeldOutPerformance.Proportions.Select(m => ProportionInterval.Wilson(m, final.HeldOut.Metrics.Counts)).OfType<ProportionInterval>()]),
            new CalibrationSummary(CalibrationMethodOf(final.Fitted.Classifier),
                Evaluation.Calibration.Compute(crossValidation.PooledLabels, crossValidation.PooledProbabilities).ExpectedCalibrationError,
                Estimate.Of(crossValidation.Summary(Metric.Brier)), final.HeldOut.Metrics.Brier, RecalibrationOf(crossValidation, repeats)),
            new DecisionThreshold(point.TargetSensitivity, point.Threshold, point.Training.Sensitivity, point.Training.Specificity,
                Estimate.Of(crossValidation.OperatingPointSummary(Metric.Sensitivity)), Estimate.Of(crossValidation.OperatingPointSummary(Metric.Specificity)),
                point.Test.Sensitivity, point.Test.Specificity, point.Test.Counts,
                ProportionInterval.Wilson(Metric.Sensitivity, point.Test.Counts), ProportionInterval.Wilson(Metric.Specificity, point.Test.Counts)),
            SoftwareVersions(),
            use,
            update);
    }

    /// <summary>The card as the JSON of <c>card.json</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonFiles.Options);

    /// <summary>Reads a card from <paramref name="json"/>; <paramref name="path"/> names its file in errors.</summary>
    /// <exception cref="ModelFileException">The JSON is not a model card.</exception>
    public static ModelCard FromJson(string json, string path) => JsonFiles.Read<ModelCard>(json, path, "the model card");

    private static string VersionOf(FinalModel final, IReadOnlyList<string> trainingHashes, double targetSensitivity)
    {
        var identity = string.Join('\n', [.. trainingHashes, final.Model.Family, .. final.Model.Hyperparameters.Select(h => $"{h.Key}={h.Value:R}"),
            final.Seed.ToString(CultureInfo.InvariantCulture), targetSensitivity.ToString("R", CultureInfo.InvariantCulture)]);
        var slug = Regex.Replace(final.Model.Family.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        return $"{slug}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..12]}";
    }

    private static FeatureRange Range(string name, double[] values)
    {
        var observed = values.Where(v => !double.IsNaN(v)).ToArray();
        return new FeatureRange(name, observed.Min(), observed.Max(), observed.Mean(), observed.StandardDeviation());
    }

    /// <summary>
    /// The calibration slope and calibration-in-the-large of the out-of-fold probabilities of the first repetition of
    /// <paramref name="crossValidation"/> (each row once, so that the Wald intervals are not narrowed by counting a row
    /// once per repetition, as <see cref="CalibrationComparison"/> does); without the fits, and saying why, when the
    /// probabilities separate the classes or the model gives every row of a fold the same probability.
    /// </summary>
    private static RecalibrationSummary RecalibrationOf(CrossValidationResult crossValidation, int repeats)
    {
        var repeat = crossValidation.Folds[0].Repeat;
        var (labels, probabilities) = crossValidation.OutOfFold(repeat);
        var protocol = $"logistic recalibration (Cox 1958) of the out-of-fold probabilities of {(repeats == 1 ? "the" : $"the first of {repeats} repetitions of the")} cross-validation, "
            + "each training row once; Wald 95 % intervals";
        if (!crossValidation.RanksRowsWithinFolds(repeat))
        {
            return new RecalibrationSummary(protocol, labels.Count, null, null, "the model gives every row of a fold the same probability (a baseline), so a calibration slope means nothing");
        }

        try
        {
            var fit = CalibrationRegression.Of(labels, probabilities);
            return new RecalibrationSummary(protocol, fit.Rows, Estimate.Of(fit.Slope), Estimate.Of(fit.InterceptInTheLarge), null);
        }
        catch (InvalidOperationException e)
        {
            return new RecalibrationSummary(protocol, labels.Count, null, null, e.Message);
        }
    }

    private static Dictionary<Metric, Estimate> Estimates(Func<Metric, MetricSummary> summary) => MetricExtensions.All.ToDictionary(m => m, m => Estimate.Of(summary(m)));

    private static string CalibrationMethodOf(IFittedClassifier classifier) => classifier switch
    {
        FittedCalibratedClassifier { Calibrator: PlattScaling } => "Platt scaling of the model's score, fitted on out-of-fold scores of the training rows",
        FittedCalibratedClassifier => "isotonic regression of the model's score, fitted on out-of-fold scores of the training rows",
        FittedMlNetClassifier { GivesProbability: true } => "the model's own probability, fitted by log loss (no separate calibration)",
        _ => "the logistic function of the model's score, not calibrated",
    };

    private static Dictionary<string, string> SoftwareVersions()
    {
        static string Of(Type type) =>
            type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? type.Assembly.GetName().Version?.ToString() ?? "unknown";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BreastCancer.Analysis"] = Of(typeof(ModelCard)),
            ["Microsoft.ML"] = Of(typeof(MLContext)),
            ["Microsoft.ML.FastTree"] = Of(typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer)),
            ["Microsoft.ML.LightGbm"] = Of(typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer)),
            ["MathNet.Numerics"] = Of(typeof(Statistics)),
            [".NET"] = Environment.Version.ToString(),
        };
    }
}

/// <summary>What a model is.</summary>
/// <param name="Family">The catalogue family, e.g. <c>logistic regression, L2</c>.</param>
/// <param name="Pipeline">The pipeline's name, with its hyperparameters.</param>
/// <param name="Steps">The feature steps, in order.</param>
/// <param name="Classifier">The classifier at the end.</param>
/// <param name="Hyperparameters">The chosen hyperparameters.</param>
/// <param name="Seed">The seed it was fitted with.</param>
/// <param name="Output">What it predicts.</param>
public sealed record ModelSpecification(string Family, string Pipeline, IReadOnlyList<string> Steps, string Classifier, IReadOnlyDictionary<string, double> Hyperparameters,
    int Seed, string Output);

/// <summary>The data a model was trained on.</summary>
/// <param name="Source">The source file's name.</param>
/// <param name="SourceSha256">SHA-256 of the source file's bytes.</param>
/// <param name="TrainingRowsSha256">SHA-256 of the training rows (<see cref="DataFingerprint.OfRows(BreastCancerData)"/>).</param>
/// <param name="TrainingRows">Rows trained on.</param>
/// <param name="TrainingMalignant">Malignant rows among them.</param>
/// <param name="HeldOutRows">Rows held out and scored once.</param>
/// <param name="HeldOutMalignant">Malignant rows among them.</param>
/// <param name="SplitSeed">The seed of the held-out split.</param>
/// <param name="TestFraction">The share of rows held out.</param>
public sealed record TrainingDataSummary(string Source, string SourceSha256, string TrainingRowsSha256, int TrainingRows, int TrainingMalignant, int HeldOutRows,
    int HeldOutMalignant, int SplitSeed, double TestFraction);

/// <summary>A feature over the training rows.</summary>
/// <param name="Name">The canonical name.</param>
/// <param name="Min">Smallest training value.</param>
/// <param name="Max">Largest training value.</param>
/// <param name="Mean">Training mean.</param>
/// <param name="Sd">Training standard deviation (n − 1).</param>
public sealed record FeatureRange(string Name, double Min, double Max, double Mean, double Sd);

/// <summary>An estimate with its 95 % interval.</summary>
/// <param name="Mean">The estimate.</param>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public sealed record Estimate(double Mean, double Low, double High)
{
    /// <summary>The estimate of a summary over folds.</summary>
    public static Estimate Of(MetricSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new Estimate(summary.Mean, summary.Low, summary.High);
    }

    /// <summary>The estimate of a fitted coefficient with its Wald interval.</summary>
    public static Estimate Of(IntervalEstimate fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new Estimate(fit.Value, fit.Low, fit.High);
    }
}

/// <summary>Every metric estimated by one protocol.</summary>
/// <param name="Protocol">How, in words.</param>
/// <param name="Metrics">Each metric's estimate at probability 0.5.</param>
public sealed record PerformanceEstimate(string Protocol, IReadOnlyDictionary<Metric, Estimate> Metrics);

/// <summary>The nested cross-validated estimate.</summary>
/// <param name="Protocol">How, in words.</param>
/// <param name="Metrics">Each metric's outer estimate at probability 0.5.</param>
/// <param name="SearchMetric">The metric the inner searches optimised.</param>
/// <param name="Optimism">Mean of inner best score − outer score, of the search metric.</param>
/// <param name="Choices">The settings the inner searches chose, most frequent first.</param>
public sealed record NestedEstimate(string Protocol, IReadOnlyDictionary<Metric, Estimate> Metrics, Metric SearchMetric, double Optimism, IReadOnlyList<ChosenSetting> Choices);

/// <summary>A setting chosen by inner searches.</summary>
/// <param name="Setting">The hyperparameters.</param>
/// <param name="Times">In how many outer folds.</param>
public sealed record ChosenSetting(IReadOnlyDictionary<string, double> Setting, int Times);

/// <summary>
/// The score on the split's held-out rows. It is a held-out score only when <paramref name="AddedRowsAmongThem"/> is 0:
/// a retrained model whose added rows include held-out rows was trained on them, and its figures here, and the
/// threshold's held-out figures (<see cref="DecisionThreshold"/>), are then partly in-sample and optimistic.
/// </summary>
/// <param name="Rows">Rows scored.</param>
/// <param name="Malignant">Malignant rows among them.</param>
/// <param name="Metrics">Every metric at probability 0.5.</param>
/// <param name="Counts">The confusion counts at 0.5.</param>
/// <param name="Intervals">
/// The 95 % percentile intervals of the threshold-free metrics (<see cref="HeldOutScore.ThresholdFree"/>: ROC AUC,
/// average precision, Brier score, log loss) from <see cref="HeldOutScore.Resamples"/> bootstrap resamples of these
/// rows within each class, seed <see cref="HeldOutScore.Seed"/> (<see cref="HeldOutScore.BootstrapIntervals"/>); they
/// cover the sampling of these rows, not the variation of refitting. Null on cards written before they were recorded.
/// </param>
/// <param name="AddedRowsAmongThem">
/// How many of the rows added to the training rows of a retrained model (<see cref="ModelUpdate.AddedRows"/>) are
/// copies of a held-out row, all 30 values equal exactly; each added copy counts, 0 to the number of added rows. Only
/// exact copies are detected: a re-measurement of a held-out tumour (another scan or contour, any value changed) is
/// not, though the model has then seen that tumour too. 0 for a model trained on the split alone, and on cards written
/// before it was recorded.
/// </param>
/// <param name="ProportionIntervals">
/// The Wilson 95 % score intervals of the <see cref="Proportions"/> at 0.5, from <paramref name="Counts"/>, in that
/// order; a proportion with no tumour to count (precision when no row is predicted malignant) has none. Null on cards
/// written before they were recorded.
/// </param>
public sealed record HeldOutPerformance(int Rows, int Malignant, IReadOnlyDictionary<Metric, double> Metrics, ConfusionCounts Counts,
    IReadOnlyList<MetricInterval>? Intervals = null, int AddedRowsAmongThem = 0, IReadOnlyList<ProportionInterval>? ProportionIntervals = null)
{
    /// <summary>The metrics that are proportions of counted tumours and so have Wilson intervals on the card: accuracy, sensitivity, specificity, precision.</summary>
    public static IReadOnlyList<Metric> Proportions { get; } = [Metric.Accuracy, Metric.Sensitivity, Metric.Specificity, Metric.Precision];
}

/// <summary>
/// A held-out proportion of counted tumours with its Wilson 95 % score interval (<see cref="RateEstimate.Wilson"/>;
/// Wilson 1927, Newcombe 1998 method 3), which covers the sampling of the held-out rows, not the variation of refitting.
/// </summary>
/// <param name="Metric">The proportion: accuracy, sensitivity, specificity or precision.</param>
/// <param name="Successes">Its numerator, a count of tumours (<see cref="ConfusionCounts.Proportion"/>).</param>
/// <param name="Trials">Its denominator, a count of tumours, above 0.</param>
/// <param name="Low">Lower bound of the interval, 0–1.</param>
/// <param name="High">Upper bound of the interval, 0–1.</param>
public sealed record ProportionInterval(Metric Metric, int Successes, int Trials, double Low, double High)
{
    /// <summary>The Wilson 95 % interval of <paramref name="metric"/> from <paramref name="counts"/>; null when it is not a proportion of counted tumours or its denominator is 0.</summary>
    public static ProportionInterval? Wilson(Metric metric, ConfusionCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Proportion(metric) is not { Trials: > 0 } counted)
        {
            return null;
        }

        var rate = RateEstimate.Wilson(counted.Successes, counted.Trials);
        return new ProportionInterval(metric, counted.Successes, counted.Trials, rate.Low, rate.High);
    }
}

/// <summary>How the probabilities are made and how well they match outcomes.</summary>
/// <param name="Method">How the model's output becomes a probability.</param>
/// <param name="CrossValidatedEce">Expected calibration error of the pooled out-of-fold predictions (every repetition), 10 bins (<see cref="Evaluation.Calibration"/>).</param>
/// <param name="CrossValidatedBrier">Brier score over the test folds.</param>
/// <param name="HeldOutBrier">Brier score on the held-out rows.</param>
/// <param name="Recalibration">The calibration slope and calibration-in-the-large of the out-of-fold probabilities; null on cards written before they were recorded.</param>
public sealed record CalibrationSummary(string Method, double CrossValidatedEce, Estimate CrossValidatedBrier, double HeldOutBrier, RecalibrationSummary? Recalibration = null);

/// <summary>
/// The logistic recalibration of a model's out-of-fold probabilities (<see cref="CalibrationRegression"/>): a
/// calibrated model has slope 1 and calibration-in-the-large 0; a slope above 1 means its probabilities are too
/// cautious (too close to 0.5), below 1 too extreme; calibration-in-the-large above 0 means they are too low on average.
/// </summary>
/// <param name="Protocol">Which probabilities were fitted and how, in words.</param>
/// <param name="Rows">Predictions fitted.</param>
/// <param name="Slope">The calibration slope (no unit; 1 when calibrated) with its Wald 95 % interval; null when it could not be fitted (<paramref name="NotFitted"/>).</param>
/// <param name="InterceptInTheLarge">Calibration-in-the-large, in log-odds (0 when calibrated), with its Wald 95 % interval; null with <paramref name="Slope"/>.</param>
/// <param name="NotFitted">Why there is no fit, e.g. the probabilities separate the classes perfectly; null when fitted.</param>
public sealed record RecalibrationSummary(string Protocol, int Rows, Estimate? Slope, Estimate? InterceptInTheLarge, string? NotFitted);

/// <summary>The decision threshold: malignant when the probability is at least <paramref name="Threshold"/>.</summary>
/// <param name="TargetSensitivity">The sensitivity it was chosen for on the training rows.</param>
/// <param name="Threshold">The probability threshold.</param>
/// <param name="TrainingSensitivity">Sensitivity on the out-of-fold predictions of the training rows it was chosen on.</param>
/// <param name="TrainingSpecificity">Specificity there.</param>
/// <param name="CrossValidatedSensitivity">Sensitivity on test folds when the threshold is chosen the same way in each training fold.</param>
/// <param name="CrossValidatedSpecificity">Specificity likewise.</param>
/// <param name="HeldOutSensitivity">Sensitivity on the held-out rows (partly in-sample when <see cref="HeldOutPerformance.AddedRowsAmongThem"/> is above 0).</param>
/// <param name="HeldOutSpecificity">Specificity on the held-out rows, likewise.</param>
/// <param name="HeldOutCounts">The held-out confusion counts at the threshold.</param>
/// <param name="HeldOutSensitivityInterval">
/// The Wilson 95 % score interval of <paramref name="HeldOutSensitivity"/>, TP of TP + FN of <paramref name="HeldOutCounts"/>;
/// null on cards written before it was recorded, or with no malignant held-out row.
/// </param>
/// <param name="HeldOutSpecificityInterval">
/// The Wilson 95 % score interval of <paramref name="HeldOutSpecificity"/>, TN of TN + FP of <paramref name="HeldOutCounts"/>;
/// null on cards written before it was recorded, or with no benign held-out row.
/// </param>
public sealed record DecisionThreshold(double TargetSensitivity, double Threshold, double TrainingSensitivity, double TrainingSpecificity, Estimate CrossValidatedSensitivity,
    Estimate CrossValidatedSpecificity, double HeldOutSensitivity, double HeldOutSpecificity, ConfusionCounts HeldOutCounts,
    ProportionInterval? HeldOutSensitivityInterval = null, ProportionInterval? HeldOutSpecificityInterval = null);

/// <summary>What the card of a retrained model adds: the champion it challenged, the rows added to its training rows, and how it compared.</summary>
/// <param name="Champion">The version of the champion it was compared with.</param>
/// <param name="AddedRows">The rows it was trained on beyond the split's training rows.</param>
/// <param name="ComparisonProtocol">How it was compared with the champion, in words (<see cref="ChallengerComparison.Protocol"/>).</param>
/// <param name="Comparison">Each compared metric over the comparison's folds.</param>
/// <param name="Verdict">Whether it passed the promotion criteria, and why.</param>
public sealed record ModelUpdate(string Champion, AddedRowsSummary AddedRows, string ComparisonProtocol, IReadOnlyList<ComparisonMetric> Comparison, ComparisonVerdict Verdict);

/// <summary>The rows a model was trained on beyond WDBC's split (<see cref="AddedTrainingRows"/>), as its card records them.</summary>
/// <param name="File">The file in the version's folder that holds them (<see cref="AddedTrainingRows.FileName"/>).</param>
/// <param name="Rows">How many rows.</param>
/// <param name="Malignant">How many of them are malignant.</param>
/// <param name="RowsSha256">The SHA-256 of their canonical text (<see cref="DataFingerprint.OfRows(IReadOnlyList{double[]}, IReadOnlyList{bool})"/>).</param>
public sealed record AddedRowsSummary(string File, int Rows, int Malignant, string RowsSha256);
