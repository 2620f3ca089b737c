using System.Globalization;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// A challenger compared with the champion on identical folds of new confirmed outcomes, honestly for both: the
/// outcomes are split into stratified folds (<see cref="RetrainCriteria.Folds"/>, seeded); on each fold the challenger's
/// procedure (the champion's pipeline and hyperparameters, its threshold chosen for the champion's target sensitivity on
/// out-of-fold predictions of its own training rows) is fitted on the champion's training rows plus the outcomes outside
/// the fold, and the champion, which never saw an outcome, is scored as it is served. Both are scored on the fold's
/// outcomes: ROC AUC, log loss, Brier score, and sensitivity and specificity at each model's own threshold, with the
/// paired differences challenger − champion. The <see cref="Verdict"/> promotes the challenger only when its mean loss
/// on every criterion is within the allowance of <see cref="RetrainCriteria"/>.
/// </summary>
/// <param name="Champion">The champion's version.</param>
/// <param name="Challenger">The challenger's pipeline, with its hyperparameters.</param>
/// <param name="TargetSensitivity">The sensitivity both thresholds were chosen for on training rows.</param>
/// <param name="ChampionTrainingRows">The rows the champion was trained on, which every challenger fold is trained on too.</param>
/// <param name="Outcomes">The outcomes compared on.</param>
/// <param name="OutcomesMalignant">Malignant outcomes among them.</param>
/// <param name="Criteria">The folds, seed and allowances.</param>
/// <param name="Protocol">How, in words.</param>
/// <param name="Folds">Each fold, in order.</param>
/// <param name="Metrics">Each compared metric over the folds (<see cref="Compared"/>).</param>
/// <param name="Verdict">Whether the challenger may be promoted, and why.</param>
public sealed record ChallengerComparison(string Champion, string Challenger, double TargetSensitivity, int ChampionTrainingRows, int Outcomes, int OutcomesMalignant,
    RetrainCriteria Criteria, string Protocol, IReadOnlyList<ComparisonFold> Folds, IReadOnlyList<ComparisonMetric> Metrics, ComparisonVerdict Verdict)
{
    /// <summary>The metrics compared, in the order tables show them.</summary>
    public static IReadOnlyList<Metric> Compared { get; } = [Metric.RocAuc, Metric.LogLoss, Metric.Brier, Metric.Sensitivity, Metric.Specificity];

    /// <summary>
    /// Compares <paramref name="champion"/>, trained on <paramref name="trainingRows"/> (its training rows, in its card's
    /// feature order, with their diagnoses <paramref name="trainingLabels"/>), with the challenger
    /// <paramref name="procedure"/> on folds of <paramref name="outcomes"/>, which the champion must not have been trained
    /// on. Each fold's fit is seeded with the champion's seed plus the fold's position, as in <see cref="CrossValidation"/>;
    /// folds run in parallel on up to <paramref name="workers"/> threads.
    /// </summary>
    /// <exception cref="TooFewOutcomesException">A diagnosis has fewer outcomes than <see cref="RetrainCriteria.MinOutcomesPerClass"/>.</exception>
    /// <exception cref="ArgumentException">The criteria are not usable, or the training rows and labels differ in count.</exception>
    public static ChallengerComparison Run(SavedModel champion, CatalogueModel procedure, IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels,
        AddedTrainingRows outcomes, RetrainCriteria criteria, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(trainingRows);
        ArgumentNullException.ThrowIfNull(trainingLabels);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.Problems() is [_, ..] problems)
        {
            throw new ArgumentException($"the retrain criteria are not usable: {string.Join("; ", problems)}", nameof(criteria));
        }

        if (trainingRows.Count != trainingLabels.Count)
        {
            throw new ArgumentException($"{trainingRows.Count} training rows for {trainingLabels.Count} labels", nameof(trainingLabels));
        }

        var (malignant, benign) = (outcomes.MalignantCount, outcomes.Count - outcomes.MalignantCount);
        if (Math.Min(malignant, benign) < criteria.MinOutcomesPerClass)
        {
            throw new TooFewOutcomesException(malignant, benign, criteria.MinOutcomesPerClass);
        }

        var k = Math.Min(criteria.Folds, Math.Min(malignant, benign));
        var outcomeFolds = StratifiedGroupKFold.Split(outcomes.Malignant, null, k, criteria.Seed);
        var n = trainingRows.Count;
        var rows = trainingRows.Concat(outcomes.Rows).ToArray();
        var labels = trainingLabels.Concat(outcomes.Malignant).ToArray();
        var challengerFolds = outcomeFolds.Select(f => new Fold(f.Repeat, f.Index, [.. Enumerable.Range(0, n), .. f.Train.Select(r => n + r)], [.. f.Test.Select(r => n + r)])).ToArray();
        var targetSensitivity = champion.Card.Threshold.TargetSensitivity;
        var pipeline = procedure.Pipeline();
        var challenger = CrossValidation.Run(pipeline, rows, labels, challengerFolds, champion.Card.Model.Seed, workers, new OperatingPointOptions(targetSensitivity));

        var folds = outcomeFolds.Select((fold, i) =>
        {
            var testLabels = fold.Test.Select(r => outcomes.Malignant[r]).ToArray();
            var championProbabilities = champion.PredictProbability([.. fold.Test.Select(r => outcomes.Rows[r])]);
            var score = challenger.Folds[i];
            return new ComparisonFold(fold.Index, fold.Test, testLabels, score.TrainingRows,
                new FoldPredictions(champion.Card.Threshold.Threshold, championProbabilities, ClassificationMetrics.Compute(testLabels, championProbabilities, champion.Card.Threshold.Threshold)),
                new FoldPredictions(score.OperatingPoint!.Threshold, score.Probabilities, score.OperatingPoint.Test));
        }).ToArray();
        var metrics = Compared.Select(m => ComparisonMetric.Of(m, folds, criteria.AllowedLoss(m))).ToArray();
        var protocol = string.Create(CultureInfo.InvariantCulture,
            $"{k}-fold stratified split of {outcomes.Count} new outcomes ({malignant} malignant), seed {criteria.Seed}: on each fold the challenger is fitted on the champion's {n} training rows and the outcomes outside the fold, its threshold chosen there for sensitivity ≥ {targetSensitivity:F2}; the champion is scored as served; means over the folds");
        return new ChallengerComparison(champion.Version, pipeline.Name, targetSensitivity, n, outcomes.Count, malignant, criteria, protocol, folds, metrics, ComparisonVerdict.Of(metrics));
    }
}

