using System.Globalization;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// A challenger compared with the champion on identical folds of new confirmed outcomes, honestly for both: the
/// outcomes are split into stratified folds (<see cref="RetrainCriteria.Folds"/>, seeded) that keep every case (the
/// outcomes of one tumour, measured more than once) in one fold, as notebook 01's grouping rule asks; on each fold the
/// challenger's procedure (the champion's pipeline and hyperparameters, its threshold chosen for the champion's target
/// sensitivity on out-of-fold predictions of its own training rows) is fitted on the champion's training rows plus the
/// outcomes outside the fold, and the champion, which never saw an outcome, is scored as it is served. Every outcome is
/// so predicted once by each model. The two are compared on all outcomes pooled: ROC AUC, log loss, Brier score, and
/// sensitivity and specificity at each model's own threshold, with the paired difference challenger − champion and its
/// 95 % percentile interval from a bootstrap that resamples cases (Efron &amp; Tibshirani 1993, ch. 13; cases, not
/// outcomes, because the outcomes of one tumour are not independent). For sensitivity and specificity the interval is
/// widened, where it is narrower, to Tango's score interval for paired proportions over the cases
/// (<see cref="PairedProportionInterval"/>): a bootstrap collapses to a point when no case is decided differently by the
/// two models, which is a lack of discordant cases, not precision. The interval covers the sampling of the outcomes,
/// not the variation of refitting the challenger. The <see cref="Verdict"/> promotes the challenger only when the
/// interval rules out, for every criterion, a loss larger than its allowance in <see cref="RetrainCriteria"/>: a
/// non-inferiority test at one-sided level 2.5 % per criterion, so a mean within the allowance is not enough.
/// </summary>
/// <param name="Champion">The champion's version.</param>
/// <param name="Challenger">The challenger's pipeline, with its hyperparameters.</param>
/// <param name="TargetSensitivity">The sensitivity both thresholds were chosen for on training rows.</param>
/// <param name="ChampionTrainingRows">The rows the champion was trained on, which every challenger fold is trained on too.</param>
/// <param name="Outcomes">The outcomes compared on.</param>
/// <param name="OutcomesMalignant">Malignant outcomes among them.</param>
/// <param name="Cases">The cases (tumours) the outcomes belong to; an outcome without a case is a case of its own.</param>
/// <param name="Criteria">The folds, seed, resamples and allowances.</param>
/// <param name="Protocol">How, in words.</param>
/// <param name="Folds">Each fold, in order.</param>
/// <param name="Metrics">Each compared metric on the pooled outcomes (<see cref="Compared"/>).</param>
/// <param name="Verdict">Whether the challenger may be promoted, and why.</param>
public sealed record ChallengerComparison(string Champion, string Challenger, double TargetSensitivity, int ChampionTrainingRows, int Outcomes, int OutcomesMalignant,
    int Cases, RetrainCriteria Criteria, string Protocol, IReadOnlyList<ComparisonFold> Folds, IReadOnlyList<ComparisonMetric> Metrics, ComparisonVerdict Verdict)
{
    /// <summary>The metrics compared, in the order tables show them.</summary>
    public static IReadOnlyList<Metric> Compared { get; } = [Metric.RocAuc, Metric.LogLoss, Metric.Brier, Metric.Sensitivity, Metric.Specificity];

    /// <summary>
    /// Compares <paramref name="champion"/>, trained on <paramref name="trainingRows"/> (its training rows, in its card's
    /// feature order, with their diagnoses <paramref name="trainingLabels"/>), with the challenger
    /// <paramref name="procedure"/> on folds of <paramref name="outcomes"/>, which the champion must not have been trained
    /// on. Outcomes of one case (<see cref="AddedTrainingRows.Cases"/>; an outcome without one is a case of its own) stay
    /// in one fold and are resampled together. <paramref name="trainingCases"/> names the training rows' cases (null, or
    /// a null entry: a row of its own; the champion's own added rows may have them), so that inside each fold the
    /// threshold's and any calibrator's inner folds keep a case together too. Each fold's fit is seeded with the
    /// champion's seed plus the fold's position, as in <see cref="CrossValidation"/>; folds run in parallel on up to
    /// <paramref name="workers"/> threads. The bootstrap is seeded with <see cref="RetrainCriteria.Seed"/>.
    /// </summary>
    /// <exception cref="TooFewOutcomesException">A diagnosis has outcomes in fewer cases than <see cref="RetrainCriteria.MinOutcomesPerClass"/>.</exception>
    /// <exception cref="ArgumentException">The criteria are not usable, or the training rows, their labels and their cases differ in count.</exception>
    public static ChallengerComparison Run(SavedModel champion, CatalogueModel procedure, IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels,
        AddedTrainingRows outcomes, RetrainCriteria criteria, IReadOnlyList<string?>? trainingCases = null, int? workers = null)
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

        if (trainingCases is not null && trainingCases.Count != trainingRows.Count)
        {
            throw new ArgumentException($"{trainingCases.Count} cases for {trainingRows.Count} training rows: give one case (or null) per row", nameof(trainingCases));
        }

        var caseOf = CaseKeys(outcomes.Cases);
        var (malignant, benign) = (outcomes.MalignantCount, outcomes.Count - outcomes.MalignantCount);
        var (malignantCases, benignCases) = (caseOf.Where((_, r) => outcomes.Malignant[r]).Distinct().Count(), caseOf.Where((_, r) => !outcomes.Malignant[r]).Distinct().Count());
        if (Math.Min(malignantCases, benignCases) < criteria.MinOutcomesPerClass)
        {
            throw new TooFewOutcomesException(malignantCases, benignCases, criteria.MinOutcomesPerClass);
        }

        var k = Math.Min(criteria.Folds, Math.Min(malignantCases, benignCases));
        var outcomeFolds = StratifiedGroupKFold.Split(outcomes.Malignant, caseOf, k, criteria.Seed);
        var n = trainingRows.Count;
        var rows = trainingRows.Concat(outcomes.Rows).ToArray();
        var labels = trainingLabels.Concat(outcomes.Malignant).ToArray();
        var challengerFolds = outcomeFolds.Select(f => new Fold(f.Repeat, f.Index, [.. Enumerable.Range(0, n), .. f.Train.Select(r => n + r)], [.. f.Test.Select(r => n + r)])).ToArray();
        var targetSensitivity = champion.Card.Threshold.TargetSensitivity;
        var pipeline = procedure.Pipeline();
        string?[] groups = [.. Enumerable.Range(0, n).Select(r => trainingCases?[r] is { } name ? "case:" + name : null), .. caseOf];
        var challenger = CrossValidation.Run(pipeline, rows, labels, challengerFolds, champion.Card.Model.Seed, workers, new OperatingPointOptions(targetSensitivity), groups);

        var folds = outcomeFolds.Select((fold, i) =>
        {
            var testLabels = fold.Test.Select(r => outcomes.Malignant[r]).ToArray();
            var championProbabilities = champion.PredictProbability([.. fold.Test.Select(r => outcomes.Rows[r])]);
            var score = challenger.Folds[i];
            return new ComparisonFold(fold.Index, fold.Test, testLabels, score.TrainingRows,
                new FoldPredictions(champion.Card.Threshold.Threshold, championProbabilities, ClassificationMetrics.Compute(testLabels, championProbabilities, champion.Card.Threshold.Threshold)),
                new FoldPredictions(score.OperatingPoint!.Threshold, score.Probabilities, score.OperatingPoint.Test));
        }).ToArray();
        var paired = PairedPredictions.Of(folds, outcomes.Count);
        var pooled = paired.Metrics([.. Enumerable.Range(0, outcomes.Count)]);
        var resamples = CaseBootstrap.Resamples(caseOf, outcomes.Malignant, criteria.Resamples, criteria.Seed).Select(paired.Metrics).ToArray();
        var metrics = Compared.Select(m => ComparisonMetric.Of(m, pooled, resamples, criteria.AllowedLoss(m), paired.ScoreInterval(m, caseOf))).ToArray();
        var caseCount = caseOf.Distinct().Count();
        var protocol = string.Create(CultureInfo.InvariantCulture,
            $"{k}-fold stratified split of {outcomes.Count} new outcomes ({malignant} malignant) of {caseCount} cases, every case in one fold, seed {criteria.Seed}: on each fold the challenger is fitted on the champion's {n} training rows and the outcomes outside the fold, its threshold chosen there for sensitivity ≥ {targetSensitivity:F2} on inner folds that keep each case together; the champion is scored as served; both on all outcomes pooled, with 95 % intervals of the differences from {criteria.Resamples} bootstrap resamples of the cases (for sensitivity and specificity, at least Tango's score interval over the cases)");
        return new ChallengerComparison(champion.Version, pipeline.Name, targetSensitivity, n, outcomes.Count, malignant, caseCount, criteria, protocol, folds, metrics,
            ComparisonVerdict.Of(metrics));
    }

    /// <summary>Each outcome's case: its name when it has one, else a key of its own that no name can equal.</summary>
    private static string[] CaseKeys(IReadOnlyList<string?> cases) =>
        [.. cases.Select((name, r) => name is not null ? "case:" + name : "outcome:" + r.ToString(CultureInfo.InvariantCulture))];
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

