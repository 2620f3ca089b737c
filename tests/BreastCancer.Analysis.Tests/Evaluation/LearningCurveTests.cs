using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class LearningCurveTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly double[][] Rows = Wdbc.ToArray();
    private static readonly IReadOnlyList<Fold> Folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 5, seed: 2);

    [Fact]
    public void At_the_full_share_the_curve_is_the_ordinary_cross_validation_and_smaller_shares_fit_on_stratified_subsamples_of_each_fold()
    {
        var pipeline = ModelCatalogue.LogisticRegressionL2.Pipeline();

        var curve = LearningCurve.Run(pipeline, Rows, Wdbc.IsMalignant, Folds, [1.0, 0.25], seed: 1);

        var full = CrossValidation.Run(pipeline, Rows, Wdbc.IsMalignant, Folds, seed: 1);
        Assert.Equal([0.25, 1.0], curve.Points.Select(p => p.Share));
        Assert.Equal(full.Folds.Select(f => f.Probabilities), curve.Points[1].Result.Folds.Select(f => f.Probabilities));
        for (var f = 0; f < Folds.Count; f++)
        {
            var malignant = Folds[f].Train.Count(r => Wdbc.IsMalignant[r]);
            var benign = Folds[f].Train.Count - malignant;
            Assert.Equal((int)Math.Round(0.25 * malignant) + (int)Math.Round(0.25 * benign), curve.Points[0].Result.Folds[f].TrainingRows);
            Assert.Equal(Folds[f].Test, curve.Points[0].Result.Folds[f].Rows);
        }

        Assert.Equal(curve.Points[0].Result.Folds.Average(f => f.TrainingRows), curve.Points[0].TrainingRows, 9);
    }

    [Fact]
    public void The_same_seed_gives_the_same_curve_and_bad_shares_are_refused()
    {
        var pipeline = ModelCatalogue.LogisticRegressionL2.Pipeline();

        var first = LearningCurve.Run(pipeline, Rows, Wdbc.IsMalignant, Folds, [0.3], seed: 4);
        var again = LearningCurve.Run(pipeline, Rows, Wdbc.IsMalignant, Folds, [0.3], seed: 4);

        Assert.Equal(first.Points[0].Result.Folds.Select(f => f.Probabilities), again.Points[0].Result.Folds.Select(f => f.Probabilities));
        Assert.Contains("(0, 1]", Assert.Throws<ArgumentException>(() => LearningCurve.Run(pipeline, Rows, Wdbc.IsMalignant, Folds, [0.5, 1.5], seed: 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LearningCurve.Run(pipeline, Rows, Wdbc.IsMalignant, Folds, [], seed: 1));
    }
}
