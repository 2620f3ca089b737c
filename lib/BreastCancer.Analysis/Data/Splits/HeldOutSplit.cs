namespace BreastCancer.Analysis.Data.Splits;

/// <summary>
/// The held-out test split of the study: a stratified (and, where the data has ids, patient-grouped) share of the rows
/// set aside in notebook 01 and scored only at the end (the candidate models once in notebook 05, the final model once
/// in notebook 06). Every notebook reuses it through
/// <see cref="ForStudy"/>, which gives the same rows for the same data every time.
/// </summary>
/// <param name="Train">Row indices for everything before the final test: exploration, selection, tuning, ascending.</param>
/// <param name="Test">Row indices held out, ascending.</param>
/// <param name="TestFraction">The share of rows asked for (the split keeps groups whole, so the share held out is close to it).</param>
/// <param name="Seed">The seed that made the split.</param>
/// <param name="TrainMalignant">Malignant rows among the training rows.</param>
/// <param name="TestMalignant">Malignant rows among the held-out rows.</param>
public sealed record HeldOutSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Test, double TestFraction, int Seed, int TrainMalignant, int TestMalignant)
{
    /// <summary>The study's seed for the held-out split.</summary>
    public const int StudySeed = 20_261_124;

    /// <summary>The study's share of rows held out: one in five.</summary>
    public const double StudyTestFraction = 0.2;

    /// <summary>The study's held-out split of <paramref name="data"/>: 20 % of rows, stratified, grouped by id, seed <see cref="StudySeed"/>.</summary>
    public static HeldOutSplit ForStudy(BreastCancerData data) => Create(data, StudyTestFraction, StudySeed);

    /// <summary>A stratified, grouped split holding out about <paramref name="testFraction"/> of the rows (one fold of ⌊1/fraction⌉-fold CV).</summary>
    public static HeldOutSplit Create(BreastCancerData data, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (testFraction is <= 0 or >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "hold out more than 0 and less than half of the rows");
        }

        var k = (int)Math.Round(1 / testFraction);
        var fold = StratifiedGroupKFold.Split(data.IsMalignant, data.Ids, k, seed)[0];
        return new HeldOutSplit(fold.Train, fold.Test, testFraction, seed,
            fold.Train.Count(r => data.IsMalignant[r]), fold.Test.Count(r => data.IsMalignant[r]));
    }
}
