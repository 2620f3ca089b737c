using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Deployment;

/// <summary>WDBC, the study's held-out split, and a small tuned logistic regression with its card, shared by the deployment tests.</summary>
public sealed class StudyModels
{
    public StudyModels()
    {
        Split = HeldOutSplit.ForStudy(Wdbc);
        Train = Wdbc.Subset(Split.Train);
        Folds = StratifiedGroupKFold.Split(Train.IsMalignant, null, 5, seed: 1);
        Nested = NestedCrossValidation.Grid(ModelCatalogue.LogisticRegressionL2, [("l2", [0.3, 3.0])], Train.ToArray(), Train.IsMalignant, Folds, innerFolds: 3, Metric.RocAuc, seed: 1);
        Model = ModelCatalogue.LogisticRegressionL2.With("l2", 3);
        (Final, CrossValidation, Card) = Tuned(Model, seed: 1);
    }

    public static DateTimeOffset Created { get; } = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public BreastCancerData Wdbc { get; } = DataLoader.Load(Repository.Data("wdbc.csv"));

    public HeldOutSplit Split { get; }

    public BreastCancerData Train { get; }

    public IReadOnlyList<Fold> Folds { get; }

    public CatalogueModel Model { get; }

    public NestedCrossValidationResult Nested { get; }

    public CrossValidationResult CrossValidation { get; }

    public FinalModel Final { get; }

    public ModelCard Card { get; }

    /// <summary>The final model of <paramref name="model"/> with its cross-validation (with an operating point) and its card.</summary>
    public (FinalModel Final, CrossValidationResult CrossValidation, ModelCard Card) Tuned(CatalogueModel model, int seed)
    {
        var final = FinalModel.Train(model, Wdbc, Split, seed);
        var crossValidation = Analysis.Evaluation.CrossValidation.Run(model.Pipeline(), Train, Folds, seed: 1, operatingPoint: new OperatingPointOptions());
        return (final, crossValidation, ModelCard.Create(final, Wdbc, Split, crossValidation, Nested, IntendedUse.Study, Created));
    }

    /// <summary>Every row of WDBC, and one more with a missing cell, so that imputation is exercised too.</summary>
    public double[][] RowsToScore => [.. Wdbc.ToArray(), [double.NaN, .. Wdbc.Row(0)[1..]]];
}
