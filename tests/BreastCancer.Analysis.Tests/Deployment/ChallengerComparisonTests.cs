using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Deployment;

/// <summary>The comparison of a challenger with the study's model (trained on the split's training rows) on outcomes made of the held-out rows.</summary>
public sealed class ChallengerComparisonTests(StudyModels study) : IClassFixture<StudyModels>
{
    private static readonly RetrainCriteria Criteria = new(Folds: 5, Seed: 1);

    private SavedModel Champion => new("(memory)", study.Card, study.Final.Fitted);

    /// <summary>The held-out rows as outcomes, the size features (radius, perimeter) × <paramref name="scale"/> and the areas × its square, a seeded share <paramref name="misrecorded"/> of their diagnoses flipped.</summary>
    private AddedTrainingRows HeldOutOutcomes(double scale, double misrecorded = 0)
    {
        var random = new Random(5);
        var heldOut = study.Wdbc.Subset(study.Split.Test);
        var names = heldOut.FeatureNames;
        var rows = heldOut.ToArray().Select(r => r.Select((v, f) => names[f].StartsWith("area_", StringComparison.Ordinal) ? v * scale * scale
            : names[f].StartsWith("radius_", StringComparison.Ordinal) || names[f].StartsWith("perimeter_", StringComparison.Ordinal) ? v * scale : v).ToArray()).ToArray();
        return new AddedTrainingRows(rows, [.. heldOut.IsMalignant.Select(m => m != random.NextDouble() < misrecorded)]);
    }

    private static double BruteForceRocAuc(bool[] labels, double[] scores)
    {
        var (wins, pairs) = (0.0, 0);
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = 0; j < labels.Length; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        return wins / pairs;
    }

    [Fact]
    public void Each_folds_figures_are_those_of_the_pipeline_fitted_by_hand_on_the_same_rows_and_of_the_unchanged_champion()
    {
        var outcomes = HeldOutOutcomes(1.15);
        var training = study.Train;

        var comparison = ChallengerComparison.Run(Champion, study.Model, training.ToArray(), training.IsMalignant, outcomes, Criteria);

        var folds = StratifiedGroupKFold.Split(outcomes.Malignant, null, Criteria.Folds, Criteria.Seed);
        Assert.Equal(folds.Count, comparison.Folds.Count);
        Assert.Equal(folds.SelectMany(f => f.Test).Order(), Enumerable.Range(0, outcomes.Count));
        for (var i = 0; i < folds.Count; i++)
        {
            var (fold, compared) = (folds[i], comparison.Folds[i]);
            Assert.Equal(fold.Test, compared.Outcomes);
            var labels = fold.Test.Select(r => outcomes.Malignant[r]).ToArray();
            var foldRows = fold.Test.Select(r => outcomes.Rows[r]).ToArray();
            var fitted = study.Model.Pipeline().Fit([.. training.ToArray(), .. fold.Train.Select(r => outcomes.Rows[r])],
                [.. training.IsMalignant, .. fold.Train.Select(r => outcomes.Malignant[r])], study.Card.Model.Seed + i);
            var challenger = fitted.PredictProbability(foldRows);
            var champion = study.Final.Fitted.PredictProbability(foldRows);

            Assert.Equal(training.RowCount + fold.Train.Count, compared.ChallengerTrainingRows);
            Assert.Equal(challenger, compared.Challenger.Probabilities);
            Assert.Equal(champion, compared.Champion.Probabilities);
            Assert.Equal(study.Final.Threshold, compared.Champion.Threshold);
            Assert.Equal(BruteForceRocAuc(labels, challenger), compared.Challenger.Metrics.RocAuc, 12);
            Assert.Equal(BruteForceRocAuc(labels, champion), compared.Champion.Metrics.RocAuc, 12);
            Assert.Equal(-labels.Select((l, r) => Math.Log(l ? challenger[r] : 1 - challenger[r])).Average(), compared.Challenger.Metrics.LogLoss, 9);
            var t = compared.Challenger.Threshold;
            Assert.Equal(labels.Where((l, r) => l && challenger[r] >= t).Count() / (double)labels.Count(l => l), compared.Challenger.Metrics.Sensitivity, 12);
            Assert.Equal(labels.Where((l, r) => !l && challenger[r] < t).Count() / (double)labels.Count(l => !l), compared.Challenger.Metrics.Specificity, 12);
            Assert.Equal(labels.Where((l, r) => !l && champion[r] < study.Final.Threshold).Count() / (double)labels.Count(l => !l), compared.Champion.Metrics.Specificity, 12);
        }

        var outcome = comparison.Folds.SelectMany(f => f.Outcomes.Select((r, i) => (Row: r, Label: f.Labels[i], Champion: f.Champion.Probabilities[i],
            Challenger: f.Challenger.Probabilities[i], f.Challenger.Threshold))).OrderBy(o => o.Row).ToArray();
        bool[] pooledLabels = [.. outcome.Select(o => o.Label)];
        var auc = comparison.Metrics.Single(m => m.Metric == Metric.RocAuc);
        Assert.Equal(BruteForceRocAuc(pooledLabels, [.. outcome.Select(o => o.Champion)]), auc.Champion, 12);
        Assert.Equal(BruteForceRocAuc(pooledLabels, [.. outcome.Select(o => o.Challenger)]), auc.Challenger, 12);
        Assert.Equal(auc.Challenger - auc.Champion, auc.Difference, 15);
        var sensitivity = comparison.Metrics.Single(m => m.Metric == Metric.Sensitivity);
        Assert.Equal(outcome.Count(o => o.Label && o.Challenger >= o.Threshold) / (double)outcome.Count(o => o.Label), sensitivity.Challenger, 12);
        var brier = comparison.Metrics.Single(m => m.Metric == Metric.Brier);
        Assert.Equal(outcome.Average(o => Math.Pow(o.Champion - (o.Label ? 1 : 0), 2)), brier.Champion, 12);
    }

