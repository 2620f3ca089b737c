using System.Text;
using BreastCancer.Analysis.Data;

namespace BreastCancer.Analysis.Tests.Data;

/// <summary>
/// Random corruptions of the shipped wdbc.csv, seeded: each ends as the same data set, or a clear error at the right
/// line, never a crash and never a silently different data set.
/// </summary>
public sealed class CorruptionPropertyTests : IDisposable
{
    private const int Trials = 60;
    private static readonly string Original = File.ReadAllText(Repository.Data("wdbc.csv"));
    private static readonly BreastCancerData Shipped = DataLoader.Load(Repository.Data("wdbc.csv"));
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Harmless_changes_of_form_give_the_same_data_set(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < Trials; trial++)
        {
            var lines = Lines();
            var quoteShare = random.NextDouble();
            lines = [.. lines.Select(l => string.Join(",", l.Split(',').Select(f => random.NextDouble() < quoteShare ? $"\"{f}\"" : f)))];
            var text = string.Join(random.Next(2) == 0 ? "\r\n" : "\n", lines) + "\n";
            var bytes = Encoding.UTF8.GetBytes(text);
            if (random.Next(2) == 0)
            {
                bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
            }

            var data = DataLoader.Load(_files.WriteBytes($"form-{seed}-{trial}.csv", bytes));

            AssertSameRows(data, Shipped.RowCount);
            Assert.Empty(data.Warnings);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void A_dropped_or_extra_cell_is_an_error_at_its_line(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < Trials; trial++)
        {
            var lines = Lines();
            var line = random.Next(1, lines.Length);
            var fields = lines[line].Split(',').ToList();
            if (random.Next(2) == 0)
            {
                fields.RemoveAt(random.Next(fields.Count));
            }
            else
            {
                fields.Insert(random.Next(fields.Count + 1), random.Next(2) == 0 ? "" : "0.5");
            }

            lines[line] = string.Join(",", fields);

            var error = Assert.Throws<DataValidationException>(() => DataLoader.Load(Write(lines, $"cells-{seed}-{trial}.csv")));

            var finding = Assert.Single(error.Report.Errors);
            Assert.Equal(line + 1, finding.Line);
            Assert.Contains("fields, but the header has 31", finding.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Text_in_a_number_is_an_error_naming_line_column_and_value(int seed)
    {
        var random = new Random(seed);
        var junk = new[] { "abc", "1.2.3", "12,5", "n/a", "--1", "0x10", "1e999", "NaN", "-inf" };
        for (var trial = 0; trial < Trials; trial++)
        {
            var lines = Lines();
            var line = random.Next(1, lines.Length);
            var fields = lines[line].Split(',');
            var column = random.Next(1, fields.Length);
            var bad = junk[random.Next(junk.Length)];
            fields[column] = bad.Contains(',', StringComparison.Ordinal) ? $"\"{bad}\"" : bad;
            lines[line] = string.Join(",", fields);

            var error = Assert.Throws<DataValidationException>(() => DataLoader.Load(Write(lines, $"text-{seed}-{trial}.csv")));

            var finding = Assert.Single(error.Report.Errors);
            Assert.Equal((line + 1, Shipped.FeatureNames[column - 1], bad), (finding.Line!.Value, finding.Column, finding.Value));
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void A_truncated_file_keeps_only_whole_rows_or_says_its_last_line_may_be_cut(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < Trials; trial++)
        {
            var cut = random.Next(Original.IndexOf('\n', StringComparison.Ordinal) + 1, Original.Length);
            var text = Original[..cut];
            var path = _files.Write($"cut-{seed}-{trial}.csv", text);
            var wholeRows = text.Count(c => c == '\n') - 1;

            try
            {
                var data = DataLoader.Load(path);
                var endsCleanly = text[^1] == '\n';
                if (endsCleanly)
                {
                    AssertSameRows(data, wholeRows);
                    Assert.Empty(data.Warnings);
                }
                else
                {
                    Assert.Equal(wholeRows + 1, data.RowCount);
                    AssertSameRows(data.Subset([.. Enumerable.Range(0, wholeRows)]), wholeRows);
                    Assert.All(data.Warnings, w => Assert.Equal(wholeRows + 2, w.Line));
                    Assert.Contains(data.Warnings, w => w.Message.Contains("may be truncated", StringComparison.Ordinal));
                }
            }
            catch (DataValidationException error)
            {
                Assert.NotEmpty(error.Report.Errors);
                Assert.All(error.Report.Errors, e => Assert.Equal(wholeRows + 2, e.Line));
            }
        }
    }

    private static string[] Lines() => Original.TrimEnd('\n').Split('\n');

    private string Write(string[] lines, string name) => _files.Write(name, string.Join("\n", lines) + "\n");

    private static void AssertSameRows(BreastCancerData data, int rows)
    {
        Assert.Equal(rows, data.RowCount);
        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(Shipped.IsMalignant[r], data.IsMalignant[r]);
            Assert.Equal(Shipped.Row(r), data.Row(r));
        }
    }
}
