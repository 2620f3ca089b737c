using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>WDBC, the study's held-out split and the Platt-calibrated RBF SVM pipeline fitted on the training rows, shared by the Kernel SHAP tests.</summary>
public sealed class StudyRbfSvm
{
    public StudyRbfSvm()
    {
        var split = HeldOutSplit.ForStudy(Wdbc);
        var train = Wdbc.Subset(split.Train);
        Train = train.ToArray();
        Test = Wdbc.Subset(split.Test).ToArray();
        Model = ModelCatalogue.RbfSvm.Pipeline().Fit(Train, train.IsMalignant, seed: 1);
    }

    public BreastCancerData Wdbc { get; } = DataLoader.Load(Repository.Data("wdbc.csv"));

    public double[][] Train { get; }

    public double[][] Test { get; }

    public FittedPipeline Model { get; }
}
