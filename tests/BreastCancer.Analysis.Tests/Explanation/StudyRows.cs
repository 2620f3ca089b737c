using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>WDBC and the study's held-out split, as the rows and labels the explanation tests fit and explain.</summary>
internal static class StudyRows
{
    public static BreastCancerData Wdbc { get; } = DataLoader.Load(Repository.Data("wdbc.csv"));

    public static HeldOutSplit Split { get; } = HeldOutSplit.ForStudy(Wdbc);

    public static double[][] All { get; } = Wdbc.ToArray();

    public static double[][] Training { get; } = [.. Split.Train.Select(Wdbc.Row)];

    public static bool[] TrainingLabels { get; } = [.. Split.Train.Select(r => Wdbc.IsMalignant[r])];

    public static double[][] HeldOut { get; } = [.. Split.Test.Select(Wdbc.Row)];

    public static bool[] HeldOutLabels { get; } = [.. Split.Test.Select(r => Wdbc.IsMalignant[r])];
}