    [Fact]
    public void The_interval_of_each_difference_is_the_percentile_interval_of_a_bootstrap_drawing_whole_cases_and_the_verdict_reads_its_bound()
    {
        var heldOut = study.Wdbc.Subset(study.Split.Test);
        var outcomes = HeldOutOutcomes(1.0).Concat(HeldOutOutcomes(1.15));
        string?[] cases = [.. Enumerable.Range(0, 2 * heldOut.RowCount).Select(r => $"tumour {r % heldOut.RowCount}")];
        var criteria = Criteria with { Resamples = 300 };

        var comparison = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, new AddedTrainingRows(outcomes.Rows, outcomes.Malignant, cases), criteria);

        Assert.Equal(heldOut.RowCount, comparison.Cases);
        var outcome = comparison.Folds.SelectMany(f => f.Outcomes.Select((r, i) => (Row: r, Label: f.Labels[i], Champion: f.Champion.Probabilities[i],
            Challenger: f.Challenger.Probabilities[i]))).OrderBy(o => o.Row).ToArray();
        var members = Enumerable.Range(0, outcomes.Count).GroupBy(r => cases[r]).Select(g => g.ToArray()).ToArray();
        var random = new Random(criteria.Seed);
        var differences = new List<double>();
        while (differences.Count < criteria.Resamples)
        {
            var drawn = Enumerable.Range(0, members.Length).SelectMany(_ => members[random.Next(members.Length)]).ToArray();
            if (drawn.Any(r => outcome[r].Label) && drawn.Any(r => !outcome[r].Label))
            {
                bool[] labels = [.. drawn.Select(r => outcome[r].Label)];
                differences.Add(BruteForceRocAuc(labels, [.. drawn.Select(r => outcome[r].Challenger)]) - BruteForceRocAuc(labels, [.. drawn.Select(r => outcome[r].Champion)]));
            }
        }

        double[] sorted = [.. differences.Order()];
        double Quantile(double q)
        {
            var h = (sorted.Length - 1) * q;
            var below = (int)Math.Floor(h);
            return sorted[below] + (h - below) * (sorted[Math.Min(below + 1, sorted.Length - 1)] - sorted[below]);
        }

