using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;

namespace BreastCancer.Bench;

/// <summary>
/// The rows and folds every benchmark uses: WDBC, the study's held-out split, its 455 training rows, their repeated
/// stratified 10 × 3 folds and the single 10-fold split of notebook 06's grids (seed 1).
/// </summary>
internal sealed record BenchData(BreastCancerData Wdbc, HeldOutSplit Split, double[][] X, IReadOnlyList<bool> Y, IReadOnlyList<Fold> Folds, IReadOnlyList<Fold> TenFold)
{
    /// <summary>Loads WDBC from the repository's <c>data/</c> and splits it as the study does.</summary>
    public static BenchData Load()
    {
        var wdbc = DataLoader.Load(DataFiles.Wdbc);
        var split = HeldOutSplit.ForStudy(wdbc);
        var train = wdbc.Subset(split.Train);
        var y = train.IsMalignant;
        return new BenchData(wdbc, split, train.ToArray(), y,
            StratifiedGroupKFold.Split(y, null, k: 10, seed: 1, repeats: 3), StratifiedGroupKFold.Split(y, null, k: 10, seed: 1));
    }

    /// <summary>Folds as the peer's scripts read them: <c>[{ train: [...], test: [...] }]</c>.</summary>
    public static object Json(IEnumerable<Fold> folds) => folds.Select(f => new { train = f.Train, test = f.Test }).ToArray();
}
