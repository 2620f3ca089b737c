using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>ML.NET's tree classifiers (FastTree alone and Platt-calibrated, LightGBM) fitted once on every WDBC row, shared by the TreeSHAP tests.</summary>
public sealed class TreeModels
{
    public TreeModels()
    {
        Rows = Wdbc.ToArray();
        Fitted = new Dictionary<string, IFittedClassifier>
        {
            ["fasttree"] = ModelCatalogue.FastTree.Classifier().Fit(Rows, Wdbc.IsMalignant, seed: 1),
            ["lightgbm"] = ModelCatalogue.LightGbm.Classifier().Fit(Rows, Wdbc.IsMalignant, seed: 1),
            ["calibrated fasttree"] = new CalibratedClassifier(ModelCatalogue.FastTree.Classifier()).Fit(Rows, Wdbc.IsMalignant, seed: 1),
        };
    }

    /// <summary>The kinds fitted, for theories.</summary>
    public static TheoryData<string> Kinds => ["fasttree", "lightgbm", "calibrated fasttree"];

    /// <summary>The kinds that are ML.NET models themselves, with a <c>Score</c> column of their trees.</summary>
    public static TheoryData<string> MlNetKinds => ["fasttree", "lightgbm"];

    public BreastCancerData Wdbc { get; } = DataLoader.Load(Repository.Data("wdbc.csv"));

    public double[][] Rows { get; }

    public IReadOnlyDictionary<string, IFittedClassifier> Fitted { get; }
}
