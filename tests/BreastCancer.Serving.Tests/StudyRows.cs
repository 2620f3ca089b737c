using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Tests;

namespace BreastCancer.Serving.Tests;

/// <summary>The WDBC rows of the study's held-out split, as the tests fit and score them.</summary>
internal static class StudyRows
{
    public static BreastCancerData Wdbc { get; } = DataLoader.Load(Repository.Data("wdbc.csv"));

    public static HeldOutSplit Split { get; } = HeldOutSplit.ForStudy(Wdbc);

    /// <summary>The training rows.</summary>
    public static double[][] Train { get; } = [.. Split.Train.Select(Wdbc.Row)];

    /// <summary>The training rows' labels (true = malignant).</summary>
    public static bool[] Labels { get; } = [.. Split.Train.Select(r => Wdbc.IsMalignant[r])];

    /// <summary>The held-out rows.</summary>
    public static double[][] Test { get; } = [.. Split.Test.Select(Wdbc.Row)];
}