/// <summary>One fold of a <see cref="ChallengerComparison"/>: the same outcomes scored by both models.</summary>
/// <param name="Fold">The fold's number, 0-based.</param>
/// <param name="Outcomes">The fold's outcomes, as positions among the outcomes compared on, ascending.</param>
/// <param name="Labels">Their diagnoses (true = malignant).</param>
/// <param name="ChallengerTrainingRows">The rows the challenger was fitted on for this fold: the champion's training rows and the outcomes outside the fold.</param>
/// <param name="Champion">The champion's predictions of the fold.</param>
/// <param name="Challenger">The challenger's predictions of the fold.</param>
public sealed record ComparisonFold(int Fold, IReadOnlyList<int> Outcomes, IReadOnlyList<bool> Labels, int ChallengerTrainingRows, FoldPredictions Champion, FoldPredictions Challenger)
{
    /// <summary>Challenger − champion on <paramref name="metric"/>.</summary>
    public double Difference(Metric metric) => metric.Of(Challenger.Metrics) - metric.Of(Champion.Metrics);
}

/// <summary>One model's predictions of a comparison fold.</summary>
/// <param name="Threshold">The model's own decision threshold (malignant when p ≥ threshold).</param>
/// <param name="Probabilities">Its probability of malignancy for each outcome of the fold, in the fold's order.</param>
/// <param name="Metrics">Every metric of those probabilities, the threshold metrics at <paramref name="Threshold"/>.</param>
public sealed record FoldPredictions(double Threshold, IReadOnlyList<double> Probabilities, ClassificationMetrics Metrics);

/// <summary>One metric of a comparison over its folds, and its criterion when it is one.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Champion">The champion's mean over the folds.</param>
/// <param name="Challenger">The challenger's mean over the folds.</param>
/// <param name="Difference">The mean paired difference, challenger − champion.</param>
/// <param name="DifferenceSd">The sample standard deviation of the paired differences over the folds.</param>
/// <param name="AllowedLoss">How much worse the challenger may be (a drop, or a rise for log loss), or null when the metric is not a criterion.</param>
/// <param name="Passed">True unless the challenger is worse by more than <paramref name="AllowedLoss"/>.</param>
public sealed record ComparisonMetric(Metric Metric, double Champion, double Challenger, double Difference, double DifferenceSd, double? AllowedLoss, bool Passed)
{
    /// <summary>How much worse the challenger is: −<see cref="Difference"/> for a metric where higher is better, <see cref="Difference"/> otherwise.</summary>
    public double Loss => Metric.HigherIsBetter() ? -Difference : Difference;

    /// <summary>The metric over <paramref name="folds"/>, judged against <paramref name="allowedLoss"/>.</summary>
    internal static ComparisonMetric Of(Metric metric, IReadOnlyList<ComparisonFold> folds, double? allowedLoss)
    {
        var differences = folds.Select(f => f.Difference(metric)).ToArray();
        var difference = differences.Mean();
        var loss = metric.HigherIsBetter() ? -difference : difference;
        return new ComparisonMetric(metric, folds.Select(f => metric.Of(f.Champion.Metrics)).Mean(), folds.Select(f => metric.Of(f.Challenger.Metrics)).Mean(),
            difference, differences.StandardDeviation(), allowedLoss, allowedLoss is not { } allowed || loss <= allowed);
    }
}

/// <summary>Whether a challenger may replace the champion, with a reason for each criterion.</summary>
/// <param name="Promote">True when the challenger is not worse than allowed by any criterion.</param>
/// <param name="Reasons">One line per criterion: both means, the challenger's loss (a drop, or a rise for log loss; negative when it is better), the allowance, and whether it passed.</param>
public sealed record ComparisonVerdict(bool Promote, IReadOnlyList<string> Reasons)
{
    /// <summary>The verdict of the criteria among <paramref name="metrics"/>.</summary>
    internal static ComparisonVerdict Of(IReadOnlyList<ComparisonMetric> metrics)
    {
        var criteria = metrics.Where(m => m.AllowedLoss is not null).ToArray();
        return new ComparisonVerdict(criteria.All(m => m.Passed), [.. criteria.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Metric.Label()}: challenger {m.Challenger:F4}, champion {m.Champion:F4}, loss {m.Loss:+0.0000;−0.0000;0.0000} (allowed {m.AllowedLoss:F4}): {(m.Passed ? "not worse" : "worse")}"))]);
    }
}
