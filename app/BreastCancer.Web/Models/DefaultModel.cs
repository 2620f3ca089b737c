using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Web.Models;

/// <summary>
/// The study's documented final model, trained as notebook 06 trains it (cells <c>final</c> and <c>card</c>): L2
/// logistic regression with λ₂ = 3 fitted by <see cref="FinalModel.Train(CatalogueModel, BreastCancerData, HeldOutSplit, int, OperatingPointOptions?)"/> on the training rows of WDBC's study split
/// with seed 1, its threshold chosen for 98 % sensitivity; its card from 10-fold cross-validation repeated 3 times
/// (seed 1, an operating point chosen in each training fold) and the nested cross-validation of the L2 grid
/// (<see cref="StudyGrids.LogisticRegression"/>, 5 inner folds, ROC AUC). The same data give the same version.
/// </summary>
public static class DefaultModel
{
    /// <summary>The seed of the fit, of the folds and of the searches.</summary>
    public const int Seed = 1;

    /// <summary>The sensitivity the decision threshold is chosen for.</summary>
    public const double TargetSensitivity = 0.98;

    /// <summary>The model: logistic regression, L2, λ₂ = 3.</summary>
    public static CatalogueModel Model { get; } = ModelCatalogue.LogisticRegressionL2.With("l2", 3);

    /// <summary>
    /// Trains the model on <paramref name="wdbc"/>, builds its card dated <paramref name="created"/>, saves both under
    /// <paramref name="folder"/> with the card's page (<see cref="ModelCardHtml.Save"/>) and makes it current.
    /// </summary>
    public static SavedModel TrainAndSave(BreastCancerData wdbc, string folder, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(wdbc);
        var split = HeldOutSplit.ForStudy(wdbc);
        var train = wdbc.Subset(split.Train);
        var (x, y) = (train.ToArray(), train.IsMalignant);
        var folds = StratifiedGroupKFold.Split(y, null, k: 10, seed: Seed, repeats: 3);
        var final = FinalModel.Train(Model, wdbc, split, Seed, new OperatingPointOptions(TargetSensitivity));
        var crossValidation = CrossValidation.Run(Model.Pipeline(), x, y, folds, Seed, operatingPoint: new OperatingPointOptions(TargetSensitivity));
        var nested = NestedCrossValidation.Grid(ModelCatalogue.LogisticRegressionL2, StudyGrids.LogisticRegression, x, y, folds, innerFolds: 5, Metric.RocAuc, Seed);
        var card = ModelCard.Create(final, wdbc, split, crossValidation, nested, IntendedUse.Study, created);
        var saved = ModelStore.Save(folder, final, card);
        ModelCardHtml.Save(saved);
        return saved;
    }
}