/// <summary>One metric of a comparison on the pooled outcomes, and its criterion when it is one.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Champion">The champion's value on all outcomes.</param>
/// <param name="Challenger">The challenger's value on all outcomes, each predicted by the fold's challenger that was not trained on it.</param>
/// <param name="Difference">Challenger − champion.</param>
/// <param name="Low">The 2.5th percentile of the difference over the bootstrap resamples of the cases; for sensitivity and specificity, the lower of that and Tango's score bound.</param>
/// <param name="High">The 97.5th percentile; for sensitivity and specificity, the higher of that and Tango's score bound.</param>
/// <param name="AllowedLoss">How much worse the challenger may be (a drop, or a rise for log loss), or null when the metric is not a criterion.</param>
/// <param name="Passed">True unless the interval allows a loss larger than <paramref name="AllowedLoss"/> (<see cref="WorstLoss"/> above it).</param>
public sealed record ComparisonMetric(Metric Metric, double Champion, double Challenger, double Difference, double Low, double High, double? AllowedLoss, bool Passed)
{
    /// <summary>How much worse the challenger is: −<see cref="Difference"/> for a metric where higher is better, <see cref="Difference"/> otherwise; negative when it is better.</summary>
    public double Loss => Metric.HigherIsBetter() ? -Difference : Difference;

