using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;

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

        var auc = comparison.Metrics.Single(m => m.Metric == Metric.RocAuc);
        Assert.Equal(comparison.Folds.Average(f => f.Challenger.Metrics.RocAuc - f.Champion.Metrics.RocAuc), auc.Difference, 12);
        Assert.Equal(comparison.Folds.Average(f => f.Champion.Metrics.RocAuc), auc.Champion, 12);
    }

    [Fact]
    public void A_challenger_with_outcomes_of_the_shifted_population_beats_the_champion_on_them_and_is_promoted()
    {
        var comparison = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, HeldOutOutcomes(1.15), Criteria);

        Assert.Equal(new RetrainCriteria(), Criteria);
        Assert.True(comparison.Verdict.Promote, string.Join("\n", comparison.Verdict.Reasons));
        Assert.True(comparison.Metrics.Single(m => m.Metric == Metric.LogLoss).Difference < 0);
        Assert.True(comparison.Metrics.Single(m => m.Metric == Metric.Specificity).Difference > 0);
        Assert.All(comparison.Metrics.Where(m => m.AllowedLoss is not null), m => Assert.True(m.Passed));
        Assert.Equal(4, comparison.Verdict.Reasons.Count);
        Assert.Contains("bc-challenger-folds", DeploymentHtml.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void A_challenger_trained_on_outcomes_with_a_third_of_the_diagnoses_misrecorded_ranks_worse_and_is_not_promoted()
    {
        var comparison = ChallengerComparison.Run(Champion, study.Model, study.Train.ToArray(), study.Train.IsMalignant, HeldOutOutcomes(1.0, misrecorded: 0.3), Criteria);

        Assert.False(comparison.Verdict.Promote);
        var auc = comparison.Metrics.Single(m => m.Metric == Metric.RocAuc);
        Assert.False(auc.Passed);
        Assert.True(auc.Loss > Criteria.MaxRocAucLoss, $"loss {auc.Loss}");
        Assert.Contains(comparison.Verdict.Reasons, r => r.StartsWith("ROC AUC:", StringComparison.Ordinal) && r.EndsWith(": worse", StringComparison.Ordinal));
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
