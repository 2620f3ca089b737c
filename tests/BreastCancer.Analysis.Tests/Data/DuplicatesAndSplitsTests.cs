using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;

namespace BreastCancer.Analysis.Tests.Data;

public sealed class DuplicatesAndSplitsTests : IDisposable
{
    private static readonly BreastCancerData Wbco = DataLoader.Load(Repository.Data("wbco.csv"));
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Exact_copies_repeated_ids_and_conflicting_diagnoses_are_found_in_a_hand_made_set()
    {
        var data = TestData.Wbco(_files,
            ("7", TestData.Scores(1), false),
            ("7", TestData.Scores(1), false),
            ("7", TestData.Scores(2), true),
            ("8", TestData.Scores(1), false),
            ("9", TestData.Scores(5, 5, null), true),
            ("9", TestData.Scores(5, 5, null), true));

        var report = DuplicateReport.Of(data);

        Assert.Equal([[2, 3], [6, 7]], report.ExactCopies.Select(g => g.ToArray()));
        Assert.Equal(2, report.RowsCopyingAnother);
        Assert.Equal([("7", 3), ("9", 2)], report.RepeatedIds.Select(r => (r.Id, r.Lines.Count)));
        Assert.Equal(3, report.RowsRepeatingAnId);
        Assert.Equal(["7"], report.ConflictingIds);
    }

    [Fact]
    public void The_shipped_wbco_has_54_rows_repeating_46_ids_as_its_datasheet_says()
    {
        var lines = File.ReadAllLines(Repository.Data("wbco.csv")).Skip(1).ToList();
        var byId = lines.GroupBy(l => l.Split(',')[0]).Where(g => g.Count() > 1).ToList();

        var report = DuplicateReport.Of(Wbco);

        Assert.Equal(54, report.RowsRepeatingAnId);
        Assert.Equal(byId.Count, report.RepeatedIds.Count);
        Assert.Equal(lines.Count - lines.Distinct().Count(), report.RowsCopyingAnother);
        Assert.Equal(byId.Count(g => g.Select(l => l[^1]).Distinct().Count() > 1), report.ConflictingIds.Count);
        Assert.Empty(DuplicateReport.Of(Wdbc).RepeatedIds);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Grouped_folds_never_split_a_patient_and_cover_every_row_once_per_repeat(int seed)
    {
        var folds = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, k: 10, seed, repeats: 3);

        Assert.Equal(30, folds.Count);
        foreach (var repeat in folds.GroupBy(f => f.Repeat))
        {
            Assert.Equal(Enumerable.Range(0, Wbco.RowCount), repeat.SelectMany(f => f.Test).Order());
            foreach (var fold in repeat)
            {
                Assert.Empty(fold.Train.Intersect(fold.Test));
                Assert.Equal(Wbco.RowCount, fold.Train.Count + fold.Test.Count);
                var testIds = fold.Test.Select(r => Wbco.Ids![r]).ToHashSet();
                Assert.DoesNotContain(fold.Train, r => testIds.Contains(Wbco.Ids![r]));
            }
        }
    }

    [Fact]
    public void Folds_are_stratified_to_within_a_few_rows_of_the_class_share()
    {
        var share = Wbco.IsMalignant.Count(m => m) / (double)Wbco.RowCount;

        var folds = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, k: 10, seed: 5);

        Assert.All(folds, f => Assert.InRange(f.Test.Count(r => Wbco.IsMalignant[r]), share * f.Test.Count - 3, share * f.Test.Count + 3));
        Assert.All(folds, f => Assert.InRange(f.Test.Count, 66, 74));
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_another_seed_other_folds()
    {
        var first = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, 5, seed: 42, repeats: 2);
        var again = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, 5, seed: 42, repeats: 2);
        var other = StratifiedGroupKFold.Split(Wbco.IsMalignant, Wbco.Ids, 5, seed: 43, repeats: 2);

        Assert.Equal(first.Select(f => f.Test.ToArray()), again.Select(f => f.Test.ToArray()));
        Assert.NotEqual(first.Select(f => f.Test.ToArray()), other.Select(f => f.Test.ToArray()));
        Assert.NotEqual(first[0].Test, first[5].Test);
    }

    [Fact]
    public void The_study_held_out_split_is_reproducible_stratified_and_keeps_patients_whole()
    {
        var split = HeldOutSplit.ForStudy(Wbco);
        var again = HeldOutSplit.ForStudy(DataLoader.Load(Repository.Data("wbco.csv")));
        var wdbc = HeldOutSplit.ForStudy(Wdbc);

        Assert.Equal(split.Test, again.Test);
        Assert.Equal(Enumerable.Range(0, Wbco.RowCount), split.Train.Concat(split.Test).Order());
        Assert.InRange(split.Test.Count / (double)Wbco.RowCount, 0.18, 0.22);
        var testIds = split.Test.Select(r => Wbco.Ids![r]).ToHashSet();
        Assert.DoesNotContain(split.Train, r => testIds.Contains(Wbco.Ids![r]));
        Assert.InRange(wdbc.Test.Count, 113, 115);
        Assert.InRange(wdbc.Test.Count(r => Wdbc.IsMalignant[r]), 41, 44);
        Assert.Equal(HeldOutSplit.StudySeed, wdbc.Seed);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-0.1)]
    public void A_held_out_share_outside_zero_to_one_half_is_refused(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HeldOutSplit.Create(Wdbc, fraction, 1));
}
