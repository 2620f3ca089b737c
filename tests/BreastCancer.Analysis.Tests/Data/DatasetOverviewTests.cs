using BreastCancer.Analysis.Data;
using Microsoft.Data.Analysis;

namespace BreastCancer.Analysis.Tests.Data;

public sealed class DatasetOverviewTests
{
    [Fact]
    public void Counts_and_shares_are_those_of_a_hand_made_frame()
    {
        var frame = new DataFrame(
            new PrimitiveDataFrameColumn<int>("id", [1, 2, 3, 4, 5]),
            new DoubleDataFrameColumn("radius", [1.0, 2.0, 3.0, 4.0, 5.0]),
            new DoubleDataFrameColumn("area", [1.0, 2.0, 3.0, 4.0, 5.0]),
            new StringDataFrameColumn("label", ["B", "M", "B", null, "B"]));

        var overview = DatasetOverview.Of("hand", frame, "label");

        Assert.Equal(5, overview.Rows);
        Assert.Equal(2, overview.Features);
        Assert.Equal([new ClassCount("B", 3, 0.6), new ClassCount("(missing)", 1, 0.2), new ClassCount("M", 1, 0.2)], overview.ClassCounts);
    }

    [Fact]
    public void A_missing_label_column_is_named_with_the_columns_there_are()
    {
        var frame = new DataFrame(new StringDataFrameColumn("diagnosis", ["M"]));

        var error = Assert.Throws<ArgumentException>(() => DatasetOverview.Of("x.csv", frame, "class"));

        Assert.Contains("x.csv has no column 'class' (columns: diagnosis)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wdbc.csv", "diagnosis", 30)]
    [InlineData("wbco.csv", "class", 9)]
    public void The_shipped_data_sets_match_a_count_of_their_raw_lines(string file, string label, int features)
    {
        var lines = File.ReadAllLines(Repository.Data(file)).Skip(1).ToList();
        var labelIndex = File.ReadLines(Repository.Data(file)).First().Split(',').ToList().IndexOf(label);
        var malignant = lines.Count(l => l.Split(',')[labelIndex] == "M");

        var overview = DatasetOverview.Of(file, DataFrame.LoadCsv(Repository.Data(file), guessRows: lines.Count), label);

        Assert.Equal(lines.Count, overview.Rows);
        Assert.Equal(features, overview.Features);
        Assert.Equal(malignant, overview.ClassCounts.Single(c => c.Label == "M").Count);
        Assert.Equal(lines.Count - malignant, overview.ClassCounts.Single(c => c.Label == "B").Count);
    }
}