        var auc = comparison.Metrics.Single(m => m.Metric == Metric.RocAuc);
        Assert.Equal(Quantile(0.025), auc.Low, 12);
        Assert.Equal(Quantile(0.975), auc.High, 12);
        Assert.Equal(-auc.Low, auc.WorstLoss, 15);
        var logLoss = comparison.Metrics.Single(m => m.Metric == Metric.LogLoss);
        Assert.Equal(logLoss.High, logLoss.WorstLoss, 15);
        Assert.All(comparison.Metrics, m => Assert.InRange(m.Difference, m.Low, m.High));
        var cancers = comparison.Folds.SelectMany(f => f.Outcomes.Select((r, i) => (Row: r, f.Labels[i], Champion: f.Champion.Probabilities[i] >= f.Champion.Threshold,
            Challenger: f.Challenger.Probabilities[i] >= f.Challenger.Threshold))).Where(o => o.Item2).ToArray();
        var designEffect = cancers.Length / (double)cancers.Select(o => cases[o.Row]).Distinct().Count();
        var (scoreLow, scoreHigh) = PairedProportionInterval.Tango(cancers.Count(o => o.Challenger && !o.Champion) / designEffect,
            cancers.Count(o => !o.Challenger && o.Champion) / designEffect, cancers.Length / designEffect);
        var sensitivity = comparison.Metrics.Single(m => m.Metric == Metric.Sensitivity);
        Assert.True(sensitivity.Low <= scoreLow && sensitivity.High >= scoreHigh, $"{sensitivity.Low}..{sensitivity.High} against Tango {scoreLow}..{scoreHigh}");
        Assert.True(sensitivity.High - sensitivity.Low > 0.05, "the interval does not collapse with few discordant cases");
        Assert.All(comparison.Metrics.Where(m => m.AllowedLoss is not null), m => Assert.Equal(m.WorstLoss <= m.AllowedLoss, m.Passed));
        Assert.Equal(comparison.Metrics.Where(m => m.AllowedLoss is not null).All(m => m.Passed), comparison.Verdict.Promote);
    }

    [Fact]
    public void Outcomes_of_one_case_stay_in_one_fold_and_a_tumour_measured_twice_widens_the_interval_only_when_its_case_is_named()
    {
        var heldOut = study.Wdbc.Subset(study.Split.Test);
        var outcomes = HeldOutOutcomes(1.0).Concat(HeldOutOutcomes(1.15));
        string?[] cases = [.. Enumerable.Range(0, 2 * heldOut.RowCount).Select(r => $"tumour {r % heldOut.RowCount}")];
        var named = new AddedTrainingRows(outcomes.Rows, outcomes.Malignant, cases);
        var criteria = Criteria with { Resamples = 500 };

        var grouped = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, named, criteria);
        var ungrouped = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, outcomes, criteria);

        var n = heldOut.RowCount;
        int FoldOf(ChallengerComparison c, int row) => c.Folds.Single(f => f.Outcomes.Contains(row)).Fold;
        Assert.All(Enumerable.Range(0, n), r => Assert.Equal(FoldOf(grouped, r), FoldOf(grouped, n + r)));
        Assert.Contains(Enumerable.Range(0, n), r => FoldOf(ungrouped, r) != FoldOf(ungrouped, n + r));
        Assert.Equal((n, 2 * n), (grouped.Cases, ungrouped.Cases));
        Assert.Contains($"of {n} cases, every case in one fold", grouped.Protocol, StringComparison.Ordinal);
        var (width, naive) = (Width(grouped, Metric.LogLoss), Width(ungrouped, Metric.LogLoss));
        Assert.True(width > naive, $"grouped {width}, ungrouped {naive}");
        Assert.Contains($"{study.Train.RowCount - 1} cases for {study.Train.RowCount} training rows", Assert.Throws<ArgumentException>(() =>
            ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, outcomes, criteria, new string?[study.Train.RowCount - 1])).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void No_challenger_fitted_inside_the_comparison_ever_predicts_a_tumour_whose_twin_it_was_trained_on_when_the_cases_are_named()
    {
        var once = HeldOutOutcomes(1.0);
        var twice = once.Concat(once);
        var named = new AddedTrainingRows(twice.Rows, twice.Malignant, [.. Enumerable.Range(0, twice.Count).Select(r => $"T{r % once.Count}")]);
        var (witness, blind) = (new Evaluation.TwinWitness(), new Evaluation.TwinWitness());
        CatalogueModel Procedure(Evaluation.TwinWitness w) => new("witness", new Dictionary<string, double>(), _ => w);

        var comparison = ChallengerComparison.Run(Champion, Procedure(witness), study.Train.ToArray(), study.Train.IsMalignant, named, Criteria with { Resamples = 200 });
        ChallengerComparison.Run(Champion, Procedure(blind), study.Train.ToArray(), study.Train.IsMalignant, twice, Criteria with { Resamples = 200 });

        Assert.Equal(once.Count, comparison.Cases);
        Assert.True(witness.Predictions > twice.Count, $"{witness.Predictions} predictions");
        Assert.Equal(0, witness.SeenBefore);
        Assert.True(blind.SeenBefore > 0, "without cases the twins are split");
    }

    private static double Width(ChallengerComparison comparison, Metric metric) => comparison.Metrics.Single(m => m.Metric == metric) is var m ? m.High - m.Low : 0;

    [Fact]
    public void A_challenger_with_outcomes_of_the_shifted_population_clears_more_benign_tumours_but_43_cancers_cannot_show_its_sensitivity_within_the_margin()
    {
        var comparison = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, HeldOutOutcomes(1.15), Criteria);

        Assert.Equal(new RetrainCriteria(), Criteria);
        var (logLoss, specificity, sensitivity) = (Of(comparison, Metric.LogLoss), Of(comparison, Metric.Specificity), Of(comparison, Metric.Sensitivity));
        Assert.True(logLoss.High < 0, $"log loss difference {logLoss.Low} to {logLoss.High}");
        Assert.True(specificity.Low > 0, $"specificity difference {specificity.Low} to {specificity.High}");
        Assert.True(sensitivity.Difference < 0 && !sensitivity.Passed, $"sensitivity {sensitivity.Champion} → {sensitivity.Challenger}, worst loss {sensitivity.WorstLoss}");
        Assert.False(comparison.Verdict.Promote);
        Assert.Equal(4, comparison.Verdict.Reasons.Count);
        Assert.Contains("bc-challenger-folds", DeploymentHtml.Render(comparison), StringComparison.Ordinal);

        var lenient = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, HeldOutOutcomes(1.15),
            Criteria with { MaxSensitivityLoss = sensitivity.WorstLoss + 1e-9 });
        Assert.True(lenient.Verdict.Promote, string.Join("\n", lenient.Verdict.Reasons));
    }

    private static ComparisonMetric Of(ChallengerComparison comparison, Metric metric) => comparison.Metrics.Single(m => m.Metric == metric);

    [Fact]
    public void A_challenger_trained_on_outcomes_with_a_third_of_the_diagnoses_misrecorded_ranks_worse_and_is_not_promoted()
    {
        var comparison = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, HeldOutOutcomes(1.0, misrecorded: 0.3), Criteria);

        Assert.False(comparison.Verdict.Promote);
        var auc = comparison.Metrics.Single(m => m.Metric == Metric.RocAuc);
        Assert.False(auc.Passed);
        Assert.True(auc.WorstLoss > Criteria.MaxRocAucLoss, $"worst loss {auc.WorstLoss}");
        Assert.Contains(comparison.Verdict.Reasons, r => r.StartsWith("ROC AUC:", StringComparison.Ordinal) && r.EndsWith(": possibly worse", StringComparison.Ordinal));
    }

    [Fact]
    public void Outcomes_whose_every_diagnosis_is_flipped_are_the_truth_the_comparison_judges_by_so_the_challenger_trained_on_them_ranks_them_better()
    {
        var comparison = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, HeldOutOutcomes(1.0, misrecorded: 1), Criteria);

        var auc = comparison.Metrics.Single(m => m.Metric == Metric.RocAuc);
        Assert.True(auc.Champion < 0.01, $"the champion ranks the flipped diagnoses backwards: {auc.Champion}");
        Assert.True(auc.Difference > 0);
        Assert.True(comparison.Metrics.Single(m => m.Metric == Metric.LogLoss).Difference < 0);
    }

    [Fact]
    public void Too_few_outcomes_of_a_diagnosis_are_refused_with_both_counts_and_the_folds_shrink_to_the_smaller_class()
    {
        var outcomes = HeldOutOutcomes(1.0);
        var fewMalignant = Enumerable.Range(0, outcomes.Count).Where(r => !outcomes.Malignant[r]).Take(20).Concat(Enumerable.Range(0, outcomes.Count).Where(r => outcomes.Malignant[r]).Take(9)).ToArray();
        var few = new AddedTrainingRows([.. fewMalignant.Select(r => outcomes.Rows[r])], [.. fewMalignant.Select(r => outcomes.Malignant[r])]);

        var refused = Assert.Throws<TooFewOutcomesException>(() => ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, few, Criteria));
        Assert.Equal((9, 20, 10), (refused.Malignant, refused.Benign, refused.Needed));
        Assert.Contains("9 malignant and 20 benign", refused.Message, StringComparison.Ordinal);

        var threeFolds = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, few, Criteria with { Folds = 10, MinOutcomesPerClass = 3 });
        Assert.Equal(9, threeFolds.Folds.Count);
        Assert.All(threeFolds.Folds, f => Assert.Contains(true, f.Labels));
        Assert.Contains("Folds must be at least 2", Assert.Throws<ArgumentException>(() =>
            ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, few, Criteria with { Folds = 1 })).Message, StringComparison.Ordinal);
    }
}
