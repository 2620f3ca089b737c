using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>ML.NET's tree classifiers (FastForest alone and Platt-calibrated, FastTree, LightGBM) fitted once on every WDBC row, shared by the TreeSHAP tests.</summary>
public sealed class TreeModels
{
    public TreeModels()
    {
        Rows = Wdbc.ToArray();
        Fitted = new Dictionary<string, IFittedClassifier>
        {
            ["forest votes"] = MlNetClassifier.RandomForestVotes().Fit(Rows, Wdbc.IsMalignant, seed: 1),
            ["fasttree"] = ModelCatalogue.FastTree.Classifier().Fit(Rows, Wdbc.IsMalignant, seed: 1),
            ["lightgbm"] = ModelCatalogue.LightGbm.Classifier().Fit(Rows, Wdbc.IsMalignant, seed: 1),
            ["calibrated forest"] = MlNetClassifier.RandomForest().Fit(Rows, Wdbc.IsMalignant, seed: 1),
        };
    }

    /// <summary>The kinds fitted, for theories.</summary>
    public static TheoryData<string> Kinds => ["forest votes", "fasttree", "lightgbm", "calibrated forest"];

    /// <summary>The kinds that are ML.NET models themselves, with a <c>Score</c> column of their trees.</summary>
    public static TheoryData<string> MlNetKinds => ["forest votes", "fasttree", "lightgbm"];

    public BreastCancerData Wdbc { get; } = DataLoader.Load(Repository.Data("wdbc.csv"));

    public double[][] Rows { get; }

    public IReadOnlyDictionary<string, IFittedClassifier> Fitted { get; }
}
