using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Web.Tests;

/// <summary>A models folder holding two versions, for the tests of promotion, rollback and the dashboard's marks.</summary>
internal static class ModelVersionsFolder
{
    /// <summary>The fixture's model copied into <paramref name="folder"/>, beside a second version (λ₂ = 0.3) trained with a smaller card; the first is current.</summary>
    public static (SavedModel First, SavedModel Second) Create(TrainedModel model, string folder)
    {
        var source = Path.Combine(model.Folder, model.Saved.Version);
        var target = Path.Combine(folder, model.Saved.Version);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var split = HeldOutSplit.ForStudy(model.Wdbc);
        var train = model.Wdbc.Subset(split.Train);
        var folds = StratifiedGroupKFold.Split(train.IsMalignant, null, 5, seed: 1);
        var challenger = ModelCatalogue.LogisticRegressionL2.With("l2", 0.3);
        var final = FinalModel.Train(challenger, model.Wdbc, split, seed: 1);
        var crossValidation = CrossValidation.Run(challenger.Pipeline(), train, folds, seed: 1, operatingPoint: new OperatingPointOptions());
        var nested = NestedCrossValidation.Grid(ModelCatalogue.LogisticRegressionL2, [("l2", [0.3, 3.0])], train.ToArray(), train.IsMalignant, folds, innerFolds: 3, Metric.RocAuc, seed: 1);
        var second = ModelStore.Save(folder, final, ModelCard.Create(final, model.Wdbc, split, crossValidation, nested, IntendedUse.Study, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        return (ModelStore.Promote(folder, model.Saved.Version), ModelStore.Load(folder, second.Version));
    }
}
