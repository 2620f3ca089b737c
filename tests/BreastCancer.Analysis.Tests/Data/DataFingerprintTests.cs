using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;

namespace BreastCancer.Analysis.Tests.Data;

public sealed class DataFingerprintTests
{
    [Fact]
    public void The_fingerprint_of_rows_is_the_SHA_256_of_their_canonical_text()
    {
        using var files = new TempFiles();
        var path = files.Write("two.csv", """
            id,clump_thickness,cell_size_uniformity,cell_shape_uniformity,marginal_adhesion,epithelial_cell_size,bare_nuclei,bland_chromatin,normal_nucleoli,mitoses,class
            1000025,5,1,1,1,2,1,3,1,1,B
            1002945,5,4,4,5,7,,3,2,1,M

            """);

        // printf 'B,5,1,1,1,2,1,3,1,1\nM,5,4,4,5,7,,3,2,1\n' | sha256sum
        Assert.Equal("d4d9dc3261dd0293ff33f21548a52bfdbbc51e4a939af4c5dd61d9965c339ce2", DataFingerprint.OfRows(DataLoader.Load(path)));
    }

    [Fact]
    public void The_file_fingerprint_is_the_checksum_the_datasheet_lists()
    {
        var listed = File.ReadLines(Repository.Data("README.md")).Single(l => l.EndsWith("  wdbc.csv", StringComparison.Ordinal))[..64];

        Assert.Equal(listed, DataFingerprint.OfFile(Repository.Data("wdbc.csv")));
    }

    [Fact]
    public void A_changed_training_value_changes_the_training_fingerprint_and_a_changed_held_out_value_does_not()
    {
        using var files = new TempFiles();
        var lines = File.ReadAllLines(Repository.Data("wdbc.csv"));
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var split = HeldOutSplit.ForStudy(wdbc);
        var training = DataFingerprint.OfRows(wdbc.Subset(split.Train));

        Assert.Equal(training, TrainingOf(Edited(split.Test[0])));
        Assert.NotEqual(training, TrainingOf(Edited(split.Train[0])));
        Assert.NotEqual(training, DataFingerprint.OfRows(wdbc));

        string TrainingOf(string path) => DataFingerprint.OfRows(DataLoader.Load(path).Subset(split.Train));

        string Edited(int row)
        {
            var copy = (string[])lines.Clone();
            var cells = copy[wdbc.SourceLines[row] - 1].Split(',');
            cells[^1] = (double.Parse(cells[^1], System.Globalization.CultureInfo.InvariantCulture) + 0.001).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            copy[wdbc.SourceLines[row] - 1] = string.Join(',', cells);
            return files.Write($"edited-{row}.csv", string.Join('\n', copy) + "\n");
        }
    }
}
