using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Tuning;

public sealed class SplitRobustnessTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));

    [Fact]
    public void Each_split_is_the_final_procedure_on_a_split_of_its_own_seed_and_each_fold_seed_a_cross_validation_of_the_study_training_rows()
    {
        var model = ModelCatalogue.LogisticRegressionL2.With("l2", 3);

        var robustness = SplitRobustness.Run(model, Wdbc, splits: 2, foldSeeds: 2, firstSeed: 5);

        Assert.Equal([5, 6], robustness.Splits.Select(s => s.Seed));
        var split = HeldOutSplit.Create(Wdbc, 0.2, 6);
        var final = FinalModel.Train(model, Wdbc, split, 6);
        Assert.Equal(new SplitOutcome(6, final.Threshold, final.HeldOut.Metrics.Accuracy, final.HeldOut.Metrics.RocAuc,
            final.HeldOut.OperatingPoint.Test.Sensitivity, final.HeldOut.OperatingPoint.Test.Specificity), robustness.Splits[1]);
        Assert.NotEqual(HeldOutSplit.Create(Wdbc, 0.2, 5).Test, split.Test);

        var training = Wdbc.Subset(HeldOutSplit.ForStudy(Wdbc).Train);
        var cv = CrossValidation.Run(model.Pipeline(), training.ToArray(), training.IsMalignant, StratifiedGroupKFold.Split(training.IsMalignant, null, 10, 5), 5);
        Assert.Equal(new FoldSeedOutcome(5, cv.Summary(Metric.Accuracy).Mean, cv.Summary(Metric.RocAuc).Mean), robustness.FoldSeeds[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => SplitRobustness.Run(model, Wdbc, splits: 1));
    }
}