    /// <summary>The largest loss the interval allows: −<see cref="Low"/> where higher is better, <see cref="High"/> otherwise.</summary>
    public double WorstLoss => Metric.HigherIsBetter() ? -Low : High;

    /// <summary>
    /// The metric of <paramref name="pooled"/> (both models' metrics on all outcomes) with the percentile interval of the
    /// difference over <paramref name="resamples"/> (both models' metrics on each bootstrap resample), widened to
    /// <paramref name="scoreInterval"/> where that is wider, judged against <paramref name="allowedLoss"/>.
    /// </summary>
    internal static ComparisonMetric Of(Metric metric, (ClassificationMetrics Champion, ClassificationMetrics Challenger) pooled,
        IReadOnlyList<(ClassificationMetrics Champion, ClassificationMetrics Challenger)> resamples, double? allowedLoss, (double Low, double High)? scoreInterval = null)
    {
        var (champion, challenger) = (metric.Of(pooled.Champion), metric.Of(pooled.Challenger));
        var (low, high) = PercentileInterval.Of(resamples.Select(r => metric.Of(r.Challenger) - metric.Of(r.Champion)));
        if (scoreInterval is { } score)
        {
            (low, high) = (Math.Min(low, score.Low), Math.Max(high, score.High));
        }

        var worst = metric.HigherIsBetter() ? -low : high;
        return new ComparisonMetric(metric, champion, challenger, challenger - champion, low, high, allowedLoss, allowedLoss is not { } allowed || worst <= allowed);
    }
}

/// <summary>Whether a challenger may replace the champion, with a reason for each criterion.</summary>
/// <param name="Promote">True when the challenger is not worse than allowed by any criterion.</param>
/// <param name="Reasons">One line per criterion: both values, the challenger's loss (a drop, or a rise for log loss; negative when it is better), the largest loss its interval allows, the allowance, and whether it passed.</param>
public sealed record ComparisonVerdict(bool Promote, IReadOnlyList<string> Reasons)
{
    /// <summary>The verdict of the criteria among <paramref name="metrics"/>: promote when every one passed.</summary>
    internal static ComparisonVerdict Of(IReadOnlyList<ComparisonMetric> metrics)
    {
        var criteria = metrics.Where(m => m.AllowedLoss is not null).ToArray();
        return new ComparisonVerdict(criteria.All(m => m.Passed), [.. criteria.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Metric.Label()}: challenger {m.Challenger:F4}, champion {m.Champion:F4}, loss {m.Loss:+0.0000;−0.0000;0.0000}, at most {m.WorstLoss:+0.0000;−0.0000;0.0000} by its 95 % interval (allowed {m.AllowedLoss:F4}): {(m.Passed ? "not worse" : "possibly worse")}"))]);
    }
}
