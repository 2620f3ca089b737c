using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Tuning;

public sealed class FinalModelTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private static readonly HeldOutSplit Split = HeldOutSplit.ForStudy(Wdbc);

    [Fact]
    public void The_final_model_is_the_pipeline_fitted_on_the_training_rows_and_scored_once_on_the_held_out_rows()
    {
        var model = ModelCatalogue.LogisticRegressionL2.With("l2", 3);

        var final = FinalModel.Train(model, Wdbc, Split, seed: 4);

        var fitted = model.Pipeline().Fit([.. Split.Train.Select(Wdbc.Row)], [.. Split.Train.Select(r => Wdbc.IsMalignant[r])], seed: 4);
        var heldOutRows = Split.Test.Select(Wdbc.Row).ToArray();
        var heldOutLabels = Split.Test.Select(r => Wdbc.IsMalignant[r]).ToArray();
        var probabilities = fitted.PredictProbability(heldOutRows);
        Assert.Equal(probabilities, final.Fitted.PredictProbability(heldOutRows));
        Assert.Equal(ClassificationMetrics.Compute(heldOutLabels, probabilities), final.HeldOut.Metrics);
        Assert.Equal(ClassificationMetrics.Compute(heldOutLabels, probabilities, final.Threshold), final.HeldOut.OperatingPoint.Test);
        Assert.True(final.HeldOut.OperatingPoint.Training.Sensitivity >= 0.98, "the threshold reaches the target on the training rows' out-of-fold predictions");
        Assert.Equal((455, 114), (final.HeldOut.TrainingRows, final.HeldOut.TestRows));
    }

    [Fact]
    public void No_fit_of_the_final_model_or_of_its_threshold_search_sees_a_held_out_row_and_the_check_would_catch_it_if_one_did()
    {
        var test = Split.Test.ToHashSet();
        var rows = Wdbc.ToArray().Select((r, i) => (double[])[test.Contains(i) ? 1 : 0, .. r[1..]]).ToArray();
        var marked = new BreastCancerData(Wdbc.Kind, Wdbc.Source, Wdbc.Layout, rows, Wdbc.IsMalignant, null, Wdbc.SourceLines, []);
        var spy = new MarkerSpy(0);
        var model = new CatalogueModel("spy", new Dictionary<string, double>(), _ => spy);

        FinalModel.Train(model, marked, Split, seed: 1);

        Assert.Equal(6, spy.Fits);
        Assert.Equal(0, spy.FitsThatSawAMarkedRow);
        model.Pipeline().Fit(rows, Wdbc.IsMalignant, seed: 1);
        Assert.Equal(1, spy.FitsThatSawAMarkedRow);
    }
}
